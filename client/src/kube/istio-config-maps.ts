/**
 * Reads the injector configuration of an Istio control plane from the current kubeconfig context: ConfigMap
 * `istio-sidecar-injector[-REV]` (keys `config`, `values`) and `istio[-REV]` (key `mesh`), as istioctl kube-inject
 * does. KubeConfig.loadFromDefault follows KUBECONFIG (several files merged), in-cluster config and exec plugins.
 */
import { CoreV1Api, KubeConfig, type V1ConfigMap } from '@kubernetes/client-node';
import { configMapNames } from '../config-source/plan';
import type { ClusterTexts } from '../config-source/load';

/** How long one ConfigMap read may take before it counts as failed (an unreachable API server hangs otherwise). */
const TIMEOUT_MS = 15_000;

/** The current context's name, from the kubeconfig alone (no network). */
export function currentKubeContext(): string {
  const kc = new KubeConfig();
  kc.loadFromDefault();
  return kc.getCurrentContext();
}

export async function readIstioConfigMaps(namespace: string, revision: string): Promise<ClusterTexts> {
  const kc = new KubeConfig();
  kc.loadFromDefault();
  const context = kc.getCurrentContext();
  if (!context || !kc.getCurrentCluster()) throw new Error(`no current Kubernetes context in the kubeconfig (${kubeconfigHint()})`);
  const api = kc.makeApiClient(CoreV1Api);
  const names = configMapNames(revision);
  const read = (name: string): Promise<V1ConfigMap> => withTimeout(
    api.readNamespacedConfigMap({ name, namespace }).catch((e: unknown) => {
      throw new Error(`ConfigMap ${namespace}/${name} in context "${context}": ${describe(e)}`, { cause: e });
    }),
    TIMEOUT_MS,
    `reading ConfigMap ${namespace}/${name} in context "${context}" timed out`,
  );
  const [injector, mesh] = await Promise.all([read(names.injector), read(names.mesh)]);
  const texts: ClusterTexts = { context };
  if (injector.data?.config !== undefined) texts.injectorConfig = injector.data.config;
  if (injector.data?.values !== undefined) texts.values = injector.data.values;
  if (mesh.data?.mesh !== undefined) texts.mesh = mesh.data.mesh;
  if (texts.injectorConfig === undefined) throw new Error(`ConfigMap ${namespace}/${names.injector} in context "${context}" has no \`config\` key`);
  return texts;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A short reason: the API's status code and message when it answered, else the error's own message. */
function describe(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === 404) return 'not found';
  if (code === 401 || code === 403) return `access denied (HTTP ${code})`;
  if (typeof code === 'number') return `HTTP ${code}`;
  return e instanceof Error ? e.message : String(e);
}

function kubeconfigHint(): string {
  return process.env.KUBECONFIG ? `KUBECONFIG=${process.env.KUBECONFIG}` : '~/.kube/config';
}
