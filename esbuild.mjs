// Bundles the shippable entry points into dist/. Type checking is `tsc -b`'s job; this only bundles.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'cli/src/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/main.ts', out: 'server' },
  { in: 'client/src/extension.ts', out: 'extension' },
  // The Kubernetes client is big and most sessions never touch a cluster: its own bundle, required on first use.
  { in: 'client/src/kube/index.ts', out: 'kube' },
  // The language client and yaml: needed only after activation, so not read or evaluated while VS Code activates us.
  { in: 'client/src/libraries/language-client.ts', out: 'language-client' },
  { in: 'client/src/libraries/yaml.ts', out: 'yaml' },
].filter((e) => existsSync(e.in));

await Promise.all(entries.map((e) => esbuild.build({
  entryPoints: { [e.out]: e.in },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  banner: e.banner ? { js: e.banner } : undefined,
  logLevel: 'warning',
})));
