/**
 * Analysis results per document TEXT (not position): an edit elsewhere in the file shifts a document but does not
 * change its text, so its findings and injection are reused and only shifted. Bounded; emptied when the
 * configuration changes, since every result depends on it.
 */
import type { Finding } from '../../core/src/analysis/types';
import type { KubeObject, Outcome } from '../../core/src/inject/types';
import type { TextEdit } from '../../core/src/output/preserve';
import { removeInjection } from '../../core/src/inject';
import { parseManifest } from '../../core/src/manifest/parse';
import { applyEdits, preserveEdits } from '../../core/src/output/preserve';
import { injectManifest } from '../../core/src/run/inject-manifest';
import { editsPerDocument } from '../../core/src/run/preserve-manifest';
import type { Analysis } from './analysis-port';
import { Lru } from './lru';
import type { ActiveConfig } from './settings';

/** What injection does to one document. */
export interface ChunkInjection {
  outcome: Outcome;
  warnings: string[];
  kind?: string;
  name?: string;
  namespace?: string;
  /** Minimal edits of the document text (offsets relative to it); [] when it is not injected. */
  edits: TextEdit[];
  /** The object after injection, when the document was decoded. */
  result?: KubeObject;
  original?: KubeObject;
}

export class ChunkCache {
  private readonly findingsByText: Lru<string, Finding[]>;
  private readonly injectionsByText: Lru<string, ChunkInjection>;
  private readonly removalsByText: Lru<string, TextEdit[] | null>;
  /** How many times the analysis ran (tests and the benchmark read it). */
  analyses = 0;

  private readonly analysis: Analysis;
  private config: ActiveConfig;
  private readonly log: (message: string) => void;

  constructor(analysis: Analysis, config: ActiveConfig, log: (message: string) => void, capacity = 4096) {
    this.analysis = analysis;
    this.config = config;
    this.log = log;
    this.findingsByText = new Lru(capacity);
    this.injectionsByText = new Lru(Math.max(16, capacity >> 2));
    this.removalsByText = new Lru(64);
  }

  /**
   * Switches configuration; cached results are dropped when the injection configuration changed (severity overrides
   * apply later, when findings become diagnostics, so they keep the cache).
   */
  configure(config: ActiveConfig): void {
    if (config.key !== this.config.key) {
      this.findingsByText.clear();
      this.injectionsByText.clear();
      this.removalsByText.clear();
    }
    this.config = config;
  }

  /**
   * Drops what is cached for texts no open document has any more (an edited document's previous versions). Without
   * this the caches would fill with dead versions while the user types, growing memory for thousands of edits; an
   * Undo back to one of them costs one document's analysis.
   */
  forget(texts: readonly string[]): void {
    for (const text of texts) {
      this.findingsByText.delete(text);
      this.injectionsByText.delete(text);
      this.removalsByText.delete(text);
    }
  }

  findings(text: string): Finding[] {
    const cached = this.findingsByText.get(text);
    if (cached) return cached;
    this.analyses++;
    const found = this.analyse(() => this.analysis.analyzeDocument(text, this.config.injector, this.config.injection));
    this.findingsByText.set(text, found);
    return found;
  }

  /** The first `limit` of `texts` that have no findings yet. */
  unanalysed(texts: readonly string[], limit: number): string[] {
    const out: string[] = [];
    for (const text of texts) {
      if (!this.findingsByText.has(text) && out.push(text) >= limit) break;
    }
    return out;
  }

  /**
   * The full findings when known, else the quick ones (no injection run). Not cached: the full findings of the same
   * text follow at once. Recency is left to them too (moving every document of the file costs ≈ 50 µs per edit).
   */
  quickFindings(text: string): Finding[] {
    return this.findingsByText.peek(text)
      ?? this.analyse(() => this.analysis.analyzeQuick(text, this.config.injector, this.config.injection));
  }

  private analyse(run: () => Finding[]): Finding[] {
    try {
      return run();
    } catch (e) {
      // An analysis bug must not take the file's other diagnostics down.
      this.log(`analysis failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return [];
    }
  }

  injection(text: string): ChunkInjection {
    const cached = this.injectionsByText.get(text);
    if (cached) return cached;
    const computed = injectOne(text, this.config);
    this.injectionsByText.set(text, computed);
    return computed;
  }

  /**
   * Edits that take a previous injection out of the document (from its status annotation), or undefined when there
   * is none or when the round trip is not exact: removal is offered only if injecting its result gives this very
   * text back, so inject → remove → inject never drifts.
   */
  removal(text: string): TextEdit[] | undefined {
    let cached = this.removalsByText.get(text);
    if (cached === undefined) {
      cached = removalEdits(text, this) ?? null;
      this.removalsByText.set(text, cached);
    }
    return cached ?? undefined;
  }
}

function removalEdits(text: string, cache: ChunkCache): TextEdit[] | undefined {
  const doc = parseManifest(text).documents[0];
  if (!doc || doc.problems.length || typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) return undefined;
  const removed = removeInjection(doc.value as KubeObject);
  if (removed.outcome.kind !== 'removed') return undefined;
  const edits = preserveEdits(text, doc, removed.object);
  const without = applyEdits(text, edits);
  const again = cache.injection(without);
  return again.outcome.kind === 'injected' && applyEdits(without, again.edits) === text ? edits : undefined;
}

function injectOne(text: string, config: ActiveConfig): ChunkInjection {
  const report = injectManifest(text, config.injector);
  const d = report.documents[0];
  if (!d) return { outcome: { kind: 'unchanged', reason: 'empty document' }, warnings: [], edits: [] };
  let edits: TextEdit[] = [];
  if (d.outcome.kind === 'injected') {
    try {
      edits = editsPerDocument(text, report)[0] ?? [];
    } catch (e) {
      return { outcome: { kind: 'error', message: e instanceof Error ? e.message : String(e) }, warnings: d.warnings, edits: [] };
    }
  }
  return {
    outcome: d.outcome, warnings: d.warnings, kind: d.kind, name: d.name, namespace: d.namespace,
    edits, result: d.result, original: d.original,
  };
}
