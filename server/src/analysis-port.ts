/**
 * The analysis functions the server calls (core/src/analysis), behind one interface so tests can count or replace
 * them. Every function works on ONE document's text (a Kubernetes-reader chunk) with offsets relative to it.
 */
import { analyzeDocument, completionsAt, hoverAt } from '../../core/src/analysis';
import type { CompletionEntry, Finding, HoverInfo } from '../../core/src/analysis/types';
import type { Injector } from '../../core/src/inject';
import type { InjectionSettings } from '../../core/src/inject/types';
import { parseManifest } from '../../core/src/manifest/parse';
import { reparseScalarEdit } from '../../core/src/manifest/reparse';
import type { Manifest } from '../../core/src/manifest/types';

export interface Analysis {
  analyzeDocument(docText: string, injector: Injector, settings: InjectionSettings): Finding[];
  /** The findings that need no injection run (about the cost of a parse): published at once after an edit. */
  analyzeQuick(docText: string, injector: Injector, settings: InjectionSettings): Finding[];
  hoverAt(docText: string, offset: number, injector: Injector, settings: InjectionSettings): HoverInfo | undefined;
  completionsAt(docText: string, offset: number): CompletionEntry[];
}

/**
 * Recent parses by text, newest last: the quick analysis's (the full analysis of the same text takes it: it follows at
 * once unless a newer edit supersedes it) and the full analysis's (the next edit's base: typing inside a scalar is
 * reread from it, see core/src/manifest/reparse.ts). A parse depends on the text alone, so every server may share
 * them; a few suffice, since only the edited document gets a quick analysis.
 */
const parses = new Map<string, Manifest>();
const PARSES_KEPT = 4;

/** How the quick analyses got their manifest (tests read it). */
export const quickManifests = { parsed: 0, reread: 0 };

function remember(text: string, parsed: Manifest): Manifest {
  parses.delete(text);
  parses.set(text, parsed);
  if (parses.size > PARSES_KEPT) parses.delete(parses.keys().next().value as string);
  return parsed;
}

/**
 * The quick analysis's manifest: an edit inside one scalar of a recently parsed text is reread from that parse (which
 * it consumes) at a fraction of a parse's cost. A reread is not kept: the full analysis parses the text afresh, so
 * the full findings never depend on the reread.
 */
function manifestForQuick(text: string): Manifest {
  const known = parses.get(text);
  if (known) return known;
  for (const [baseText, base] of [...parses].reverse()) {
    const reread = reparseScalarEdit(base, text);
    if (reread) {
      parses.delete(baseText);
      quickManifests.reread++;
      return reread;
    }
  }
  quickManifests.parsed++;
  return remember(text, parseManifest(text));
}

function manifestForFull(text: string): Manifest {
  return remember(text, parses.get(text) ?? parseManifest(text));
}

/** The core's analysis over the shared parses above. */
export const defaultAnalysis: Analysis = {
  analyzeDocument: (docText, injector, settings) => analyzeDocument(docText, injector, settings, { parsed: manifestForFull(docText) }),
  analyzeQuick: (docText, injector, settings) =>
    analyzeDocument(docText, injector, settings, { injection: false, parsed: manifestForQuick(docText) }),
  hoverAt,
  completionsAt,
};
