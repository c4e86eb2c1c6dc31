/** vscode-languageclient, bundled on its own (dist/language-client.js): see ../lazy-libraries.ts. */
export * from 'vscode-languageclient/node';
