/**
 * Why a workload is (not) injected, as data: what kube-inject decides (the core's own outcome follows the same
 * rules), what the cluster's webhook would decide given the namespace's labels and the webhooks' selectors, which
 * templates run and whether the proxy becomes a native sidecar. Pure; explain.ts turns it into markdown.
 */
import { isObject, objAt, stringMap, type JsonObject } from '../inject/json-access';
import { IGNORED_NAMESPACES, KUBE_INJECT_POLICY } from '../inject/policy';
import { NATIVE_SIDECAR_ANNOTATION, TEMPLATES_ANNOTATION, selectTemplates } from '../inject/render';
import type { InjectionSettings, KubeObject } from '../inject/types';
import { locatePod } from '../inject/workload';
import { podTemplateLocation } from '../manifest/kinds';
import { objAtPath } from './context';
import { installedWebhookConfiguration } from './installed-webhooks';
import { policyVerdict, type PolicyVerdict } from './policy-steps';
import { checkInjectWebhooks, type WebhookCheck } from './webhook-selectors';

/** A namespace's labels and where they were read. */
export interface NamespaceInfo {
  name: string;
  labels: Record<string, string>;
  /** e.g. "this file", "the cluster". */
  source: string;
}

/** What is known besides the workload itself. */
export interface ExplainContext {
  /** Namespaces by name (from Namespace documents of the file, or the cluster). */
  namespaces?: ReadonlyMap<string, NamespaceInfo>;
  /** MutatingWebhookConfiguration objects from the cluster; absent: those an install of the revision creates. */
  webhooks?: readonly unknown[];
  /** The namespace a manifest without one is applied to (a connected cluster's current namespace). */
  defaultNamespace?: string;
}

export interface WebhookDecision {
  /** The pod's namespace and its labels, when known. */
  namespace?: NamespaceInfo;
  source: 'cluster' | 'install';
  check: WebhookCheck;
  /** Some Istio webhook's selectors match, so the API server calls it. */
  called: boolean;
  /** The injector's own decision (its config's policy and selectors) once called. */
  policy: PolicyVerdict;
  inject: boolean;
}

export interface InjectionDecision {
  kind: string;
  name: string;
  /** The namespace the pods run in ("" = neither the manifest nor the context says). */
  namespace: string;
  /** kube-inject's checks: policy "enabled", no selectors, the namespace of the pod metadata only. */
  kubeInject: PolicyVerdict;
  /** The namespace kube-inject checks: the one written in the pod (template) metadata. */
  kubeInjectNamespace: string;
  webhook: WebhookDecision;
  templates: { kubeInject: string[]; webhook: string[]; annotation?: string };
  native: { kubeInject: boolean; why: string };
}

const METADATA_NAME = 'kubernetes.io/metadata.name';

/**
 * The decision for one object with a pod (not a List), or undefined when it has none. `injected` is the pod spec
 * the core produced (read for the native-sidecar choice when the pod is injected).
 */
export function decideInjection(object: KubeObject, settings: InjectionSettings, context: ExplainContext = {}, injected?: JsonObject): InjectionDecision | undefined {
  const located = locatePod(object);
  if (!located.ok) return undefined;
  const { pod, typeMeta, deployMeta } = located.target;
  // The webhook sees the Pod a controller creates: the pod template's metadata, in the controller's namespace.
  const location = podTemplateLocation(typeMeta.kind);
  const podTemplate = location ? objAtPath(object, location.path) : undefined;
  const podMetadata = objAt(podTemplate, 'metadata') ?? {};
  const kubeInjectNamespace = typeof pod.metadata.namespace === 'string' ? pod.metadata.namespace : '';
  const namespace = (typeMeta.kind === 'Pod' ? kubeInjectNamespace : deployMeta.namespace) || (context.defaultNamespace ?? '');
  const annotations = stringMap(pod.metadata, 'annotations');
  const templatesAnnotation = annotations[TEMPLATES_ANNOTATION];
  const kubeInject = policyVerdict(KUBE_INJECT_POLICY, pod.spec, pod.metadata, kubeInjectNamespace, true);
  const kubeInjectTemplates = selectTemplates(pod, ['sidecar'], {});
  return {
    kind: typeMeta.kind,
    name: deployMeta.name,
    namespace,
    kubeInject,
    kubeInjectNamespace,
    webhook: webhookDecision(pod.spec, podMetadata, namespace, settings, context),
    templates: {
      kubeInject: kubeInjectTemplates,
      webhook: selectTemplates(pod, settings.config.defaultTemplates.length ? settings.config.defaultTemplates : ['sidecar'], settings.config.aliases),
      ...(templatesAnnotation !== undefined ? { annotation: templatesAnnotation } : {}),
    },
    native: nativeChoice(annotations[NATIVE_SIDECAR_ANNOTATION], settings.nativeSidecars, kubeInjectTemplates, kubeInject.inject ? injected : undefined),
  };
}

function webhookDecision(spec: JsonObject, metadata: JsonObject, namespace: string, settings: InjectionSettings, context: ExplainContext): WebhookDecision {
  const known = namespace ? context.namespaces?.get(namespace) : undefined;
  // Kubernetes labels every namespace with its own name.
  const nsLabels = { ...(namespace ? { [METADATA_NAME]: namespace } : {}), ...known?.labels };
  const podLabels = stringMap(metadata, 'labels');
  const fromCluster = context.webhooks !== undefined;
  const check = checkInjectWebhooks(webhookConfigurations(settings, context), podLabels, nsLabels);
  const called = check.verdicts.some((v) => v.injected);
  const policy = policyVerdict(settings.config, spec, metadata, namespace);
  return { ...(known ? { namespace: known } : {}), source: fromCluster ? 'cluster' : 'install', check, called, policy, inject: called && policy.inject };
}

/** The cluster's webhook configurations, else the one an install of the configured revision creates. */
export function webhookConfigurations(settings: InjectionSettings, context: ExplainContext): readonly unknown[] {
  if (context.webhooks) return context.webhooks;
  const sidecarWebhook = objAt(settings.values, 'sidecarInjectorWebhook');
  return [installedWebhookConfiguration(settings.revision, sidecarWebhook?.enableNamespacesByDefault === true, IGNORED_NAMESPACES)];
}

function nativeChoice(annotation: string | undefined, setting: boolean, templates: string[], injected: JsonObject | undefined): { kubeInject: boolean; why: string } {
  let on = setting;
  let why = setting
    ? 'ENABLE_NATIVE_SIDECARS is on in this configuration'
    : 'ENABLE_NATIVE_SIDECARS is off in this configuration (istioctl without a cluster uses native sidecars only when it is "true")';
  if (annotation !== undefined && annotation !== '') {
    on = annotation !== 'false';
    why = `the pod's \`${NATIVE_SIDECAR_ANNOTATION}\` annotation is "${annotation}"${annotation === 'true' || annotation === 'false' ? '' : ' (anything but "false" turns them on in the template)'}, which overrides ENABLE_NATIVE_SIDECARS`;
  }
  if (!injected) return { kubeInject: on, why };
  // The templates decide where istio-proxy goes; a template that ignores the choice wins over it.
  const inInit = Array.isArray(injected.initContainers) && injected.initContainers.some((c) => isObject(c) && c.name === 'istio-proxy');
  if (inInit !== on) why += `, but the template${templates.length === 1 ? '' : 's'} ${templates.map((t) => `\`${t}\``).join(', ')} ${on ? 'keep' : 'put'}${templates.length === 1 ? 's' : ''} it ${inInit ? 'in initContainers' : 'among the containers'}`;
  return { kubeInject: inInit, why };
}
