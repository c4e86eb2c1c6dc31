/** Go's template truth (text/template IsTrue) over the value model of value.ts. */
import { GoComplex, isGoStruct } from './value';

export function isTrue(v: unknown): boolean {
  switch (typeof v) {
    case 'undefined': return false;
    case 'string': return v.length > 0;
    case 'boolean': return v;
    case 'bigint': return v !== 0n;
    case 'number': return v !== 0;
    case 'function': return true;
    case 'object':
      if (v === null) return false;
      if (isGoStruct(v)) return !v.goNil; // struct values and non-nil pointers are true
      if (v instanceof GoComplex) return v.re !== 0 || v.im !== 0;
      if (Array.isArray(v)) return v.length > 0;
      for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) return true;
      return false;
    default: return true;
  }
}

/** A plain object standing for a Go map (not an array, not a GoStruct, not null). */
export function isGoMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isGoStruct(v) && !(v instanceof GoComplex);
}
