/**
 * The editor's analysis of Kubernetes manifests for Istio injection: findings (diagnostics with fixes), hover and
 * completion, per YAML document; why a workload is (not) injected and its sidecar's anatomy. Pure; offsets are
 * relative to the one document's text.
 */
export { analyzeDocument, type AnalyzeOptions } from './analyze';
export { hoverAt } from './hover';
export { completionsAt } from './completion';
export { CODES, type CodeInfo, type FindingCode } from './codes';
export { keyFacts, keysOf, type KeyFacts, type KeyType } from './catalogue';
export { RESERVED_PORTS } from './reserved';
export type { CompletionEntry, CompletionKind, Finding, FindingSeverity, Fix, HoverInfo } from './types';
export { explainInjection, type DocumentInjection, type ExplainOptions } from './explain';
export { kindExplanationAt } from './explain-hover';
export { decideInjection, type ExplainContext, type InjectionDecision, type NamespaceInfo } from './explain-decision';
export { namespacesInTexts } from './explain-namespaces';
export { sidecarAnatomy, type SidecarAnatomy } from './anatomy';
export { anatomyMarkdown } from './anatomy-markdown';
export { anatomyOfObject, anatomyOfPod } from './anatomy-document';
export { installedWebhookConfiguration } from './installed-webhooks';
export { checkInjectWebhooks, type WebhookCheck, type WebhookVerdict } from './webhook-selectors';
