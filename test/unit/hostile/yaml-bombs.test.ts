/**
 * Alias bombs and deep nesting through the public API: each is refused (or read) within a time bound, with a message
 * that names the document and says what is wrong, never a JavaScript stack overflow.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSettings, createInjector, injectText } from '../../../core/src/index';
import { BOUND_MS, within } from './helpers';

const injector = createInjector(builtinSettings());

test('billion laughs: nine levels of ten aliases each stop at go-yaml\'s alias ratio', () => {
  let text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: lol}\nspec:\n  containers: [{name: a, image: b}]\n';
  text += 'lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i <= 9; i++) text += `lol${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  const r = within(BOUND_MS, () => injectText(text, injector));
  assert.deepEqual(r.errors, ['document 1, line 1: document contains excessive aliasing (column 1)']);
  assert.equal(r.preserved, undefined);
});

test('a few aliases of a large list (under yaml\'s own alias check) are refused too, in a later document', () => {
  const big = `[${Array(1000).fill('x').join(', ')}]`;
  const text = `kind: Service\nmetadata: {name: s}\n---\nkind: ConfigMap\nbig: &big ${big}\ncopies: [${Array(900).fill('*big').join(', ')}]\n`;
  const r = within(BOUND_MS, () => injectText(text, injector));
  assert.deepEqual(r.errors, ['document 2, line 4: document contains excessive aliasing (column 1)']);
});

test('ordinary aliases still work', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: &l {app: web}}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    env: &e [{name: A, value: "1"}]\n  - name: side\n    image: busybox\n    env: *e\n';
  const r = within(BOUND_MS, () => injectText(text, injector));
  assert.deepEqual(r.errors, []);
  assert.equal(r.documents[0].outcome.kind, 'injected');
});

test('an alias inside its own anchor is an error, not an endless value', () => {
  const r = within(BOUND_MS, () => injectText('apiVersion: v1\nkind: Pod\nmetadata: &m\n  name: web\n  self: *m\n', injector));
  assert.deepEqual(r.errors, ["document 1, line 5: anchor 'm' value contains itself (column 9)"]);
});

for (const [shape, open, close] of [['flow sequences', '[', ']'], ['flow maps', '{a: ', '}']] as const) {
  test(`10,000-deep ${shape}: a clear error, no stack overflow`, () => {
    const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  deep: ${open.repeat(10_000)}1${close.repeat(10_000)}\n`;
    const r = within(BOUND_MS, () => injectText(text, injector));
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0], /^document 1, line 4: collections are nested too deeply \(column \d+\)$/);
  });
}

test('10,000-deep block sequences: read or refused, within the bound', () => {
  const text = `${'- '.repeat(10_000)}x\n`;
  const r = within(BOUND_MS, () => injectText(text, injector));
  assert.ok(r.errors.length === 1, JSON.stringify(r.errors));
  assert.match(r.errors[0], /^document 1, line 1: (a Kubernetes object must be a mapping, not a sequence|collections are nested too deeply)/);
});
