// The .vsix allow-list, checked on what `vsce ls` would package from the built tree: only bundles, manifests,
// localisation, the icon and the docs; no sources, tests, maps or node_modules; bundles that need nothing else.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { listFiles, PackageManager } from '@vscode/vsce';
import { checkShipped, foreignRequires } from './shipped-files';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

test('vsce packages exactly the allow-listed files', async (t) => {
  if (!existsSync(join(ROOT, 'dist', 'extension.js'))) {
    t.skip('dist/ is not built (npm run build first)');
    return;
  }
  const files = (await listFiles({ cwd: ROOT, packageManager: PackageManager.None })).map((f) => f.replace(/\\/g, '/'));
  const { unexpected, missing } = checkShipped(files);
  assert.deepEqual(unexpected, [], `files outside the allow-list: ${unexpected.join(', ')}`);
  assert.deepEqual(missing, [], `required files missing: ${missing.join(', ')}`);
  assert.ok(!files.some((f) => f.endsWith('.map') || f.endsWith('.ts') || f.includes('node_modules/')));
  assert.ok(!files.includes('dist/cli.js'), 'the CLI bundle is not part of the extension');

  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; icon: string };
  assert.ok(files.includes(pkg.main.replace(/^\.\//, '')), `package.json main (${pkg.main}) is shipped`);
  assert.ok(files.includes(pkg.icon), `package.json icon (${pkg.icon}) is shipped`);

  for (const bundle of files.filter((f) => f.startsWith('dist/'))) {
    const text = readFileSync(join(ROOT, bundle), 'utf8');
    assert.deepEqual(foreignRequires(text, files), [], `${bundle} requires only Node built-ins, vscode and shipped bundles`);
  }
});

test('foreignRequires tells a bundled dependency from an external one', () => {
  const shipped = ['dist/extension.js', 'dist/kube.js'];
  assert.deepEqual(foreignRequires('require("fs");require("node:path");require("vscode");require("./kube")', shipped), []);
  assert.deepEqual(foreignRequires('require("yaml");require("./missing.js")', shipped), ['yaml', './missing.js']);
  assert.deepEqual(foreignRequires('try{let u=require("bufferutil");x(u)}catch{}', shipped), [], 'an optional require in a try block');
});
