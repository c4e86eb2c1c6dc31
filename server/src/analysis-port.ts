/**
 * The analysis functions the server calls, behind one interface so tests can count calls and so the server does
 * not care where they come from. Every function works on ONE document's text (a Kubernetes-reader chunk) with
 * offsets relative to it.
 */
import type { Injector } from '../../core/src/inject';
import type { InjectionSettings } from '../../core/src/inject/types';
import type { CompletionEntry, Finding, HoverInfo } from '../../core/src/analysis/types';
import { interimAnalysis } from './interim-analysis';

export interface Analysis {
  analyzeDocument(docText: string, injector: Injector, settings: InjectionSettings): Finding[];
  hoverAt(docText: string, offset: number, settings: InjectionSettings): HoverInfo | undefined;
  completionsAt(docText: string, offset: number, settings: InjectionSettings): CompletionEntry[];
}

/** The analysis the server uses unless told otherwise. */
export const defaultAnalysis: Analysis = interimAnalysis;
