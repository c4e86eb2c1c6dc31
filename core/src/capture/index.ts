/**
 * Traffic capture: the iptables rules istio-iptables (or the Istio CNI plugin) programs into an injected pod,
 * computed from the manifest, with a plain-language note per rule.
 *
 *   const { workloads } = captureWorkloads(yamlText, injector);
 *   formatWorkload(workloads[0]);   // "# Deployment/web\n* nat\n-N ISTIO_INBOUND\n…COMMIT\n"
 */
export { captureWorkloads, captureDocument, formatWorkload, type CaptureDocument, type CaptureReport, type WorkloadCapture } from './document';
export { podCapture, versionOf, type CaptureEnvironment, type PodCapture } from './workload';
export { restoreInputs, type RestoreInputs } from './restore';
export { parseIptablesFlags } from './flags';
export { cniCaptureConfig, type CniPodInfo } from './cni';
export { defaultCaptureConfig, type CaptureConfig, type RulesLine } from './config';
export { explainLine } from './notes';
