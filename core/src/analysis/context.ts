/**
 * What the rules share while analysing one document: its text and yaml nodes (for ranges), the value the core
 * decoded (for facts), the core's verdict, and the findings collected so far.
 */
import type { Injector } from '../inject';
import { isObject } from '../inject/json-access';
import type { InjectionSettings, KubeObject, Outcome } from '../inject/types';
import { podTemplateLocation } from '../manifest/kinds';
import { keyRangeOfPath, rangeOfPath, type YamlPath } from '../manifest/paths';
import type { ManifestDocument, TextRange } from '../manifest/types';
import { CODES, type FindingCode } from './codes';
import type { Finding } from './types';

/** A pod (template) the core injects: a workload of the document, or an item of a List. */
export interface Workload {
  /** Path to the object that carries the pod ([] or ['items', i]). */
  objectPath: YamlPath;
  kind: string;
  /** Path to the pod object (the one with `metadata` and `spec`). */
  podPath: YamlPath;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
  /** The object's own metadata (the pod's, for a Pod). */
  objectMetadata: Record<string, unknown>;
  /** The core's outcome for this pod (undefined: injection not run). */
  outcome: Outcome | undefined;
  /** The pod spec after injection, when the core injected it. */
  injectedSpec?: Record<string, unknown>;
}

export interface AnalysisContext {
  text: string;
  doc: ManifestDocument;
  /** The document as the core decoded it (Go's YAML rules), which the facts are about. */
  value: KubeObject;
  kind: string;
  /** The core's outcome for the document; undefined when the caller asked not to run injection. */
  outcome: Outcome | undefined;
  /** The document after injection (when the core injected it). */
  result?: KubeObject;
  injector: Injector;
  settings: InjectionSettings;
  findings: Finding[];
}

export function objAtPath(root: unknown, path: YamlPath): Record<string, unknown> | undefined {
  let v: unknown = root;
  for (const step of path) {
    if (Array.isArray(v) && typeof step === 'number') v = v[step];
    else if (isObject(v)) v = v[String(step)];
    else return undefined;
  }
  return isObject(v) ? v : undefined;
}

export function valueRange(ctx: AnalysisContext, path: YamlPath): TextRange | undefined {
  return rangeOfPath(ctx.doc.yaml, path);
}

export function keyRange(ctx: AnalysisContext, path: YamlPath): TextRange | undefined {
  return keyRangeOfPath(ctx.doc.yaml, path);
}

/** The kind's value, where document-wide findings go (the document start when there is no kind). */
export function kindRange(ctx: AnalysisContext): TextRange {
  return ctx.doc.kindRange ?? { start: 0, end: 0 };
}

/** Records a finding with its code's severity. */
export function add(ctx: AnalysisContext, code: FindingCode, message: string, at: TextRange, extra: Partial<Finding> = {}): void {
  ctx.findings.push({ code, severity: CODES[code].severity, message, start: at.start, end: at.end, ...extra });
}

/**
 * The pods of the document with the core's outcome for each. A List's items are injected one by one by the core,
 * and its document verdict is only "some item injected", so each item is asked of the injector itself.
 */
export function workloadsOf(ctx: AnalysisContext): Workload[] {
  if (ctx.kind !== 'List') {
    const w = workloadAt(ctx.value, [], ctx.outcome, ctx.result);
    return w ? [w] : [];
  }
  const items = Array.isArray(ctx.value.items) ? ctx.value.items : [];
  if (ctx.outcome?.kind === 'error') return [];
  const out: Workload[] = [];
  items.forEach((item, i) => {
    if (!isObject(item) || podTemplateLocation(String(item.kind)) === undefined) return;
    const r = ctx.outcome && ctx.injector.inject(item);
    const w = workloadAt(item, ['items', i], r?.outcome, r?.object);
    if (w) out.push(w);
  });
  return out;
}

function workloadAt(object: Record<string, unknown>, objectPath: YamlPath, outcome: Outcome | undefined, result?: KubeObject): Workload | undefined {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const location = podTemplateLocation(kind);
  if (!location) return undefined;
  const pod = objAtPath(object, location.path) ?? {};
  return {
    objectPath,
    kind,
    podPath: [...objectPath, ...location.path],
    metadata: objAtPath(pod, ['metadata']) ?? {},
    spec: objAtPath(pod, ['spec']) ?? {},
    objectMetadata: objAtPath(object, ['metadata']) ?? {},
    outcome,
    injectedSpec: outcome?.kind === 'injected' ? objAtPath(result, [...location.path, 'spec']) : undefined,
  };
}
