/**
 * What Explain Injection reads from the current kubeconfig context: the labels of the workload's namespace and the
 * MutatingWebhookConfigurations (admissionregistration.k8s.io/v1), whose selectors decide injection in a cluster.
 * The two reads fail independently, so a user who may read namespaces but not webhook configurations still gets
 * the labels.
 */
import { KubeConfig } from '@kubernetes/client-node';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { KubeError, KubeRest } from './rest';

/** What the cluster said, and why a read failed. */
export interface ExplainClusterReads {
  /** The kubeconfig context read. */
  context: string;
  /** Where a manifest without a namespace goes: the context's namespace, else "default". */
  defaultNamespace: string;
  /** The namespace whose labels were asked for (absent when none was asked for). */
  namespace?: string;
  /** Its labels ({} when it has none); absent when they could not be read. */
  namespaceLabels?: Record<string, string>;
  /** The MutatingWebhookConfiguration objects as the API returns them; absent when they could not be read. */
  webhooks?: unknown[];
  /** One line per failed read, e.g. "namespace `shop` not found". */
  failures: string[];
}

export interface ExplainReadOptions {
  /** The workload's namespace (the manifest's); undefined = the context's default namespace; null = read no labels. */
  namespace?: string | null;
  timeoutMs?: number;
  /** A KubeConfig already loaded (tests); by default the user's, from KUBECONFIG or ~/.kube/config. */
  kubeConfig?: KubeConfig;
}

const DEFAULT_TIMEOUT_MS = 5000;
const WEBHOOKS_PATH = '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations';

/**
 * Whether the user has a kubeconfig at all (KUBECONFIG or ~/.kube/config). Without one, client-node would fall back
 * to http://localhost:8080, which is no cluster anyone chose.
 */
export function kubeconfigFound(): boolean {
  return Boolean(process.env.KUBECONFIG) || fs.existsSync(path.join(os.homedir(), '.kube', 'config'));
}

/** Reads the namespace's labels and the webhook configurations. Throws a KubeError when there is no current context. */
export async function readExplainCluster(options: ExplainReadOptions = {}): Promise<ExplainClusterReads> {
  const kc = options.kubeConfig ?? new KubeConfig();
  if (!options.kubeConfig) kc.loadFromDefault();
  const context = kc.getCurrentContext();
  if (!context || !kc.getCurrentCluster()) throw new KubeError(0, 'NoContext', 'no current Kubernetes context in the kubeconfig');
  const defaultNamespace = kc.getContextObject(context)?.namespace || 'default';
  const rest = new KubeRest(kc);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const reads: ExplainClusterReads = { context, defaultNamespace, failures: [] };
  const namespace = options.namespace === null ? undefined : options.namespace || defaultNamespace;

  const labels = namespace === undefined ? undefined
    : rest.json<{ metadata?: { labels?: Record<string, string> } }>(`/api/v1/namespaces/${encodeURIComponent(namespace)}`, { timeoutMs });
  const webhooks = rest.json<{ items?: unknown[] }>(WEBHOOKS_PATH, { timeoutMs });
  const [ns, hooks] = await Promise.allSettled([labels, webhooks]);
  if (namespace !== undefined) {
    reads.namespace = namespace;
    if (ns?.status === 'fulfilled') reads.namespaceLabels = { ...ns.value?.metadata?.labels };
    else reads.failures.push(`namespace \`${namespace}\`: ${reason(ns?.reason)}`);
  }
  if (hooks.status === 'fulfilled') reads.webhooks = hooks.value.items ?? [];
  else reads.failures.push(`MutatingWebhookConfigurations: ${reason(hooks.reason)}`);
  return reads;
}

function reason(e: unknown): string {
  if (e instanceof KubeError) {
    if (e.code === 404) return 'not found';
    if (e.code === 401 || e.code === 403) return `access denied (HTTP ${e.code})`;
    return e.code ? `HTTP ${e.code}: ${e.message}` : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
