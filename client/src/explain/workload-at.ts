/**
 * The kind and namespace of the YAML document at an offset, so Explain Injection knows which namespace's labels to
 * read from the cluster. Read from the YAML syntax tree, so a document with errors elsewhere still answers. No
 * `vscode` import.
 */
import { yamlLibrary } from '../lazy-libraries';

export interface WorkloadRef {
  kind?: string;
  /** `metadata.namespace` as written; undefined when the manifest names none. */
  namespace?: string;
}

/** The document whose text holds `offset` (a separator or comment before a document belongs to it). */
export function workloadAt(text: string, offset: number): WorkloadRef | undefined {
  const parsed = yamlLibrary().parseAllDocuments(text);
  const docs = Array.isArray(parsed) ? parsed : [];
  let doc = docs[0];
  for (const d of docs) if (d.range[0] <= offset) doc = d;
  if (!doc) return undefined;
  const ref: WorkloadRef = {};
  const kind = doc.get('kind');
  const namespace = doc.getIn(['metadata', 'namespace']);
  if (typeof kind === 'string') ref.kind = kind;
  if (typeof namespace === 'string' && namespace) ref.namespace = namespace;
  return ref;
}
