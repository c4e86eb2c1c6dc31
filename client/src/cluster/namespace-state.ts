// A namespace's injection state from its labels, as Istio's webhooks select namespaces: `istio-injection=enabled`
// (the default revision), `istio.io/rev=X` (revision X), `istio-injection=disabled`, both labels at once (a conflict:
// istio-injection wins and the revision label is ignored), or neither.
import type { Namespace } from './k8s-json';

export type InjectionMode = 'enabled' | 'revision' | 'disabled' | 'conflict' | 'none';

export interface NamespaceInjection {
  mode: InjectionMode;
  /** The `istio.io/rev` value when set. */
  revision?: string;
  /** Whether new pods here get a sidecar (absent pod-level opt-out). */
  injects: boolean;
}

export const INJECTION_LABEL = 'istio-injection';
export const REVISION_LABEL = 'istio.io/rev';

/** Namespaces Istio never injects into, whatever their labels say. */
export const NEVER_INJECTED = new Set(['kube-system', 'kube-public']);

export function namespaceInjection(ns: Pick<Namespace, 'metadata'>): NamespaceInjection {
  const labels = ns.metadata.labels ?? {};
  const legacy = labels[INJECTION_LABEL];
  const revision = labels[REVISION_LABEL];
  const rev = revision !== undefined ? { revision } : {};
  if (legacy !== undefined && revision !== undefined) return { mode: 'conflict', ...rev, injects: legacy === 'enabled' };
  if (legacy === 'enabled') return { mode: 'enabled', injects: true };
  if (legacy !== undefined) return { mode: 'disabled', injects: false };
  if (revision !== undefined) return { mode: 'revision', ...rev, injects: true };
  return { mode: 'none', injects: false };
}
