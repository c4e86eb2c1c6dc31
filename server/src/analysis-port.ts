/**
 * The analysis functions the server calls (core/src/analysis), behind one interface so tests can count or replace
 * them. Every function works on ONE document's text (a Kubernetes-reader chunk) with offsets relative to it.
 */
import { analyzeDocument, completionsAt, hoverAt } from '../../core/src/analysis';
import type { CompletionEntry, Finding, HoverInfo } from '../../core/src/analysis/types';
import type { Injector } from '../../core/src/inject';
import type { InjectionSettings } from '../../core/src/inject/types';
import { parseManifest } from '../../core/src/manifest/parse';
import type { Manifest } from '../../core/src/manifest/types';

export interface Analysis {
  analyzeDocument(docText: string, injector: Injector, settings: InjectionSettings): Finding[];
  /** The findings that need no injection run (about the cost of a parse): published at once after an edit. */
  analyzeQuick(docText: string, injector: Injector, settings: InjectionSettings): Finding[];
  hoverAt(docText: string, offset: number, injector: Injector, settings: InjectionSettings): HoverInfo | undefined;
  completionsAt(docText: string, offset: number): CompletionEntry[];
}

/**
 * The quick analysis's parses, by text, until the full analysis of the same text takes them (it follows at once,
 * unless a newer edit supersedes it). A parse depends on the text alone, so every server may share them; a few
 * suffice, since only the one edited document gets a quick analysis.
 */
const quickParses = new Map<string, Manifest>();
const QUICK_PARSES_KEPT = 4;

function parseForQuick(text: string): Manifest {
  const parsed = parseManifest(text);
  quickParses.set(text, parsed);
  if (quickParses.size > QUICK_PARSES_KEPT) quickParses.delete(quickParses.keys().next().value as string);
  return parsed;
}

function takeQuickParse(text: string): Manifest | undefined {
  const parsed = quickParses.get(text);
  if (parsed) quickParses.delete(text);
  return parsed;
}

/** The core's analysis; the full analysis of an edited document reuses the parse of its quick analysis. */
export const defaultAnalysis: Analysis = {
  analyzeDocument: (docText, injector, settings) => analyzeDocument(docText, injector, settings, { parsed: takeQuickParse(docText) }),
  analyzeQuick: (docText, injector, settings) =>
    analyzeDocument(docText, injector, settings, { injection: false, parsed: parseForQuick(docText) }),
  hoverAt,
  completionsAt,
};
