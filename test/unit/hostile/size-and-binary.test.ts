/** Oversized and binary inputs through injectText: refused before parsing, with the place named, quickly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSettings, createInjector, injectText } from '../../../core/src/index';
import { BOUND_MS, POD, within } from './helpers';

const injector = createInjector(builtinSettings());

function configMap(name: string, lines: number): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${`  k: ${'x'.repeat(95)}\n`.repeat(lines)}`;
}

test('a 50 MB input is refused over the default 10 MB, naming the document and line where the limit is passed', () => {
  const text = `${POD}---\n${configMap('big', (50 * 1024 * 1024) / 100)}`;
  const r = within(BOUND_MS, () => injectText(text, injector));
  assert.deepEqual(r.documents, []);
  assert.deepEqual(r.errors, [
    'document 2, line 103832: the input is larger than 10 MB, the most istio-inject reads (it passes the limit here); split it or raise the limit',
  ]);
});

test('the limit is configurable: the same text passes under a higher limit and is refused under a lower one', () => {
  const text = `${configMap('a', 10)}---\n${POD}---\n${configMap('b', 20_000)}`; // about 2 MB
  const refused = within(BOUND_MS, () => injectText(text, injector, { maxBytes: 1024 * 1024 }));
  assert.deepEqual(refused.errors, [
    'document 3, line 10400: the input is larger than 1 MB, the most istio-inject reads (it passes the limit here); split it or raise the limit',
  ]);
  const accepted = within(BOUND_MS, () => injectText(text, injector, { maxBytes: 3 * 1024 * 1024 }));
  assert.deepEqual(accepted.errors, []);
  assert.deepEqual(accepted.documents.map((d) => d.outcome.kind), ['unchanged', 'injected', 'unchanged']);
});

test('the limit counts UTF-8 bytes, not characters', () => {
  const text = 'kind: ConfigMap\ndata: {k: éééééééééé}\n'; // 38 characters, 48 bytes
  assert.deepEqual(injectText(text, injector, { maxBytes: 47 }).errors, [
    'document 1, line 2: the input is larger than 47 bytes, the most istio-inject reads (it passes the limit here); split it or raise the limit',
  ]);
  assert.deepEqual(injectText(text, injector, { maxBytes: 48 }).errors, []);
});

test('binary files: a NUL byte refuses the input at its line and column', () => {
  const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001';
  assert.deepEqual(within(BOUND_MS, () => injectText(png, injector)).errors, ['line 3:1: the input holds binary data (a NUL byte), not YAML']);
  const gz = `${POD}---\n\u001f\u008b\u0008\u0000garbage`;
  assert.deepEqual(injectText(gz, injector).errors, ['line 10:4: the input holds binary data (a NUL byte), not YAML']);
});

test('control characters without a NUL: the document fails as go-yaml fails it, whatever its kind', () => {
  assert.deepEqual(injectText('apiVersion: v1\nkind: Service # \u0007 bell\nmetadata: {name: s}\n', injector).errors, [
    'document 1, line 2: control character U+0007 is not allowed in YAML (column 17)',
  ]);
  assert.deepEqual(injectText(`${POD}---\nkind: ConfigMap\ndata: {k: "a\u0085b\u0098"}\n`, injector).errors, [
    'document 2, line 11: control character U+0098 is not allowed in YAML (column 15)',
  ]);
});

test('random bytes: every outcome is a result with a message, within the bound', () => {
  let seed = 11;
  const byte = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
  for (let round = 0; round < 50; round++) {
    const text = String.fromCharCode(...Array.from({ length: 20_000 }, byte));
    const r = within(BOUND_MS, () => injectText(text, injector));
    assert.equal(r.errors.length > 0, true, 'random bytes are never YAML');
    for (const e of r.errors) assert.doesNotMatch(e, /TypeError|RangeError|call stack|undefined/);
  }
});
