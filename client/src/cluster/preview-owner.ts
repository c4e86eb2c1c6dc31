// "Preview Injection of the Owning Workload" on a pod: the workload's manifest, read from the cluster and cleaned
// (owner-manifest.ts), opens as an untitled YAML document, and the editor's Preview Injection diffs it against its
// injection. The language server only sees file and untitled YAML documents, so untitled it is.
import * as vscode from 'vscode';
import { PREVIEW_INJECTION_COMMAND } from '../../../protocol/src/protocol';
import { yamlLibrary } from '../lazy-libraries';
import type { ClusterNode } from './cluster-session';
import { CLUSTER_VIEW_ID } from './command-ids';
import { cleanManifest, manifestDocumentName, manifestInjected, owningWorkload, type ManifestObject } from './owner-manifest';
import { proxyContainer } from './sidecar';
import type { ClusterTreeProvider } from './tree-provider';

/** The comment lines that open the document: where it comes from and what the preview will show. */
function header(workload: string, namespace: string, context: string, pod: string, podHasProxy: boolean, manifestHasProxy: boolean): string {
  const lines = [vscode.l10n.t('{0} in namespace {1} (context {2}), read from the cluster without its status and server-set fields.', workload, namespace, context)];
  if (manifestHasProxy) {
    lines.push(vscode.l10n.t('This manifest already carries a sidecar (sidecar.istio.io/status): the preview shows it re-injected with the current injector configuration.'));
  } else if (podHasProxy) {
    lines.push(vscode.l10n.t('Pod {0} got its sidecar from the injection webhook when it was created; the manifest has none: the preview shows what injection adds now, as the next rollout would get it.', pod));
  }
  return lines.map((l) => `# ${l}\n`).join('');
}

/** An untitled document with this name (reused, its text replaced, when the same workload is previewed again). */
async function untitledYaml(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: name });
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('Cannot write the manifest into {0}.', name));
  return doc.languageId === 'yaml' ? doc : vscode.languages.setTextDocumentLanguage(doc, 'yaml');
}

/** The command's body, for the cluster command table. */
export const previewOwnerInjection = (tree: ClusterTreeProvider) => async (node?: ClusterNode): Promise<void> => {
  if (node?.kind !== 'pod') return;
  const session = tree.session;
  const client = session?.cluster;
  if (!session || !client) throw new Error(vscode.l10n.t('The Istio cluster view is not connected to a cluster.'));
  const pod = session.model.pod(node.namespace, node.name);
  if (!pod) return;
  const podObject: ManifestObject = { ...pod, metadata: { ...pod.metadata, namespace: node.namespace } };
  const found = await vscode.window.withProgress({ location: { viewId: CLUSTER_VIEW_ID } },
    () => owningWorkload(podObject, (path) => client.get<ManifestObject>(path)));
  const manifest = cleanManifest(found.object);
  const workload = found.chain[found.chain.length - 1]!;
  const text = header(workload, node.namespace, client.context, node.name, proxyContainer(pod) !== undefined, manifestInjected(manifest))
    + yamlLibrary().stringify(manifest);
  const doc = await untitledYaml(manifestDocumentName({ ...manifest, metadata: { ...manifest.metadata, namespace: node.namespace } }), text);
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand(PREVIEW_INJECTION_COMMAND, doc.uri);
};
