/** yaml, bundled on its own (dist/yaml.js): see ../lazy-libraries.ts. */
export * from 'yaml';
