/** Small helpers to read and write plain Kubernetes JSON without type noise. */

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object at `obj[key]`, or undefined when absent or not an object. */
export function objAt(obj: unknown, key: string): JsonObject | undefined {
  if (!isObject(obj)) return undefined;
  const v = obj[key];
  return isObject(v) ? v : undefined;
}

/** The object at `obj[key]`, created when absent (or not an object). */
export function ensureObj(obj: JsonObject, key: string): JsonObject {
  const v = obj[key];
  if (isObject(v)) return v;
  const created: JsonObject = {};
  obj[key] = created;
  return created;
}

/** The array at `obj[key]` (Go: a nil slice reads as empty). */
export function arrAt(obj: unknown, key: string): unknown[] {
  if (!isObject(obj)) return [];
  const v = obj[key];
  return Array.isArray(v) ? v : [];
}

/** A string field as Go would read it into a string (non-strings read as ""). */
export function strAt(obj: unknown, key: string): string {
  if (!isObject(obj)) return '';
  const v = obj[key];
  return typeof v === 'string' ? v : '';
}

export function boolAt(obj: unknown, key: string): boolean {
  return isObject(obj) && obj[key] === true;
}

/** A map[string]string field: only string values (what a typed Go map would hold). */
export function stringMap(obj: unknown, key: string): Record<string, string> {
  const m = objAt(obj, key);
  const out: Record<string, string> = {};
  if (!m) return out;
  for (const [k, v] of Object.entries(m)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The JSON object `text` holds; undefined when it is absent, malformed or not an object. */
export function parseJsonObject(text: string | undefined): JsonObject | undefined {
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function deepClone<T>(v: T): T {
  return structuredCloneJson(v) as T;
}

function structuredCloneJson(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(structuredCloneJson);
  const out: JsonObject = {};
  // Keys and reads, not Object.entries: no pair array per member (injection clones pods several times).
  for (const k of Object.keys(v)) {
    const x = structuredCloneJson((v as JsonObject)[k]);
    // A `__proto__` member stays data; an assignment would set the copy's prototype instead.
    if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}

/** A container's name (containers are objects in `containers`/`initContainers`). */
export function containerName(c: unknown): string {
  return strAt(c, 'name');
}

export function findContainer(name: string, list: unknown[]): JsonObject | undefined {
  for (const c of list) if (isObject(c) && c.name === name) return c;
  return undefined;
}
