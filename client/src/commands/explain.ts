/** Explain Injection: the server's account of what injection does to the workload at the cursor, as markdown. */
import * as vscode from 'vscode';
import { ExplainRequest } from '../../../protocol/src/protocol';
import type { CommandFactory } from './context';
import { resolveTarget } from './resolve-target';

export const explainInjection: CommandFactory = (ctx) => async (...args) => {
  const target = await resolveTarget(args, true);
  if (!target) return;
  const position = target.range?.start ?? { line: 0, character: 0 };
  const markdown = await ctx.client.sendRequest(ExplainRequest, { uri: target.document.uri.toString(), position });
  if (!markdown) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no Kubernetes workload at the cursor.'));
    return;
  }
  await ctx.explain.show(target.document.uri.path.split('/').pop() || 'manifest', markdown);
};
