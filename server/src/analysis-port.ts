/**
 * The analysis functions the server calls (core/src/analysis), behind one interface so tests can count or replace
 * them. Every function works on ONE document's text (a Kubernetes-reader chunk) with offsets relative to it.
 */
import { analyzeDocument, completionsAt, hoverAt } from '../../core/src/analysis';
import type { CompletionEntry, Finding, HoverInfo } from '../../core/src/analysis/types';
import type { Injector } from '../../core/src/inject';
import type { InjectionSettings } from '../../core/src/inject/types';

export interface Analysis {
  analyzeDocument(docText: string, injector: Injector, settings: InjectionSettings): Finding[];
  /** The findings that need no injection run (about the cost of a parse): published at once after an edit. */
  analyzeQuick(docText: string, injector: Injector, settings: InjectionSettings): Finding[];
  hoverAt(docText: string, offset: number, injector: Injector, settings: InjectionSettings): HoverInfo | undefined;
  completionsAt(docText: string, offset: number): CompletionEntry[];
}

/** The core's analysis. */
export const defaultAnalysis: Analysis = {
  analyzeDocument,
  analyzeQuick: (docText, injector, settings) => analyzeDocument(docText, injector, settings, { injection: false }),
  hoverAt,
  completionsAt,
};
