/**
 * vscode-languageclient, evaluated on first use. esbuild still bundles it into extension.js, but a require() inside a
 * function runs its module tree (the bulk of the bundle's evaluation time) only when called: after activation, when
 * the language client is made, instead of while VS Code is loading the extension.
 */
import type * as ClientLibrary from 'vscode-languageclient/node';

export function clientLibrary(): typeof ClientLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred evaluation is the point (see above)
  return require('vscode-languageclient/node') as typeof ClientLibrary;
}
