/** Adding one key/value pair to a mapping, as the `yaml` package builds JS objects (merge keys included). */
import { decline } from './decline';

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Sets `key` (undefined: a `<<` merge key) to `value`. A repeated key keeps its place and takes the last value;
 * merged keys never replace keys the mapping already has.
 */
export function assignEntry(obj: Record<string, unknown>, key: string | undefined, value: unknown): void {
  if (key === undefined) {
    const sources = Array.isArray(value) ? value : [value];
    for (const source of sources) {
      if (!isMapping(source)) decline('merge of a non-mapping');
      for (const k of Object.keys(source)) if (!Object.prototype.hasOwnProperty.call(obj, k)) obj[k] = source[k];
    }
    return;
  }
  if (key === '__proto__') decline('__proto__ key');
  obj[key] = value;
}
