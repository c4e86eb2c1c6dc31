/**
 * Libraries evaluated on first use. esbuild still bundles them into extension.js, but a require() inside a function
 * runs a module tree only when called, so VS Code's load of the extension does not pay for it: the language client
 * library is the bulk of the bundle's evaluation time and is first needed after activation; `yaml` only by the
 * preview hover, Explain Injection and the cluster view's documents.
 */
import type * as ClientLibrary from 'vscode-languageclient/node';
import type * as Yaml from 'yaml';

/* eslint-disable @typescript-eslint/no-require-imports -- deferred evaluation is the point (see above) */

export function clientLibrary(): typeof ClientLibrary {
  return require('vscode-languageclient/node') as typeof ClientLibrary;
}

export function yamlLibrary(): typeof Yaml {
  return require('yaml') as typeof Yaml;
}
