/**
 * Show Traffic Capture Rules: the iptables rules istio-iptables (or Istio CNI) programs into the pods of the workload
 * at the cursor (or of every injected workload of the file), shown by the CaptureRulesView.
 */
import * as vscode from 'vscode';
import { CaptureRulesRequest } from '../../../protocol/src/protocol';
import type { CommandFactory } from './context';
import { resolveTarget } from './resolve-target';
import { sendTyped } from '../typed-messages';

export const showCaptureRules: CommandFactory = (ctx) => async (...args) => {
  const target = await resolveTarget(args, true);
  if (!target) return;
  const uri = target.document.uri.toString();
  const result = await sendTyped(ctx.client, CaptureRulesRequest, target.range ? { uri, position: target.range.start } : { uri });
  if (!result.documents.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No traffic capture rules: {0}.', result.error ?? ''));
    return;
  }
  await ctx.captureRules.show(target.document.uri.path.split('/').pop() || 'manifest', result.documents);
};
