/**
 * Scalars JSON cannot hold: sigs.k8s.io/yaml turns every document into JSON first (istioctl reads each document's
 * TypeMeta that way), so `.nan` and `.inf` fail the document whatever its kind, with Go's words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSettings, createInjector, injectText } from '../../../core/src/index';
import { BOUND_MS, POD, within } from './helpers';

const injector = createInjector(builtinSettings());
const UNSUPPORTED = 'error converting YAML to JSON: json: unsupported value:';

test('.nan and .inf anywhere fail the document, a Service as well as a Pod', () => {
  const r = within(BOUND_MS, () => injectText(`apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {weight: .inf}\n---\n${POD.replace('name: web\n', 'name: -.inf\n')}`, injector));
  assert.deepEqual(r.errors, [
    `document 1, line 1: ${UNSUPPORTED} +Inf (column 1)`,
    `document 2, line 6: ${UNSUPPORTED} -Inf (column 1)`,
  ]);
  assert.deepEqual(injectText('kind: Pod\nmetadata:\n  labels: .NaN\n', injector).errors, [`document 1, line 1: ${UNSUPPORTED} NaN (column 1)`]);
});

test('quoted, they are strings; as the kind, Go writes the number into its string field', () => {
  const r = injectText(POD.replace('  name: web\n', '  name: web\n  labels: {v: ".nan", w: \'.inf\'}\n'), injector);
  assert.deepEqual(r.errors, []);
  assert.equal(r.documents[0].outcome.kind, 'injected');
  const odd = injectText('kind: .nan\ndata: {a: 1}\n', injector);
  assert.deepEqual(odd.errors, []);
  assert.equal(odd.documents[0].outcome.kind, 'unchanged');
});
