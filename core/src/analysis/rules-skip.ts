/**
 * Workloads the core skips, with the reason on the node that causes it. Findings follow the core's outcome: the
 * reason is looked up only once the core said "skipped", in the order the core's policy checks it.
 */
import { IGNORED_NAMESPACES, SIDECAR_INJECT } from '../inject/policy';
import { type AnalysisContext, type Workload, add, keyRange, kindRange, valueRange } from './context';

export function checkSkipped(ctx: AnalysisContext, w: Workload): void {
  if (w.outcome?.kind !== 'skipped') return;
  const pod = w.podPath;
  // Without a more precise node, the finding goes on the kind of the object (a List item's own kind).
  const fallback = valueRange(ctx, [...w.objectPath, 'kind']) ?? kindRange(ctx);
  if (w.spec.hostNetwork === true) {
    const at = valueRange(ctx, [...pod, 'spec', 'hostNetwork']) ?? fallback;
    add(ctx, 'skip-host-network', 'Injection skips this pod: it uses host networking (hostNetwork: true), and a sidecar would capture the node\'s traffic.', at);
    return;
  }
  const namespace = w.metadata.namespace;
  if (typeof namespace === 'string' && IGNORED_NAMESPACES.includes(namespace)) {
    const at = valueRange(ctx, [...pod, 'metadata', 'namespace']) ?? fallback;
    add(ctx, 'skip-ignored-namespace', `Injection skips this pod: Istio never injects into the system namespace "${namespace}".`, at);
    return;
  }
  const disabledBy = injectFalse(w);
  if (disabledBy) {
    const at = valueRange(ctx, [...pod, 'metadata', disabledBy, SIDECAR_INJECT]) ?? keyRange(ctx, [...pod, 'metadata', disabledBy, SIDECAR_INJECT]) ?? fallback;
    const what = disabledBy === 'labels' ? 'label' : 'annotation';
    add(ctx, 'skip-inject-disabled', `Injection skips this pod: its ${SIDECAR_INJECT} ${what} is "false".`, at);
    return;
  }
  add(ctx, 'skip-policy', `Injection skips this pod: ${w.outcome.reason} (the injector's policy or selectors).`, fallback);
}

/** Which map's `sidecar.istio.io/inject: "false"` disables the pod (the label wins over the annotation, as in the core). */
function injectFalse(w: Workload): 'labels' | 'annotations' | undefined {
  const labels = w.metadata.labels as Record<string, unknown> | undefined;
  const annotations = w.metadata.annotations as Record<string, unknown> | undefined;
  if (labels && Object.prototype.hasOwnProperty.call(labels, SIDECAR_INJECT)) return labels[SIDECAR_INJECT] === 'false' ? 'labels' : undefined;
  return annotations?.[SIDECAR_INJECT] === 'false' ? 'annotations' : undefined;
}
