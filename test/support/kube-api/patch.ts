// The three patch types of PATCH requests: JSON merge patch (RFC 7386, `kubectl label`/`annotate`), strategic merge
// patch (`kubectl rollout restart`, `kubectl patch` default) and JSON patch (RFC 6902). The strategic variant knows the
// merge keys of the pod-spec lists that clients patch; every other list is replaced, as the real schema says.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386: objects merge, null deletes, everything else (arrays too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v) as Json;
  }
  return out;
}

/** Merge keys of the lists in pod templates and object metadata (from the Kubernetes API types' patch tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  conditions: 'type',
};

/** Strategic merge patch: like a merge patch, but lists with a merge key merge item by item. */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  if (patch['$patch'] === 'replace') {
    const { $patch: _directive, ...rest } = patch;
    return rest;
  }
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys' || k.startsWith('$deleteFromPrimitiveList/')) continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v) && MERGE_KEYS[k] && Array.isArray(out[k])) out[k] = mergeList(out[k] as Json[], v, MERGE_KEYS[k]!);
    else if (Array.isArray(v)) out[k] = v.filter((x) => !(isObject(x) && x['$patch'] === 'delete'));
    else out[k] = strategicMergePatch(out[k], v) as Json;
  }
  return out;
}

function mergeList(current: Json[], patch: Json[], key: string): Json[] {
  const out = [...current];
  for (const item of patch) {
    if (!isObject(item)) continue;
    const at = out.findIndex((x) => isObject(x) && x[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) {
      out[at] = strategicMergePatch(out[at], item) as Json;
    } else {
      out.push(strategicMergePatch({}, item) as Json);
    }
  }
  return out;
}

interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: Json;
}

/** RFC 6902 JSON patch. Throws on a failed `test` or a missing path. */
export function jsonPatch(target: unknown, ops: JsonPatchOp[]): unknown {
  let doc = structuredClone(target) as Json;
  for (const op of ops) {
    switch (op.op) {
      case 'add': doc = put(doc, op.path, op.value ?? null, true); break;
      case 'replace': doc = put(doc, op.path, op.value ?? null, false); break;
      case 'remove': doc = del(doc, op.path); break;
      case 'copy': doc = put(doc, op.path, structuredClone(read(doc, op.from ?? '')), true); break;
      case 'move': { const v = read(doc, op.from ?? ''); doc = put(del(doc, op.from ?? ''), op.path, v, true); break; }
      case 'test':
        if (JSON.stringify(read(doc, op.path)) !== JSON.stringify(op.value)) throw new Error(`test operation failed at ${op.path}`);
        break;
      default: throw new Error(`unknown JSON patch op ${(op as { op: string }).op}`);
    }
  }
  return doc;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function read(doc: Json, path: string): Json {
  let cur: Json = doc;
  for (const seg of pointer(path)) {
    if (Array.isArray(cur)) cur = cur[Number(seg)] as Json;
    else if (isObject(cur) && seg in cur) cur = cur[seg]!;
    else throw new Error(`path ${path} not found`);
    if (cur === undefined) throw new Error(`path ${path} not found`);
  }
  return cur;
}

function parentOf(doc: Json, path: string): { parent: Json; last: string } {
  const segs = pointer(path);
  const last = segs.pop();
  if (last === undefined) throw new Error('cannot address the document root');
  const parentPath = segs.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
  return { parent: read(doc, parentPath), last };
}

function put(doc: Json, path: string, value: Json, insert: boolean): Json {
  if (path === '') return value;
  const { parent, last } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (insert) parent.splice(i, 0, value);
    else parent[i] = value;
  } else if (isObject(parent)) {
    if (!insert && !(last in parent)) throw new Error(`path ${path} not found`);
    parent[last] = value;
  } else throw new Error(`path ${path} not found`);
  return doc;
}

function del(doc: Json, path: string): Json {
  const { parent, last } = parentOf(doc, path);
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent) && last in parent) delete parent[last];
  else throw new Error(`path ${path} not found`);
  return doc;
}

/** Applies a PATCH body by its Content-Type. */
export function applyPatch(contentType: string, target: unknown, body: unknown): unknown {
  const type = contentType.split(';')[0]!.trim();
  if (type === 'application/merge-patch+json') return mergePatch(target, body);
  if (type === 'application/strategic-merge-patch+json') return strategicMergePatch(target, body);
  if (type === 'application/json-patch+json') return jsonPatch(target, body as JsonPatchOp[]);
  throw new UnsupportedPatch(type);
}

export class UnsupportedPatch extends Error {}
