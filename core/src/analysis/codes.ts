/** The stable diagnostic codes, each with what it means (the README documents this list). */
import type { FindingSeverity } from './types';

export interface CodeInfo {
  severity: FindingSeverity;
  meaning: string;
}

export const CODES = {
  'yaml-syntax': { severity: 'error', meaning: 'The document is not valid YAML; nothing else is checked until it parses.' },
  'injection-error': { severity: 'error', meaning: 'Injection of this document fails; the message is the core\'s error.' },
  'no-pod-template': { severity: 'information', meaning: 'A kind kube-inject leaves unchanged: only pods and pod templates get a sidecar.' },
  'namespace-injection': { severity: 'information', meaning: 'On a Namespace: how automatic injection is turned on, with a fix adding istio-injection: enabled.' },
  'skip-host-network': { severity: 'warning', meaning: 'Injection skips this workload because its pod uses host networking.' },
  'skip-inject-disabled': { severity: 'information', meaning: 'Injection skips this workload: sidecar.istio.io/inject is "false" (label or annotation).' },
  'skip-ignored-namespace': { severity: 'warning', meaning: 'Injection skips this workload: its namespace is a Kubernetes system namespace Istio never injects.' },
  'skip-policy': { severity: 'information', meaning: 'Injection skips this workload because of the injector policy or selectors.' },
  'misplaced-key': { severity: 'warning', meaning: 'An Istio key where it does nothing: a pod key on a workload\'s own metadata (fix: move it to the pod template) or on a Namespace/Service; a namespace or service key on a pod.' },
  'unknown-key': { severity: 'warning', meaning: 'An annotation or label in an Istio domain that Istio does not know (with a "did you mean" fix).' },
  'invalid-value': { severity: 'error', meaning: 'A value Istio rejects (ports, CIDRs, quantities, interception mode, booleans, proxy.istio.io/config): injection fails.' },
  'ignored-value': { severity: 'warning', meaning: 'A value Istio does not understand and treats as if the key were absent.' },
  'non-string-value': { severity: 'warning', meaning: 'An Istio annotation or label whose value is not a string: Kubernetes rejects it (quote it); the injection policy ignores it.' },
  'deprecated-key': { severity: 'warning', meaning: 'A deprecated Istio annotation or label.' },
  'alpha-key': { severity: 'hint', meaning: 'An Istio annotation or label whose feature status is alpha.' },
  'proxy-uid': { severity: 'warning', meaning: 'A (non-init) application container of a pod that gets a sidecar runs as the proxy\'s UID (1337): its traffic bypasses the sidecar.' },
  'reserved-port': { severity: 'warning', meaning: 'An application container of a pod that gets a sidecar listens on a port the sidecar uses.' },
  'proxy-container-name': { severity: 'information', meaning: 'A container named istio-proxy/istio-init in a pod that is not injected: injection treats it as an override of its own container.' },
  'already-injected': { severity: 'information', meaning: 'The document is already injected: injecting again removes the previous injection and refreshes it.' },
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof CODES;
