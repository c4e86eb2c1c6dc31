/**
 * A whole manifest → the capture rules of each injected workload, and their text as the CLI prints it and the editor
 * shows it (`# Kind/name`, then the iptables-restore input; a note for each rule line).
 */
import type { Injector } from '../inject';
import type { KubeObject } from '../inject/types';
import { podTemplateLocation } from '../manifest/kinds';
import { injectManifest } from '../run/inject-manifest';
import { explainLine } from './notes';
import { podCapture, type CaptureEnvironment, type PodCapture } from './workload';

/** The capture rules of one injected workload of a manifest. */
export interface WorkloadCapture extends PodCapture {
  kind: string;
  name: string;
  namespace?: string;
  /** 1-based document index and first line, and the document's offsets in the text. */
  document: number;
  line: number;
  start: number;
  end: number;
}

/** The result of captureWorkloads: errors (as injection reports them) mean no workloads. */
export interface CaptureReport {
  workloads: WorkloadCapture[];
  errors: string[];
}

/** Injects `text` and computes the capture rules of every injected workload (List items one by one). Never throws. */
export function captureWorkloads(text: string, injector: Injector, environment: CaptureEnvironment = {}): CaptureReport {
  const report = injectManifest(text, injector, { print: false });
  if (report.errors.length) return { workloads: [], errors: report.errors };
  const workloads: WorkloadCapture[] = [];
  for (const d of report.documents) {
    if (d.outcome.kind !== 'injected' || !d.result) continue;
    const at = { document: d.index, line: d.line, start: d.start, end: d.end };
    const objects = d.kind === 'List' ? list(d.result.items) : [d.result];
    for (const obj of objects) {
      const kind = typeof obj.kind === 'string' ? obj.kind : '';
      const pod = podOf(obj, kind);
      if (!pod || !isInjected(pod)) continue;
      const meta = (obj.metadata ?? {}) as Record<string, unknown>;
      const name = typeof meta.name === 'string' ? meta.name : '';
      const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;
      workloads.push({ kind, name, namespace, ...at, ...podCapture(pod, environment) });
    }
  }
  return { workloads, errors: [] };
}

/** `# Kind/name`, the iptables-restore input, and for IPv6 a second header and the ip6tables-restore input. */
export function formatWorkload(w: WorkloadCapture): string {
  const head = `# ${w.kind}/${w.name}`;
  if (!w.rules) return `${head}\n# ${w.error ?? w.notes[w.notes.length - 1] ?? 'no traffic capture rules'}\n`;
  let out = `${head}\n${w.rules.ipv4}`;
  if (w.rules.ipv6 !== undefined) out += `${head} (ip6tables-restore)\n${w.rules.ipv6}`;
  return out;
}

/** One workload's rules for the editor: its text (notes as leading comments) and a note per rule line (0-based). */
export interface CaptureDocument {
  title: string;
  text: string;
  notes: { line: number; note: string }[];
}

export function captureDocument(w: WorkloadCapture): CaptureDocument {
  const title = `${w.kind}/${w.name}`;
  const version = `Rules of the Istio ${w.rulesLine === '1.12' ? '1.12' : 'current'} line${w.version ? ` (proxy image ${w.version})` : ''}.`;
  const comments = [version, ...w.notes].map((n) => `# ${n}\n`).join('');
  const body = formatWorkload(w);
  const [head, ...rest] = body.split('\n');
  const text = `${head}\n${comments}${rest.join('\n')}`;
  const notes = text.split('\n').flatMap((line, i) => {
    const note = explainLine(line);
    return note ? [{ line: i, note }] : [];
  });
  return { title, text, notes };
}

function podOf(obj: KubeObject, kind: string): KubeObject | undefined {
  const loc = podTemplateLocation(kind);
  if (!loc) return undefined;
  let cur: unknown = obj;
  for (const key of loc.path) cur = (cur as Record<string, unknown> | undefined)?.[key];
  return typeof cur === 'object' && cur !== null ? (cur as KubeObject) : undefined;
}

/** A pod that injection gave a sidecar carries the status annotation. */
function isInjected(pod: KubeObject): boolean {
  const ann = ((pod.metadata ?? {}) as Record<string, unknown>).annotations as Record<string, unknown> | undefined;
  return typeof ann?.['sidecar.istio.io/status'] === 'string';
}

function list(v: unknown): KubeObject[] {
  return Array.isArray(v) ? v.filter((x): x is KubeObject => typeof x === 'object' && x !== null) : [];
}
