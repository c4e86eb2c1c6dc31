/**
 * Parsing YAML the way Istio and Kubernetes read it (sigs.k8s.io/yaml over go-yaml v2): YAML 1.1 booleans and
 * octals (`yes`, `on`, `0755`), but no timestamps or sexagesimal numbers (go-yaml keeps `2024-01-01` and `1:20` as
 * strings when decoding into interface{}), and duplicate keys allowed with the last one winning.
 */
import { parseDocument, type Document } from 'yaml';
import { MANIFEST_PARSE_OPTIONS } from './yaml-options';

/** Aliases expanded per document before it is refused (a "billion laughs" guard). */
export const MAX_ALIAS_COUNT = 1000;

export function parseDocumentLikeGo(text: string): Document.Parsed {
  return parseDocument(text, MANIFEST_PARSE_OPTIONS);
}
