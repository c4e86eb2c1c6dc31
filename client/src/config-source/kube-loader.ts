/**
 * The Kubernetes client, loaded on first use: dist/kube.js is its own bundle (esbuild.mjs), so a session that never
 * reads a cluster never loads @kubernetes/client-node.
 */
import * as path from 'node:path';
import type * as Kube from '../kube';

let loaded: typeof Kube | undefined;

export function kube(): typeof Kube {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, so that esbuild leaves it out of extension.js
  loaded ??= require(path.join(__dirname, 'kube.js')) as typeof Kube;
  return loaded;
}
