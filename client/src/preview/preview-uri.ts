/**
 * The URIs of preview documents: scheme `istio-inject-preview`, the source's path (ending in .yaml so the preview
 * is highlighted as YAML), and the source URI and range in the query. No `vscode` import.
 */
import type { LspRange } from '../commands/target';

export const PREVIEW_SCHEME = 'istio-inject-preview';

export interface PreviewTarget {
  source: string;
  range?: LspRange;
}

/** The parts of the preview URI (for `Uri.from`) of a source document and range. */
export function previewUriParts(target: PreviewTarget): { scheme: string; path: string; query: string } {
  const query = new URLSearchParams({ source: target.source });
  if (target.range) {
    const { start, end } = target.range;
    query.set('range', [start.line, start.character, end.line, end.character].join(','));
  }
  return { scheme: PREVIEW_SCHEME, path: previewPath(target.source), query: query.toString() };
}

/** The source and range a preview URI's query names; undefined when it names no source. */
export function parsePreviewQuery(query: string): PreviewTarget | undefined {
  const params = new URLSearchParams(query);
  const source = params.get('source');
  if (!source) return undefined;
  const numbers = (params.get('range') ?? '').split(',').map(Number);
  if (numbers.length === 4 && numbers.every((n) => Number.isInteger(n) && n >= 0)) {
    const [sl, sc, el, ec] = numbers as [number, number, number, number];
    return { source, range: { start: { line: sl, character: sc }, end: { line: el, character: ec } } };
  }
  return { source };
}

function previewPath(source: string): string {
  const colon = source.indexOf(':');
  let path = decodeURIComponentSafe((colon >= 0 ? source.slice(colon + 1) : source).replace(/^\/\/[^/]*/, '').split(/[?#]/)[0]!);
  if (!path.startsWith('/')) path = `/${path}`;
  return /\.ya?ml$/i.test(path) ? path : `${path}.yaml`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
