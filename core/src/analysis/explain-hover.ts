/**
 * The hover on a document's `kind`: the whole injection decision. Separate from hoverAt so a caller that knows more
 * (the file's Namespace documents, the cluster, a cached injection) can supply it.
 */
import type { InjectionSettings } from '../inject/types';
import { parseManifest } from '../manifest/parse';
import type { ExplainContext } from './explain-decision';
import { explainInjection, type DocumentInjection } from './explain';
import type { HoverInfo } from './types';

/**
 * The explanation when `offset` is on the document's top-level `kind` value, else undefined. `injection` is asked
 * for only then (it may run the injector).
 */
export function kindExplanationAt(
  docText: string, offset: number, injection: () => DocumentInjection, settings: InjectionSettings, context: ExplainContext = {},
): HoverInfo | undefined {
  // A top-level `kind:` starts its line (block YAML); anything else needs no parse here.
  const lineStart = docText.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  if (!docText.startsWith('kind:', lineStart)) return undefined;
  const doc = parseManifest(docText).documents[0];
  const range = doc?.kindRange;
  if (!range || offset < range.start || offset > range.end || doc.yaml.errors.length > 0) return undefined;
  const markdown = explainInjection(injection(), settings, context);
  return markdown ? { markdown, ...range } : undefined;
}
