/**
 * Libraries loaded on first use. Each lives in its own bundle (dist/language-client.js, dist/yaml.js, from
 * ./libraries/), required only when called, so VS Code's load of the extension pays for neither reading nor
 * evaluating them: the language client library is the bulk of it and is first needed after activation; `yaml` only
 * by the preview hover, Explain Injection and the cluster view's documents. From out/ and under tsx the same relative
 * paths find ./libraries/*.
 */
import path from 'node:path';
import type * as LanguageClient from './libraries/language-client';
import type * as Yaml from './libraries/yaml';

/* eslint-disable @typescript-eslint/no-require-imports -- deferred loading is the point (see above) */

// In dist/ the bundles sit next to extension.js; from out/client/src or client/src they are under libraries/.
const dir = path.basename(__dirname) === 'dist' ? __dirname : path.join(__dirname, 'libraries');

export function clientLibrary(): typeof LanguageClient {
  return require(path.join(dir, 'language-client')) as typeof LanguageClient;
}

export function yamlLibrary(): typeof Yaml {
  return require(path.join(dir, 'yaml')) as typeof Yaml;
}
