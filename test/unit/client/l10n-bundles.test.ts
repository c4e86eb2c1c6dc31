/**
 * The message catalogues are complete: every string the client or the server localises has an English entry, every
 * English entry (bundle and package.nls) has a Simplified Chinese one and the other way round, placeholders survive
 * translation, and every %key% of package.json is defined.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'l10n', 'bundle.l10n.json'))) return dir;
  }
  throw new Error(`repository root not found above ${__dirname}`);
}

const ROOT = repoRoot();
const readJson = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(ROOT, dir, f));
}

/** The literal first arguments of `t(...)` / `l10n.t(...)` calls. */
function localisedStrings(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const call = /\bt\(\s*'((?:[^'\\\n]|\\.)*)'/g;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) found.set(unescape(m[1]!), path.relative(ROOT, file));
  }
  return found;
}

/** A single-quoted literal's value: \n and \t are control characters, any other escaped character is itself. */
function unescape(literal: string): string {
  return literal.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
}

function assertSameKeys(en: Record<string, string>, zh: Record<string, string>, what: string): void {
  const missing = Object.keys(en).filter((k) => !(k in zh));
  const extra = Object.keys(zh).filter((k) => !(k in en));
  assert.deepEqual(missing, [], `${what}: keys without a zh-cn entry`);
  assert.deepEqual(extra, [], `${what}: zh-cn keys without an English entry`);
  for (const [key, value] of Object.entries(zh)) {
    assert.ok(value.trim() !== '' || en[key]!.trim() === '', `${what}: empty translation of ${key}`);
    assert.deepEqual(placeholders(value), placeholders(en[key]!), `${what}: placeholders of ${JSON.stringify(key)}`);
  }
}

test('bundle.l10n.json and bundle.l10n.zh-cn.json have the same keys and placeholders', () => {
  assertSameKeys(readJson('l10n/bundle.l10n.json'), readJson('l10n/bundle.l10n.zh-cn.json'), 'bundle');
});

test('English bundle entries are the message itself (vscode.l10n and @vscode/l10n key by message)', () => {
  for (const [key, value] of Object.entries(readJson('l10n/bundle.l10n.json'))) assert.equal(value, key);
});

test('every string the client and the server localise is in the bundle, and the bundle has nothing unused', () => {
  const used = localisedStrings([...sourceFiles('client/src'), ...sourceFiles('server/src')]);
  assert.ok(used.size > 20, `found ${used.size} localised strings: the scan works`);
  const bundle = readJson('l10n/bundle.l10n.json');
  const missing = [...used].filter(([message]) => !(message in bundle)).map(([message, file]) => `${file}: ${message}`);
  assert.deepEqual(missing, [], 'localised strings missing from l10n/bundle.l10n.json');
  const unused = Object.keys(bundle).filter((key) => !used.has(key));
  assert.deepEqual(unused, [], 'bundle entries no source uses');
});

test('package.nls.json and package.nls.zh-cn.json have the same keys and placeholders', () => {
  assertSameKeys(readJson('package.nls.json'), readJson('package.nls.zh-cn.json'), 'package.nls');
});

test('every %key% in package.json is defined in package.nls.json', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const nls = readJson('package.nls.json');
  const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
  assert.ok(keys.length > 10);
  assert.deepEqual(keys.filter((k) => !(k in nls)), []);
});
