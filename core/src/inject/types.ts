/** Shapes shared by the injection pipeline, its configuration loaders and its callers. */

/** A Kubernetes object as plain JSON (what YAML parsing gives). */
export type KubeObject = Record<string, unknown>;

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** The `config` key of ConfigMap istio-sidecar-injector (Istio's inject.Config). */
export interface InjectorConfig {
  policy: 'enabled' | 'disabled';
  alwaysInjectSelector: LabelSelector[];
  neverInjectSelector: LabelSelector[];
  injectedAnnotations: Record<string, string>;
  /** Template name → Go template source. */
  templates: Record<string, string>;
  defaultTemplates: string[];
  aliases: Record<string, string[]>;
}

/** Everything injection needs besides the object itself. */
export interface InjectionSettings {
  config: InjectorConfig;
  /** The `values` key (Helm values), as JSON. */
  values: Record<string, unknown>;
  /** MeshConfig as JSON with Istio's defaults applied (mesh.DefaultMeshConfig + the `mesh` key). */
  mesh: Record<string, unknown>;
  /** "" means the default revision. */
  revision: string;
  /** ENABLE_NATIVE_SIDECARS: on = native sidecars unless the pod opts out. */
  nativeSidecars: boolean;
  /** COMPLIANCE_POLICY feature, e.g. "fips-140-3"; "" when unset. */
  compliancePolicy: string;
  /** PLATFORM env, e.g. "openshift"; "" when unset. */
  platform: string;
  proxyUID: number;
  proxyGID: number;
}

/** What happened to one Kubernetes object. */
export type Outcome =
  | { kind: 'injected' }
  /** removeInjection took a previous injection out. */
  | { kind: 'removed' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'unchanged'; reason: string }
  | { kind: 'error'; message: string };

/** What injecting (or removing the injection from) one object gives. */
export interface ObjectResult {
  outcome: Outcome;
  /** The resulting object (the input object itself when not injected). */
  object: KubeObject;
  /** Messages istioctl prints to stderr (e.g. the hostNetwork skip). */
  warnings: string[];
}
