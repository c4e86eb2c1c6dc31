/** YAML text to JSON values the way Istio reads its configuration (sigs.k8s.io/yaml over go-yaml v2). */
import { parseAllDocuments, type Tags } from 'yaml';
import { DECLINED, fastYamlToJson } from '../yaml';

/**
 * YAML 1.1 as go-yaml v2 reads it into interface{}: timestamps stay strings and sexagesimal numbers (12:30) are not
 * numbers, so those two tags of the 1.1 schema are left out.
 */
function goYamlTags(tags: Tags): Tags {
  return tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && (t as { format?: string }).format !== 'TIME'));
}

/**
 * Parses the first YAML document of `text` into plain JSON values. YAML 1.1 scalars apply (y/yes/on/off are
 * booleans, 0777 is octal), as in go-yaml v2. An empty text gives null. Errors read like sigs.k8s.io/yaml's
 * ("error converting YAML to JSON: yaml: line N: …"); the wording after the line number is this parser's own.
 */
export function yamlToJson(text: string): unknown {
  // Template output is plain block YAML: the fast decoder reads it to the same values, and declines anything else.
  const fast = fastYamlToJson(text);
  if (fast !== DECLINED) return fast;
  return yamlPackageToJson(text);
}

/** yamlToJson through the `yaml` package alone (the reference the fast decoder is tested against). */
export function yamlPackageToJson(text: string): unknown {
  // logLevel 'error': a library must not print warnings (e.g. about collection keys) to the console.
  const docs = parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false, customTags: goYamlTags, logLevel: 'error' });
  if (!Array.isArray(docs)) return null; // an empty stream
  const doc = docs[0];
  if (doc === undefined) return null;
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0].line;
    const where = line === undefined ? '' : `line ${line}: `;
    const msg = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new Error(`error converting YAML to JSON: yaml: ${where}${lowerFirst(msg)}`);
  }
  return normalizeKeys(doc.toJS({ maxAliasCount: -1 }));
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}

/** Map keys become strings (as sigs.k8s.io/yaml does); undefined becomes null. */
function normalizeKeys(v: unknown): unknown {
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of v) out[String(k)] = normalizeKeys(val);
    return out;
  }
  if (Array.isArray(v)) return v.map(normalizeKeys);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) out[k] = normalizeKeys(val);
    return out;
  }
  return v === undefined ? null : v;
}
