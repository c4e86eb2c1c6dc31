/**
 * Taking an injection out of a pod: everything the status annotation lists, plus what post-processing and the
 * standard templates changed where the pod itself records the original (rewritten probes, Prometheus annotations,
 * user overrides of injected containers) and the metadata the sidecar template adds.
 *
 * Template metadata cannot be told apart from the same keys written by the user, so the labels and annotations
 * below are removed whenever present: they only make sense on injected pods.
 */
import { KUBE_APP_PROBERS_ENV, proberUrls } from './app-probe';
import { JsonObject, deepClone, findContainer, isObject, objAt, parseJsonObject, strAt } from './json-access';
import { PROXY_CONTAINER, type PodJson, containersOf, findSidecar, initContainersOf } from './pod';
import { OVERRIDES_ANNOTATION } from './overrides';
import { PROMETHEUS_ANNOTATIONS_ENV } from './prometheus';
import { STATUS_ANNOTATION, parseInjectionStatus } from './status';

const AGENT_PROMETHEUS = { 'prometheus.io/path': '/stats/prometheus', 'prometheus.io/scrape': 'true' };

/** The pod without its injection, or undefined when it carries no valid status annotation. */
export function uninjectPod(pod: PodJson, workloadName = ''): PodJson | undefined {
  const annotations = objAt(pod.metadata, 'annotations');
  const raw = annotations?.[STATUS_ANNOTATION];
  const status = parseInjectionStatus(typeof raw === 'string' ? raw : undefined);
  if (!status) return undefined;
  const out: PodJson = { metadata: deepClone(pod.metadata), spec: deepClone(pod.spec) };
  const sidecarEnv = envOf(findSidecar(out));

  restoreProbes(out, sidecarEnv.get(KUBE_APP_PROBERS_ENV));
  const a = objAt(out.metadata, 'annotations')!;
  restorePrometheus(a, sidecarEnv.get(PROMETHEUS_ANNOTATIONS_ENV));

  removeNamed(out.spec, 'containers', status.containers, false);
  removeNamed(out.spec, 'initContainers', status.initContainers, true);
  removeNamed(out.spec, 'volumes', status.volumes, true);
  removeNamed(out.spec, 'imagePullSecrets', status.imagePullSecrets, true);
  restoreOverrides(out, typeof a[OVERRIDES_ANNOTATION] === 'string' ? (a[OVERRIDES_ANNOTATION] as string) : undefined);

  const labels = objAt(out.metadata, 'labels') ?? {};
  removeTemplateMetadata(a, labels, status.revision, containersOf(out), workloadName);
  for (const k of [STATUS_ANNOTATION, OVERRIDES_ANNOTATION]) delete a[k];
  if (Object.keys(a).length === 0) delete out.metadata.annotations;
  if (Object.keys(labels).length === 0) delete out.metadata.labels;
  return out;
}

/**
 * Drops the labels and annotations the sidecar template adds, when they hold the value the template would have
 * written (a different value means the user set it).
 */
function removeTemplateMetadata(a: JsonObject, labels: JsonObject, revision: string, containers: JsonObject[], workload: string): void {
  const drop = (m: JsonObject, key: string, expected: string) => {
    if (m[key] === expected) delete m[key];
  };
  const label = (k: string) => (typeof labels[k] === 'string' ? (labels[k] as string) : '');
  drop(labels, 'security.istio.io/tlsMode', 'istio');
  drop(labels, 'networking.istio.io/tunnel', 'http');
  const canonicalName = (label('app.kubernetes.io/name') || label('app') || workload).slice(0, 63).replace(/^[-_.]+|[-_.]+$/g, '');
  drop(labels, 'service.istio.io/canonical-name', canonicalName);
  drop(labels, 'service.istio.io/canonical-revision', label('app.kubernetes.io/version') || label('version') || 'latest');
  drop(a, 'istio.io/rev', revision || 'default');
  const first = containers.find((c) => c.name !== PROXY_CONTAINER);
  if (first) {
    drop(a, 'kubectl.kubernetes.io/default-container', strAt(first, 'name'));
    drop(a, 'kubectl.kubernetes.io/default-logs-container', strAt(first, 'name'));
  }
}

function envOf(container: JsonObject | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of Array.isArray(container?.env) ? container.env : []) {
    if (isObject(e) && typeof e.value === 'string') out.set(strAt(e, 'name'), e.value);
  }
  return out;
}

function removeNamed(spec: JsonObject, key: string, names: string[] | null, dropEmpty: boolean): void {
  const list = spec[key];
  if (!names || names.length === 0 || !Array.isArray(list)) return;
  const kept = list.filter((x) => !(isObject(x) && typeof x.name === 'string' && names.includes(x.name)));
  if (kept.length === 0 && dropEmpty) delete spec[key];
  else spec[key] = kept;
}

/** Puts rewritten probes back from the agent's copy (named ports were resolved to numbers by injection). */
function restoreProbes(pod: PodJson, probersJson: string | undefined): void {
  const probers = parseJsonObject(probersJson);
  if (!probers) return;
  for (const c of [...containersOf(pod), ...initContainersOf(pod)]) {
    const urls = proberUrls(strAt(c, 'name'));
    const restore = (holder: JsonObject | undefined, key: string, url: string) => {
      const probe = objAt(holder, key);
      const original = objAt(probers, url);
      if (!holder || !probe || !original || strAt(objAt(probe, 'httpGet'), 'path') !== url) return;
      const restored: JsonObject = { ...probe };
      delete restored.httpGet;
      for (const handler of ['httpGet', 'tcpSocket', 'grpc']) if (isObject(original[handler])) restored[handler] = original[handler];
      holder[key] = restored;
    };
    restore(c, 'readinessProbe', urls.readyz);
    restore(c, 'livenessProbe', urls.livez);
    restore(c, 'startupProbe', urls.startupz);
    const lifecycle = objAt(c, 'lifecycle');
    restore(lifecycle, 'preStop', urls.prestopz);
    restore(lifecycle, 'postStart', urls.poststartz);
  }
}

/** Replaces the agent's scrape annotations by the application's own ones, recorded in the proxy env. */
function restorePrometheus(annotations: JsonObject, recorded: string | undefined): void {
  const pointsAtAgent = Object.entries(AGENT_PROMETHEUS).every(([k, v]) => annotations[k] === v) && typeof annotations['prometheus.io/port'] === 'string';
  if (!pointsAtAgent) return;
  for (const k of [...Object.keys(AGENT_PROMETHEUS), 'prometheus.io/port']) delete annotations[k];
  const scrape = parseJsonObject(recorded);
  if (!scrape) return;
  const targets = Array.isArray(scrape.targets) ? scrape.targets.filter(isObject) : [];
  const fields = targets.length > 0 ? [['scrape', 'prometheus.io/scrape']] : [['scrape', 'prometheus.io/scrape'], ['path', 'prometheus.io/path'], ['port', 'prometheus.io/port']];
  for (const [field, key] of fields) {
    if (typeof scrape[field] === 'string' && scrape[field] !== '') annotations[key] = scrape[field];
  }
  if (targets.length > 0) annotations['prometheus.istio.io/scrape-targets'] = targets.map((t) => `${strAt(t, 'port')}:${strAt(t, 'path')}`).join(',');
}

/** The user's own definitions of injected containers (kept in the overrides annotation) go back into the pod. */
function restoreOverrides(pod: PodJson, overridesJson: string | undefined): void {
  const overrides = parseJsonObject(overridesJson);
  if (!overrides) return;
  const containers = containersOf(pod);
  const inits = initContainersOf(pod);
  for (const key of ['containers', 'initContainers'] as const) {
    const list = Array.isArray(overrides[key]) ? (overrides[key] as unknown[]).filter(isObject) : [];
    for (const recorded of list) {
      const c = deepClone(recorded);
      // Injection dropped `image: auto` from the record; the user's istio-proxy lives among the containers even when
      // native sidecars moved it to the init containers.
      if (c.image === undefined) c.image = 'auto';
      const target = key === 'containers' || c.name === PROXY_CONTAINER ? containers : inits;
      if (!findContainer(strAt(c, 'name'), target)) target.push(c);
    }
  }
  pod.spec.containers = containers;
  if (inits.length > 0) pod.spec.initContainers = inits;
}
