/**
 * completionsAt: Istio annotation and label keys under `metadata.annotations` / `metadata.labels`, and enumerated
 * values after `key: `. The context is read from the lines' indentation, not from a parse, because the text being
 * typed is usually not valid YAML yet (block style only).
 */
import { actsOnKind, actsOnPods, keyFacts, keysOf, statusText, type KeyFacts, type KeyType } from './catalogue';
import type { CompletionEntry } from './types';

/** Completions at `offset` of one YAML document; empty outside Istio-relevant metadata maps. */
export function completionsAt(docText: string, offset: number): CompletionEntry[] {
  const lineStart = docText.lastIndexOf('\n', offset - 1) + 1;
  const nl = docText.indexOf('\n', offset);
  const lineEnd = nl === -1 ? docText.length : nl;
  const before = docText.slice(lineStart, offset);
  const after = docText.slice(offset, lineEnd);

  const keyMatch = /^(\s*(?:-\s+)?)(["']?)([^\s:#"']*)$/.exec(before);
  if (keyMatch) {
    const indent = keyMatch[1].length;
    const place = placeOf(parentKeys(docText, lineStart, indent));
    if (!place) return [];
    const kind = topLevelKind(docText);
    const start = lineStart + indent;
    // The rest of the key after the cursor is replaced too (with its closing quote, when the key is quoted).
    const quote = keyMatch[2];
    const restKey = /^[^\s:#"']*/.exec(after)![0];
    const closing = quote !== '' && after[restKey.length] === quote ? 1 : 0;
    const hasColon = /^\s*:/.test(after.slice(restKey.length + closing));
    return keysFor(place.type, place.onPod, kind).map((f) => {
      const key = `${quote}${f.name}${quote}`;
      return entry(f, place.type, hasColon ? key : `${key}: `, start, offset + restKey.length + closing);
    });
  }
  const valueMatch = /^(\s*(?:-\s+)?)(["']?)([^\s:#"']+)\2:\s+(\S*)$/.exec(before);
  if (valueMatch) {
    const indent = valueMatch[1].length;
    const place = placeOf(parentKeys(docText, lineStart, indent));
    if (!place) return [];
    const facts = keyFacts(place.type, valueMatch[3]);
    if (!facts?.values) return [];
    const start = offset - valueMatch[4].length;
    const end = offset + after.replace(/\s+#.*$/, '').trimEnd().length;
    return facts.values.map((v) => ({
      label: v,
      kind: 'value' as const,
      detail: facts.default ? `default: ${facts.default}` : undefined,
      insertText: needsQuotes(v) ? JSON.stringify(v) : v,
      start,
      end,
    }));
  }
  return [];
}

/** Where the map being completed sits: annotations or labels, of a pod (template) or of the object itself. */
function placeOf(parents: string[]): { type: KeyType; onPod: boolean | undefined } | undefined {
  const [map, metadata, ...rest] = parents;
  if (metadata !== 'metadata' || (map !== 'annotations' && map !== 'labels')) return undefined;
  const type: KeyType = map === 'annotations' ? 'annotation' : 'label';
  if (rest[0] === 'template') return { type, onPod: true };
  if (rest.length === 0) return { type, onPod: undefined }; // the object's own metadata: depends on its kind
  return rest[0] === 'items' ? { type, onPod: false } : undefined;
}

function keysFor(type: KeyType, onPod: boolean | undefined, kind: string): KeyFacts[] {
  const pod = onPod ?? kind === 'Pod';
  return keysOf(type).filter((f) => !f.hidden && (pod ? actsOnPods(f) : actsOnKind(f, kind) && !f.resources.includes('Any')));
}

function entry(f: KeyFacts, type: KeyType, insertText: string, start: number, end: number): CompletionEntry {
  const values = f.values ? `\n\nValues: ${f.values.map((v) => `\`${v}\``).join(', ')}` : '';
  return {
    label: f.name,
    kind: type,
    detail: statusText(f),
    documentation: `${f.description}${values}`,
    insertText,
    start,
    end,
    ...(f.deprecated ? { deprecated: true } : {}),
  };
}

/** Values YAML would read as something other than a string (annotation and label values must be strings). */
function needsQuotes(v: string): boolean {
  return /^(true|false|yes|no|on|off|y|n|null|~|[-+]?[0-9._]+)$/i.test(v);
}

/** Keys of the enclosing block mappings, innermost first, found by walking up to lines of smaller indentation. */
function parentKeys(text: string, lineStart: number, indent: number): string[] {
  const keys: string[] = [];
  let want = indent;
  let end = lineStart - 1;
  while (end > 0 && want > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const m = /^(\s*)(-\s+)?(["']?)([^\s:#"']+)\3\s*:(\s|$)/.exec(line);
    if (!m) {
      // A bare `- ` item line opens a sequence entry at its dash.
      const dash = /^(\s*)-(\s|$)/.exec(line);
      if (dash && dash[1].length < want) want = dash[1].length + 1;
      continue;
    }
    const dashIndent = m[1].length;
    const keyIndent = dashIndent + (m[2]?.length ?? 0);
    if (keyIndent < want) {
      keys.push(m[4]);
      want = keyIndent;
    }
    // The sequence holding this item belongs to a key at most as indented as the dash.
    if (m[2] && dashIndent < want) want = dashIndent + 1;
  }
  return keys;
}

function topLevelKind(text: string): string {
  return /^kind:\s*["']?([A-Za-z0-9]+)/m.exec(text)?.[1] ?? '';
}
