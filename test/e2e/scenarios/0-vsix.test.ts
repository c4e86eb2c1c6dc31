// The packaged .vsix itself (not what vsce would list): only allow-listed files, self-contained bundles.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { test } from 'node:test';
import { vsixPath } from '../harness/paths';
import { readZip } from '../harness/zip';
import { checkShipped, foreignRequires } from '../../unit/packaging/shipped-files';

test('the .vsix holds only the allow-listed files, and its bundles need nothing else', (t) => {
  const vsix = vsixPath();
  const entries = readZip(vsix);
  const inside = entries.filter((e) => e.name.startsWith('extension/'));
  const files = inside.map((e) => e.name.slice('extension/'.length));
  assert.deepEqual(entries.filter((e) => !e.name.startsWith('extension/')).map((e) => e.name).sort(), ['[Content_Types].xml', 'extension.vsixmanifest']);
  const { unexpected, missing } = checkShipped(files);
  assert.deepEqual(unexpected, []);
  assert.deepEqual(missing, []);
  for (const entry of inside.filter((e) => e.name.startsWith('extension/dist/'))) {
    assert.deepEqual(foreignRequires(entry.read().toString('utf8'), files), [], entry.name);
  }
  const pkg = JSON.parse(inside.find((e) => e.name === 'extension/package.json')!.read().toString('utf8')) as { main: string };
  assert.ok(files.includes(pkg.main.replace(/^\.\//, '')), `main ${pkg.main} is in the archive`);
  t.diagnostic(`${vsix}: ${(statSync(vsix).size / 1024).toFixed(0)} KiB, ${files.length} files: ${files.join(', ')}`);
});
