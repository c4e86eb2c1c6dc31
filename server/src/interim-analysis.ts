/**
 * Findings from the injection outcome alone, used until core/src/analysis provides the full set: a parse error, a
 * kind injection leaves alone, a skipped workload, an injection failure. A YAML document without `apiVersion` and
 * `kind` gets nothing.
 */
import type { Injector } from '../../core/src/inject';
import type { Finding } from '../../core/src/analysis/types';
import { injectManifest } from '../../core/src/run/inject-manifest';
import { parseManifest } from '../../core/src/manifest/parse';
import type { Analysis } from './analysis-port';

function analyzeDocument(docText: string, injector: Injector): Finding[] {
  const parsed = parseManifest(docText).documents[0];
  if (!parsed) return [];
  const problem = parsed.problems.find((p) => p.severity === 'error');
  if (problem) {
    const end = Math.max(problem.range.end, Math.min(docText.length, problem.range.start + 1));
    return [{ code: 'parse-error', severity: 'error', message: problem.message, start: problem.range.start, end }];
  }
  if (parsed.apiVersion === undefined || parsed.kind === undefined) return [];
  const at = parsed.kindRange ?? { start: 0, end: 0 };
  const report = injectManifest(docText, injector).documents[0];
  if (!report) return [];
  const { outcome } = report;
  switch (outcome.kind) {
    case 'unchanged':
      return [{ code: 'no-pod-template', severity: 'information', message: outcome.reason, ...at }];
    case 'skipped':
      return [{ code: 'injection-skipped', severity: 'information', message: `Injection skips this workload: ${outcome.reason}`, ...at }];
    case 'error':
      return [{ code: 'injection-error', severity: 'error', message: outcome.message, ...at }];
    default:
      return [];
  }
}

export const interimAnalysis: Analysis = {
  analyzeDocument,
  hoverAt: () => undefined,
  completionsAt: () => [],
};
