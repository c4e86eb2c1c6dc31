/**
 * Strategic merge patch semantics on a small test type shaped like apimachinery's own test struct: every kind of
 * field tag (merge by key, merge scalars, replace, retainKeys, pointer) and the directives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { StructSpec } from '../../../core/src/k8s/schema-types';
import { patchSchema } from '../../../core/src/merge/patch-schema';
import { strategicMergeWithSchema } from '../../../core/src/merge/strategic';

const item = (name: string, extra: StructSpec['fields'] = []): StructSpec => ({
  name,
  fields: [
    { json: 'name', go: 'Name', type: 'string', omitempty: true },
    { json: 'value', go: 'Value', type: 'string', omitempty: true },
    { json: 'other', go: 'Other', type: 'string', omitempty: true },
    { json: 'simpleMap', go: 'SimpleMap', type: 'map[string]string', omitempty: true },
    { json: 'mergingIntList', go: 'MergingIntList', type: '[]int64', omitempty: true, patchStrategy: 'merge' },
    { json: 'mergingList', go: 'MergingList', type: '[]test.MergeItem', omitempty: true, mergeKey: 'name', patchStrategy: 'merge' },
    { json: 'nonMergingList', go: 'NonMergingList', type: '[]test.MergeItem', omitempty: true },
    ...extra,
  ],
});

const STRUCTS = new Map<string, StructSpec>([
  ['test.MergeItem', item('test.MergeItem', [
    { json: 'nonMergingIntList', go: 'NonMergingIntList', type: '[]int64', omitempty: true },
    { json: 'mergeItemPtr', go: 'MergeItemPtr', type: '*test.MergeItem', omitempty: true, mergeKey: 'name', patchStrategy: 'merge' },
    { json: 'replacingItem', go: 'ReplacingItem', type: 'RawExtension', omitempty: true, patchStrategy: 'replace' },
    { json: 'retainKeysMap', go: 'RetainKeysMap', type: 'test.RetainKeysMergeItem', omitempty: true, patchStrategy: 'retainKeys' },
    { json: 'retainKeysMergingList', go: 'RetainKeysMergingList', type: '[]test.MergeItem', omitempty: true, mergeKey: 'name', patchStrategy: 'merge,retainKeys' },
    { json: 'keylessMergingList', go: 'KeylessMergingList', type: '[]test.MergeItem', omitempty: true, patchStrategy: 'merge' },
    { json: 'replacingMap', go: 'ReplacingMap', type: 'test.MergeItem', omitempty: true, patchStrategy: 'replace' },
    { json: 'badStrategy', go: 'BadStrategy', type: 'test.MergeItem', omitempty: true, patchStrategy: 'merge,replace' },
    { json: '', go: 'Embedded', type: 'test.Embedded', inline: true },
  ])],
  ['test.RetainKeysMergeItem', item('test.RetainKeysMergeItem')],
  ['test.Embedded', { name: 'test.Embedded', fields: [{ json: 'embeddedList', go: 'EmbeddedList', type: '[]test.MergeItem', mergeKey: 'name', patchStrategy: 'merge' }] }],
]);

const schema = patchSchema('test.MergeItem', (n) => STRUCTS.get(n));

function apply(original: string, patch: string): unknown {
  return strategicMergeWithSchema(parse(original), parse(patch), schema);
}

function check(original: string, patch: string, expected: string): void {
  assert.deepEqual(apply(original, patch), parse(expected) ?? {});
}

function fails(original: string, patch: string, message: string | RegExp): void {
  assert.throws(() => apply(original, patch), typeof message === 'string' ? { message } : message);
}

test('maps merge recursively; scalars and type changes are replaced', () => {
  check('{name: a, value: b, simpleMap: {k1: "1"}}', '{value: c, other: d, simpleMap: {k2: "2"}}',
    '{name: a, value: c, other: d, simpleMap: {k1: "1", k2: "2"}}');
  check('{simpleMap: {k: v}}', '{simpleMap: x}', '{simpleMap: x}');
  check('{name: a}', '{name: {nested: true}}', '{name: {nested: true}}');
});

test('null deletes a key, is ignored for absent keys, and is dropped from values the patch adds', () => {
  check('{name: a, value: b}', '{value: null, other: null}', '{name: a}');
  check('{simpleMap: {a: "1", b: "2"}}', '{simpleMap: {a: null}}', '{simpleMap: {b: "2"}}');
  check('{}', '{complex: {nested: null, nested2: foo}}', '{complex: {nested2: foo}}');
  check('{}', '{complex: [{inner: {k1: foo, k2: null}}]}', '{complex: [{inner: {k1: foo}}]}');
  // null list elements are not members, so they stay
  check('{}', '{complex: [key1, null, key2]}', '{complex: [key1, null, key2]}');
  // nulls already in the original are kept
  check('{thing: null, complex: {key: null}}', '{nested: {value: 5}}', '{thing: null, complex: {key: null}, nested: {value: 5}}');
  check('{thing: null}', '{thing: {a: null, b: 1}}', '{thing: {b: 1}}');
});

test('$patch on maps: replace substitutes, delete empties or drops, anything else is an error', () => {
  check('{name: 1, value: 1}', '{$patch: replace}', '{}');
  check('{name: 1, value: 1}', '{other: a, $patch: replace}', '{other: a}');
  check('{simpleMap: {key1: "1", key2: "1"}}', '{simpleMap: {$patch: delete}}', '{simpleMap: {}}');
  check('{name: a}', '{simpleMap: {$patch: delete}}', '{name: a}');
  check('{simpleMap: {a: "1"}}', '{simpleMap: {b: "2", $patch: replace}}', '{simpleMap: {b: "2"}}');
  fails('{simpleMap: {a: "1"}}', '{simpleMap: {$patch: merge}}', 'unknown patch type: merge in map: map[$patch:merge]');
  fails('{}', '{$patch: 5}', 'unknown patch type: %!s(float64=5) in map: map[$patch:5]');
});

test('fields tagged patchStrategy=replace take the patch value whole, directives and nulls included', () => {
  check('{replacingMap: {name: a, value: b}}', '{replacingMap: {other: c, value: null}}', '{replacingMap: {other: c, value: null}}');
});

test('lists without merge strategy are replaced as they are', () => {
  check('{nonMergingList: [{name: 1}, {name: 2}]}', '{nonMergingList: [{name: 3, value: null}]}', '{nonMergingList: [{name: 3, value: null}]}');
  check('{nonMergingIntList: [1, 2]}', '{nonMergingIntList: [2]}', '{nonMergingIntList: [2]}');
  check('{nonMergingIntList: [1, 2]}', '{nonMergingIntList: []}', '{nonMergingIntList: []}');
});

test('merge lists of maps: matched by key and merged; new items come before the original-only items', () => {
  check('{mergingList: [{name: 1}, {name: 2, value: 2}]}', '{mergingList: [{name: 4, value: 4}, {name: 3, value: 3}]}',
    '{mergingList: [{name: 4, value: 4}, {name: 3, value: 3}, {name: 1}, {name: 2, value: 2}]}');
  check('{mergingList: [{name: 1}, {name: 2, value: b}, {name: 3}]}',
    '{mergingList: [{name: 3, value: c}, {name: 1, value: a}, {name: 2, other: x}]}',
    '{mergingList: [{name: 3, value: c}, {name: 1, value: a}, {name: 2, value: b, other: x}]}');
  // an original-only item stays ahead of patch items that the original has later
  check('{mergingList: [{name: 1}, {name: 2, value: b}, {name: 3}]}', '{mergingList: [{name: 3, value: c}, {name: 1, value: a}]}',
    '{mergingList: [{name: 2, value: b}, {name: 3, value: c}, {name: 1, value: a}]}');
  check('{mergingList: [{name: a}, {name: b}, {name: c}]}', '{mergingList: [{name: x}, {name: c, value: 1}]}',
    '{mergingList: [{name: x}, {name: a}, {name: b}, {name: c, value: 1}]}');
});

test('merge lists of maps: nested lists, and items added verbatim', () => {
  check('{mergingList: [{name: 1, mergingList: [{name: a}], nonMergingList: [{name: x}]}]}',
    '{mergingList: [{name: 1, mergingList: [{name: b, value: null}], nonMergingList: [{name: y}]}]}',
    '{mergingList: [{name: 1, mergingList: [{name: b, value: null}, {name: a}], nonMergingList: [{name: y}]}]}');
  // a field deleted from a matched item; a new item keeps its nulls (apimachinery appends it untouched)
  check('{mergingList: [{name: 1, value: 1, other: a}]}', '{mergingList: [{name: 1, value: null}, {name: 2, value: null}]}',
    '{mergingList: [{name: 1, other: a}, {name: 2, value: null}]}');
  // two patch items with the same key fold into one
  check('{}', '{mergingList: [{name: 1, value: a}]}', '{mergingList: [{name: 1, value: a}]}');
  check('{mergingList: []}', '{mergingList: [{name: 1, value: a}, {name: 1, other: b}]}', '{mergingList: [{name: 1, value: a, other: b}]}');
});

test('merge lists of maps: $patch delete and replace items', () => {
  check('{mergingList: [{name: 1}, {name: 1}, {name: 2, value: a}, {name: 3}, {name: 3}]}',
    '{mergingList: [{name: 1, $patch: delete}, {name: 3, $patch: delete}]}', '{mergingList: [{name: 2, value: a}]}');
  check('{mergingList: [{name: 1}]}', '{mergingList: [{name: 9, $patch: delete}]}', '{mergingList: [{name: 1}]}');
  check('{mergingList: [{name: 1}, {name: 2}]}', '{mergingList: [{name: 3, value: 3}, {name: 1, $patch: delete}]}',
    '{mergingList: [{name: 3, value: 3}, {name: 2}]}');
  check('{mergingList: [{name: 1}, {name: 2}]}', '{mergingList: [{$patch: replace}]}', '{mergingList: []}');
  check('{mergingList: [{name: 1, value: a}, {name: 2}]}', '{mergingList: [{name: 1, other: b}, {$patch: replace}, {name: 3}]}',
    '{mergingList: [{name: 1, other: b}, {name: 3}]}');
  // a new list loses its directive items
  check('{}', '{mergingList: [{name: 1}, {name: 2, $patch: delete}, {name: 3, simpleMap: {$patch: delete}}]}',
    '{mergingList: [{name: 1}, {name: 3}]}');
  fails('{mergingList: [{name: 1}]}', '{mergingList: [{name: 1, $patch: merge}]}', 'merging lists cannot yet be specified in the patch');
  fails('{mergingList: [{name: 1}]}', '{mergingList: [{$patch: delete}]}', 'map: map[$patch:delete] does not contain declared merge key: name');
  fails('{mergingList: [{name: 1}]}', '{mergingList: [{$patch: bogus, name: 1}]}', 'unknown patch type: bogus in map: map[$patch:bogus name:1]');
});

test('merge lists of maps: merge key required, element kinds must agree', () => {
  fails('{mergingList: [{name: 1, value: a}]}', '{mergingList: [{value: b}]}', 'map: map[value:b] does not contain declared merge key: name');
  fails('{mergingList: [{name: 1}]}', '{mergingList: [x]}', 'list element types are not identical: [[map[name:1]] [x]]');
  fails('{mergingList: [[1]]}', '{mergingList: [[2]]}', 'lists of lists are not supported');
  fails('{keylessMergingList: [{name: 1}]}', '{keylessMergingList: [{name: 2}]}', 'cannot merge lists without merge key for struct');
  check('{mergingList: []}', '{mergingList: []}', '{mergingList: []}');
  check('{mergingList: [{name: 1}]}', '{mergingList: []}', '{mergingList: [{name: 1}]}');
});

test('merge lists of scalars: union in patch order, original-only items interleaved', () => {
  check('{mergingIntList: [1, 2]}', '{mergingIntList: [2, 3]}', '{mergingIntList: [1, 2, 3]}');
  check('{mergingIntList: [1, 2, 3]}', '{mergingIntList: [3, 1, 2]}', '{mergingIntList: [3, 1, 2]}');
  check('{mergingIntList: [1, 2, 3]}', '{mergingIntList: [3, 1]}', '{mergingIntList: [2, 3, 1]}');
  check('{mergingIntList: [1, 2, 2, 3]}', '{mergingIntList: [4]}', '{mergingIntList: [4, 1, 2, 3]}');
  check('{mergingIntList: [1, 2]}', '{mergingIntList: [1, 1, 5]}', '{mergingIntList: [1, 5, 2]}');
});

test('$deleteFromPrimitiveList removes scalars, whatever the strategy, and never adds', () => {
  check('{mergingIntList: [1, 2, 3]}', '{$deleteFromPrimitiveList/mergingIntList: [2]}', '{mergingIntList: [1, 3]}');
  check('{nonMergingIntList: [1, 2, 3]}', '{$deleteFromPrimitiveList/nonMergingIntList: [2]}', '{nonMergingIntList: [1, 3]}');
  check('{mergingIntList: [1, 2]}', '{$deleteFromPrimitiveList/mergingIntList: [3]}', '{mergingIntList: [1, 2]}');
  check('{mergingIntList: null}', '{$deleteFromPrimitiveList/mergingIntList: [3]}', '{mergingIntList: null}');
  check('{foo: [bar]}', '{$deleteFromPrimitiveList/mergingIntList: [3]}', '{foo: [bar]}');
  // Go visits patch keys in random order, so a delete list and an addition to the same list race there; here the
  // patch's key order decides.
  check('{mergingIntList: [1, 2, 1]}', '{$deleteFromPrimitiveList/mergingIntList: [1], mergingIntList: [5]}', '{mergingIntList: [5, 2]}');
  fails('{}', '{$deleteFromPrimitiveList: [1]}', 'invalid patch format of primitive list');
});

test('$setElementOrder orders merged lists: order list, then original order for server-only items', () => {
  check('{mergingList: [{name: 1, other: a}, {name: 3, value: 3}, {name: 4, value: 4}, {name: 2, value: 2}, {name: 9}]}',
    '{$setElementOrder/mergingList: [{name: 4}, {name: 2}, {name: 3}, {name: 1}]}',
    '{mergingList: [{name: 4, value: 4}, {name: 2, value: 2}, {name: 3, value: 3}, {name: 1, other: a}, {name: 9}]}');
  check('{mergingList: [{name: 1, other: a}, {name: 2}, {name: 7}, {name: 9}, {name: 8}, {name: 3}, {name: 4}]}',
    '{$setElementOrder/mergingList: [{name: 2}, {name: 1}, {name: 4}, {name: 3}]}',
    '{mergingList: [{name: 2}, {name: 1, other: a}, {name: 7}, {name: 9}, {name: 8}, {name: 4}, {name: 3}]}');
  check('{mergingList: [{name: 1, other: a}, {name: 2, value: 2}]}',
    '{$setElementOrder/mergingList: [{name: 4}, {name: 1}, {name: 2}, {name: 3}], mergingList: [{name: 4, value: 4}, {name: 3, value: 3}]}',
    '{mergingList: [{name: 4, value: 4}, {name: 1, other: a}, {name: 2, value: 2}, {name: 3, value: 3}]}');
  check('{mergingList: [{name: 1}, {name: 2, value: dup1}, {name: 3}, {name: 2, value: dup2}, {name: 4}]}',
    '{$setElementOrder/mergingList: [{name: 2}, {name: 1}, {name: 4}, {name: 3}, {name: 2}]}',
    '{mergingList: [{name: 2, value: dup1}, {name: 2, value: dup2}, {name: 1}, {name: 4}, {name: 3}]}');
  check('{mergingList: [{name: 1}, {name: 3}]}',
    '{$setElementOrder/mergingList: [{name: 3}, {name: 2}, {name: 1}], mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]}',
    '{mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]}');
  check('{mergingIntList: [1, 3]}', '{$setElementOrder/mergingIntList: [3, 2, 1]}', '{mergingIntList: [3, 1]}');
  check('{mergingIntList: [1, 2, 3, 2, 4]}', '{$setElementOrder/mergingIntList: [2, 1, 4, 3, 2]}', '{mergingIntList: [2, 2, 1, 4, 3]}');
  check('{mergingIntList: [1, 2]}', '{$setElementOrder/mergingIntList: [1, 4, 2, 3], mergingIntList: [4, 3]}', '{mergingIntList: [1, 4, 2, 3]}');
  // a pointer field holding a list, ordered alongside a deletion in another list
  check('{mergingList: [{name: a, value: a}, {name: b, value: b}], mergeItemPtr: [{name: c, value: c}, {name: d, value: d}]}',
    '{$setElementOrder/mergingList: [{name: b}], $setElementOrder/mergeItemPtr: [{name: d}, {name: c}], mergingList: [{name: a, $patch: delete}]}',
    '{mergingList: [{name: b, value: b}], mergeItemPtr: [{name: d, value: d}, {name: c, value: c}]}');
  // the list is new: directives go, order is the order list's
  check('{}', '{$setElementOrder/mergingList: [{name: 2}, {name: 1}], mergingList: [{name: 2}, {name: 1, value: x}]}',
    '{mergingList: [{name: 2}, {name: 1, value: x}]}');
});

test('$setElementOrder must agree with the patch list', () => {
  fails('{mergingList: [{name: 1}, {name: 3}, {name: 2}]}',
    '{$setElementOrder/mergingList: [{name: 1}, {name: 2}, {name: 3}], mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]}',
    /^Error: The order in patch list:\n\[map\[name:3 value:3\] map\[name:1 value:1\]\]\n doesn't match \$setElementOrder list:\n/);
  fails('{mergingIntList: [1, 3, 2]}', '{$setElementOrder/mergingIntList: [1, 2, 3], mergingIntList: [3, 1]}', /doesn't match/);
  fails('{}', '{$setElementOrder: []}', 'invalid patch format of setElementOrder list');
  fails('{}', '{$setElementOrder/mergingList: x}', 'expected a []interface {}, but received a string');
  fails('{mergingIntList: []}', '{$setElementOrder/mergingIntList: [1]}', 'no elements in any of the given slices');
});

test('$retainKeys clears the keys it does not list and must list every key the patch sets', () => {
  check('{retainKeysMap: {value: foo}}', '{retainKeysMap: {$retainKeys: [other], other: bar}}', '{retainKeysMap: {other: bar}}');
  check('{retainKeysMap: {name: foo, value: a}}', '{retainKeysMap: {$retainKeys: [name], value: null}}', '{retainKeysMap: {name: foo}}');
  check('{retainKeysMap: {name: foo, mergingList: [{name: a}, {name: b}, {name: x}]}}',
    '{retainKeysMap: {$retainKeys: [mergingList, name], $setElementOrder/mergingList: [{name: a}, {name: b}, {name: c}], mergingList: [{name: c}]}}',
    '{retainKeysMap: {name: foo, mergingList: [{name: a}, {name: b}, {name: c}, {name: x}]}}');
  check('{retainKeysMergingList: [{name: bar}, {name: foo, value: a, other: b}]}',
    '{retainKeysMergingList: [{name: foo, $retainKeys: [name, other]}]}',
    '{retainKeysMergingList: [{name: bar}, {name: foo, other: b}]}');
  // without the directive a retainKeys field merges like any other
  check('{retainKeysMap: {name: foo}}', '{retainKeysMap: {value: bar}}', '{retainKeysMap: {name: foo, value: bar}}');
  fails('{retainKeysMap: {name: foo}}', '{retainKeysMap: {$retainKeys: [name], value: bar}}', 'invalid patch format of retainKeys');
  fails('{retainKeysMap: {name: foo}}', '{retainKeysMap: {$retainKeys: name}}', 'invalid patch format of retainKeys');
});

test('unknown fields: taken from the patch when new, an error when both sides hold a map or list', () => {
  check('{name: foo}', '{complex: {nested: true}, array: [1, 2]}', '{name: foo, complex: {nested: true}, array: [1, 2]}');
  check('{scalar: true}', '{scalar: false}', '{scalar: false}');
  fails('{complex: {nested: true}}', '{complex: {nested: false}}', 'unable to find api field in struct MergeItem for the json field "complex"');
  fails('{array: [1]}', '{array: [2]}', 'unable to find api field in struct MergeItem for the json field "array"');
  // a map-typed field holding maps cannot be looked into
  fails('{simpleMap: {a: {x: 1}}}', '{simpleMap: {a: {y: 1}}}', 'merging an object in json but data type is not struct, instead is: map');
});

test('field lookup follows encoding/json: inline structs, then case-insensitive names', () => {
  check('{embeddedList: [{name: a}]}', '{embeddedList: [{name: b}]}', '{embeddedList: [{name: b}, {name: a}]}');
  check('{MergingList: [{name: a}]}', '{MergingList: [{name: b}]}', '{MergingList: [{name: b}, {name: a}]}');
  fails('{badStrategy: {name: a}}', '{badStrategy: {name: b}}', 'unexpected patch strategy: [merge replace]');
});

test('merge keys and scalars compare by value across number representations', () => {
  assert.deepEqual(strategicMergeWithSchema(
    { mergingList: [{ name: 80, value: 'a' }], mergingIntList: [1, 2] },
    { mergingList: [{ name: 80n, other: 'b' }], mergingIntList: [2n] }, schema),
  // the matched item takes the patch's key value, as any merged field does
  { mergingList: [{ name: 80n, value: 'a', other: 'b' }], mergingIntList: [1, 2] });
});

test('documents: null reads as {}, non-objects are invalid, inputs are never modified', () => {
  assert.deepEqual(strategicMergeWithSchema(null, { name: 'a' }, schema), { name: 'a' });
  assert.deepEqual(strategicMergeWithSchema({ name: 'a' }, undefined, schema), { name: 'a' });
  assert.throws(() => strategicMergeWithSchema([], {}, schema), { message: 'invalid JSON document' });
  assert.throws(() => strategicMergeWithSchema({}, 'x', schema), { message: 'invalid JSON document' });

  const original = parse('{mergingList: [{name: 1, simpleMap: {a: "1"}}], simpleMap: {k: v}, mergingIntList: [1, 2]}');
  const patch = parse('{mergingList: [{name: 3, value: null}, {name: 2, $patch: delete}, {name: 1, simpleMap: {a: null}}], simpleMap: {$patch: replace, z: "1"}, $deleteFromPrimitiveList/mergingIntList: [1], $setElementOrder/mergingList: [{name: 3}, {name: 1}], added: {x: null}}');
  const before = [structuredClone(original), structuredClone(patch)];
  const result = strategicMergeWithSchema(original, patch, schema);
  assert.deepEqual([original, patch], before);
  assert.deepEqual(result, parse('{mergingList: [{name: 3, value: null}, {name: 1, simpleMap: {}}], simpleMap: {z: "1"}, mergingIntList: [2], added: {}}'));
});

test('keys named like Object.prototype members are plain data', () => {
  const original = JSON.parse('{"simpleMap": {"__proto__": "a", "constructor": "b"}}');
  const patch = JSON.parse('{"simpleMap": {"__proto__": "c"}, "toString": "d"}');
  const result = strategicMergeWithSchema(original, patch, schema) as Record<string, Record<string, string>>;
  assert.equal(Object.getPrototypeOf(result.simpleMap), Object.prototype);
  assert.deepEqual(Object.entries(result.simpleMap as object), [['__proto__', 'c'], ['constructor', 'b']]);
  assert.equal(result.toString, 'd');
});

test('orders follow the Go slices apimachinery edits in place (deletions and appends share the decoded array)', () => {
  // Deleting 1 frees a slot that the appended 3 then fills, so the original order seen is [2, 4, 3]: 4 precedes 3.
  check('{mergingList: [{name: 1}, {name: 2, other: b}, {name: 4, other: c}]}',
    '{$setElementOrder/mergingList: [{name: 2}, {name: 3}], mergingList: [{name: 3}, {name: 1, $patch: delete}]}',
    '{mergingList: [{name: 2, other: b}, {name: 4, other: c}, {name: 3}]}');
  check('{mergingList: [{name: 1, other: a}, {name: 4, other: c}]}',
    '{$setElementOrder/mergingList: [{name: 2}, {name: 3}], mergingList: [{name: 2}, {name: 3}, {name: 1, $patch: delete}]}',
    '{mergingList: [{name: 4, other: c}, {name: 2}, {name: 3}]}');
  // A scalar union appends into the original's spare capacity (3 items decode with room for 4) and de-duplicates
  // there, so the original order seen is [1, 2, 3] and 3 is not new to it ...
  check('{mergingIntList: [1, 2, 1]}', '{mergingIntList: [3]}', '{mergingIntList: [1, 2, 3]}');
  // ... whereas a full original (4 items, capacity 4) is copied first, and the new 3 leads.
  check('{mergingIntList: [1, 2, 1, 5]}', '{mergingIntList: [3]}', '{mergingIntList: [3, 1, 2, 5]}');
});
