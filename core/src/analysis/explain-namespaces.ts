/** The Namespace documents of a file, whose labels tell what the injection webhook would do with its workloads. */
import { isObject, stringMap } from '../inject/json-access';
import { parseManifest } from '../manifest/parse';
import type { NamespaceInfo } from './explain-decision';

/** Cheap test before parsing: most documents are not Namespaces. */
const NAMESPACE_KIND = /^kind:[ \t]*["']?Namespace["']?[ \t]*(#.*)?$/m;

/** Namespaces by name, from the documents (one YAML document's text each) that are Namespaces. */
export function namespacesInTexts(texts: Iterable<string>, source = 'this file'): Map<string, NamespaceInfo> {
  const out = new Map<string, NamespaceInfo>();
  for (const text of texts) {
    if (!NAMESPACE_KIND.test(text)) continue;
    for (const doc of parseManifest(text).documents) {
      const value = doc.value;
      if (!isObject(value) || value.kind !== 'Namespace' || !isObject(value.metadata)) continue;
      const name = value.metadata.name;
      if (typeof name === 'string' && name !== '') out.set(name, { name, labels: stringMap(value.metadata, 'labels'), source });
    }
  }
  return out;
}
