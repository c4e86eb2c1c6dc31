/**
 * istioInject/captureRules: the traffic-capture rules of the injected workloads of an open YAML file (or of the one
 * at a position), with a note per rule line, computed by the core with the injector the server analyses with.
 */
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { captureDocument, captureWorkloads } from '../../core/src/capture';
import type { Injector } from '../../core/src/inject';
import { CaptureRulesRequest, type CaptureRulesParams, type CaptureRulesResult } from '../../protocol/src/protocol';
import { offsetOf } from './positions';

export interface CaptureRulesDeps {
  /** The open YAML document, or undefined. */
  open(uri: string): TextDocument | undefined;
  /** The injector the server currently analyses with. */
  injector(): Injector;
  guarded<T>(what: string, fallback: T, fn: () => T): T;
}

export function registerCaptureRules(connection: Connection, deps: CaptureRulesDeps): void {
  connection.onRequest(CaptureRulesRequest, (params) => deps.guarded<CaptureRulesResult>(
    'capture rules', { documents: [], error: 'the rules could not be computed' },
    () => {
      const doc = deps.open(params.uri);
      return doc ? captureRules(doc, deps.injector(), params) : { documents: [], error: 'the document is not open as YAML' };
    },
  ));
}

/** The rules of the document's injected workloads; with a position inside one of them, of that one only. */
export function captureRules(doc: TextDocument, injector: Injector, params: CaptureRulesParams): CaptureRulesResult {
  const report = captureWorkloads(doc.getText(), injector, params.ipv6 ? { ipv6: true } : {});
  if (report.errors.length) return { documents: [], error: `injection fails: ${report.errors.join('; ')}` };
  let workloads = report.workloads;
  if (params.position) {
    const at = offsetOf(doc, params.position);
    const here = workloads.filter((w) => w.start <= at && at < w.end);
    if (here.length) workloads = here;
  }
  if (!workloads.length) return { documents: [], error: 'no workload in this file gets a sidecar' };
  return { documents: workloads.map(captureDocument) };
}
