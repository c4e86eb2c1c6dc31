/**
 * Inject or remove sidecars through the server's istioInject/edits, applied as one WorkspaceEdit (so one Undo takes
 * it back). Edits are applied only to the document version they were computed for.
 */
import * as vscode from 'vscode';
import { InjectionEditsRequest, type InjectionEditAction, type InjectionEditsResult } from '../../../protocol/src/protocol';
import type { CommandContext } from './context';
import { resolveTarget } from './resolve-target';
import { sendTyped } from '../typed-messages';

export async function runSidecarEdit(ctx: CommandContext, args: readonly unknown[], action: InjectionEditAction, wholeFile: boolean): Promise<boolean> {
  const target = await resolveTarget(args, !wholeFile);
  if (!target) return false;
  const { document } = target;
  const range = wholeFile ? undefined : target.range;
  const ask = (): Promise<InjectionEditsResult> => sendTyped(
    ctx.client, InjectionEditsRequest, range ? { uri: document.uri.toString(), range, action } : { uri: document.uri.toString(), action },
  );
  let result = await ask();
  if (result.version !== document.version) {
    // The server had not seen the latest keystroke yet: once more, after it has.
    await new Promise((resolve) => setTimeout(resolve, 150));
    result = await ask();
  }
  if (result.version !== document.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed while the edits were computed. Please try again.'));
    return false;
  }
  if (!result.edits.length) {
    void vscode.window.showInformationMessage(result.summary);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, await ctx.client.protocol2CodeConverter.asTextEdits(result.edits));
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied) vscode.window.setStatusBarMessage(`$(check) ${result.summary}`, 4000);
  return applied;
}
