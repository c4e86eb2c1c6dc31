/**
 * istio-inject's core: Istio sidecar injection as `istioctl kube-inject` computes it, as a pure library.
 *
 *   const injector = createInjector(builtinSettings());
 *   const result = injectText(yamlText, injector);   // result.istioctl, result.preserved, result.documents[i].edits
 */
export { createInjector, removeInjection, type Injector, type InjectorOptions } from './inject';
export type { InjectionSettings, InjectorConfig, KubeObject, ObjectResult, Outcome } from './inject/types';
export { builtinSettings, settingsFromSources, settingsFromConfigMaps, type ConfigSources, type FeatureFlags } from './config/sources';
export { injectText, type DocumentResult, type TextResult } from './run/inject-text';
export { injectManifest, type DocumentIdentity, type DocumentReport, type ManifestReport, type InjectOptions } from './run/inject-manifest';
export { preserveManifest } from './run/preserve-manifest';
export { parseManifest } from './manifest/parse';
export type { Manifest, ManifestDocument, ManifestProblem, TextRange } from './manifest/types';
export { isDecodedKind, isInjectableKind, podTemplateLocation } from './manifest/kinds';
export { applyEdits, type TextEdit } from './output/preserve';
export { printIstioctl } from './output/istioctl';
