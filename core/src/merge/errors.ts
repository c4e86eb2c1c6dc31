/** The errors of apimachinery's strategic merge patch, with the same texts (k8s.io/apimachinery/pkg/util/mergepatch). */
import { formatS, formatV, goTypeOf } from './go-format';
import type { Json, JsonMap } from './json-value';

export const MAP_TYPE = 'map[string]interface {}';
export const SLICE_TYPE = '[]interface {}';

export const badJsonDoc = (): Error => new Error('invalid JSON document');
export const noListOfLists = (): Error => new Error('lists of lists are not supported');
export const badPatchFormatForPrimitiveList = (): Error => new Error('invalid patch format of primitive list');
export const badPatchFormatForRetainKeys = (): Error => new Error('invalid patch format of retainKeys');
export const badPatchFormatForSetElementOrderList = (): Error => new Error('invalid patch format of setElementOrder list');

export function noMergeKey(m: JsonMap, key: string): Error {
  return new Error(`map: ${formatV(m)} does not contain declared merge key: ${key}`);
}

/** `expected` is the Go type name wanted (MAP_TYPE or SLICE_TYPE). */
export function badArgType(expected: string, actual: Json | undefined): Error {
  return new Error(`expected a ${expected}, but received a ${goTypeOf(actual)}`);
}

export function badPatchType(directive: Json, m: JsonMap): Error {
  return new Error(`unknown patch type: ${formatS(directive)} in map: ${formatV(m)}`);
}
