// Read-only documents for the cluster view: a pod's YAML (`istio-cluster:/pod/NS/NAME.yaml`) and a container's log
// (`istio-cluster:/log/NS/POD/CONTAINER.log`), fetched from the view's current context each time they are opened.
import * as vscode from 'vscode';
import { yamlLibrary } from '../lazy-libraries';
import type { ClusterSession } from './cluster-session';

export const CLUSTER_SCHEME = 'istio-cluster';

/** How much of a log a document shows (the tail, as `kubectl logs --tail`). */
const LOG_TAIL_LINES = 5000;

export function podYamlUri(namespace: string, pod: string): vscode.Uri {
  return vscode.Uri.from({ scheme: CLUSTER_SCHEME, path: `/pod/${namespace}/${pod}.yaml` });
}

export function logUri(namespace: string, pod: string, container: string): vscode.Uri {
  return vscode.Uri.from({ scheme: CLUSTER_SCHEME, path: `/log/${namespace}/${pod}/${container}.log`, query: String(Date.now()) });
}

export class ClusterDocuments implements vscode.TextDocumentContentProvider {
  private readonly session: () => ClusterSession | undefined;

  constructor(session: () => ClusterSession | undefined) {
    this.session = session;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.session()?.cluster;
    if (!client) throw new Error(vscode.l10n.t('The Istio cluster view is not connected to a cluster.'));
    const [, what, ns, ...rest] = uri.path.split('/');
    if (what === 'pod' && ns && rest[0]) {
      const pod = await client.get<{ metadata?: { managedFields?: unknown } }>(`/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(rest[0].replace(/\.yaml$/, ''))}`);
      // kubectl hides managedFields unless asked; so does this view.
      delete pod.metadata?.managedFields;
      return yamlLibrary().stringify(pod);
    }
    if (what === 'log' && ns && rest.length === 2) {
      return client.readLog(ns, rest[0]!, rest[1]!.replace(/\.log$/, ''), LOG_TAIL_LINES);
    }
    throw new Error(`unknown cluster document ${uri.toString()}`);
  }
}
