/**
 * The cluster's part of an Explain Injection request: when the workspace is trusted and the injector configuration
 * comes from the cluster (or the user has a kubeconfig), the labels of the workload's namespace and the cluster's
 * MutatingWebhookConfigurations. Anything that cannot be read leaves the offline explanation, with a note saying
 * why. I/O comes in as functions, so this runs under unit tests without VS Code. No `vscode` import.
 */
import type { ConfigSourceKind, ExplainParams } from '../../../protocol/src/protocol';
import type { ExplainClusterReads, ExplainReadOptions } from '../kube/explain-reads';
import type { WorkloadRef } from './workload-at';

export interface ClusterContextDeps {
  trusted: boolean;
  source: ConfigSourceKind;
  /** Whether a kubeconfig exists (no network). */
  kubeconfigFound(): boolean;
  read(options: ExplainReadOptions): Promise<ExplainClusterReads>;
  /** Localises a message (`vscode.l10n.t`). */
  t(message: string, ...args: (string | number)[]): string;
}

export interface ClusterContext {
  /** The fields of ExplainParams the cluster supplies (none when it was not read). */
  params: Pick<ExplainParams, 'namespaceLabels' | 'cluster' | 'webhooks'>;
  /** Markdown to show above the explanation when a read failed. */
  note?: string;
}

const CLUSTER_SOURCE_TIMEOUT_MS = 5000;
const OTHER_SOURCE_TIMEOUT_MS = 2000;

/** Reads what the cluster knows about `workload` (the document at the cursor), or nothing when it should not be asked. */
export async function clusterContext(workload: WorkloadRef | undefined, deps: ClusterContextDeps): Promise<ClusterContext> {
  const fromCluster = deps.source === 'cluster';
  if (!deps.trusted || (!fromCluster && !found(deps))) return { params: {} };
  // A Namespace document explains its own labels: the cluster's copy of them must not replace what is being edited.
  const options: ExplainReadOptions = {
    namespace: workload?.kind === 'Namespace' ? null : workload?.namespace,
    // A cluster the user did not choose as the source must not hold up the explanation for long.
    timeoutMs: fromCluster ? CLUSTER_SOURCE_TIMEOUT_MS : OTHER_SOURCE_TIMEOUT_MS,
  };
  let reads: ExplainClusterReads;
  try {
    reads = await deps.read(options);
  } catch (e) {
    return { params: {}, note: offlineNote(deps, e instanceof Error ? e.message : String(e)) };
  }
  const params: ClusterContext['params'] = { cluster: { context: reads.context, namespace: reads.defaultNamespace } };
  if (reads.namespaceLabels) params.namespaceLabels = reads.namespaceLabels;
  if (reads.webhooks) params.webhooks = reads.webhooks;
  if (!reads.failures.length) return { params };
  const failures = reads.failures.join('; ');
  if (!reads.namespaceLabels && !reads.webhooks) return { params: {}, note: offlineNote(deps, `${deps.t('context {0}', reads.context)}: ${failures}`) };
  return {
    params,
    note: deps.t('Part of the cluster could not be read (context {0}: {1}). For that part the explanation falls back to the file and to the webhooks an Istio install of the configured revision creates.', reads.context, failures),
  };
}

function offlineNote(deps: ClusterContextDeps, why: string): string {
  return deps.t('The cluster could not be read ({0}). This is the offline explanation: namespace labels from the file, and the webhooks an Istio install of the configured revision creates.', why);
}

/** A kube bundle that fails to load means no cluster here, not a failed command. */
function found(deps: ClusterContextDeps): boolean {
  try {
    return deps.kubeconfigFound();
  } catch {
    return false;
  }
}

/** The explanation with the note (if any) above it, as a markdown quote. */
export function withNote(markdown: string, note: string | undefined): string {
  return note ? `> ⚠ ${note.replace(/\n/g, '\n> ')}\n\n${markdown}` : markdown;
}
