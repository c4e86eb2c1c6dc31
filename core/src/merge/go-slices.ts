/**
 * Go slice behaviour that shows through apimachinery's results. It edits decoded lists in place: deleting shifts
 * later elements left inside the same backing array, and appending writes into spare capacity. A caller still
 * holding the original slice header then sees those writes, and apimachinery orders some lists by such a header.
 */
import { scalarEqual, type Json } from './json-value';

/**
 * The capacity encoding/json leaves on a decoded array of `n` elements: it appends one at a time from an empty
 * slice, and Go doubles small slices as they grow (exact up to 512 elements).
 */
export function decodedCapacity(n: number): number {
  let cap = 0;
  while (cap < n) cap = cap === 0 ? 1 : cap * 2;
  return cap;
}

/** `s = append(s[:at], s[at+1:]...)` on `buf[0, len)`: later elements shift left, the old last slot keeps its value. */
export function removeAt(buf: Json[], len: number, at: number): void {
  buf.copyWithin(at, at + 1, len);
}

/**
 * apimachinery's de-duplication of scalars, in place: a duplicate is overwritten by the current last element and the
 * length shrinks. Returns the new length; slots past it keep whatever was last written there.
 */
export function deduplicateInPlace(buf: Json[]): number {
  let last = buf.length - 1;
  for (let i = 0; i < last; i++) {
    for (let j = i + 1; j <= last; j++) {
      if (scalarEqual(buf[i], buf[j])) {
        buf[j] = buf[last] as Json;
        last--;
        j--;
      }
    }
  }
  return last + 1;
}
