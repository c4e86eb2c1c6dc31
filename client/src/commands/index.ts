/** The command table: command id → factory. package.json's `contributes.commands` lists the same ids. */
import * as vscode from 'vscode';
import { showCaptureRules } from './capture-rules';
import type { CommandContext, CommandFactory } from './context';
import { explainInjection } from './explain';
import { COMMAND_IDS } from './ids';
import { injectAll, injectSidecar, removeSidecar } from './inject';
import { previewInjection } from './preview';
import { selectConfigSource } from './select-config-source';
import { restartServer, showOutput } from './server';

export const COMMANDS: Readonly<Record<string, CommandFactory>> = {
  [COMMAND_IDS.injectSidecar]: injectSidecar,
  [COMMAND_IDS.injectAll]: injectAll,
  [COMMAND_IDS.removeSidecar]: removeSidecar,
  [COMMAND_IDS.previewInjection]: previewInjection,
  [COMMAND_IDS.selectConfigSource]: selectConfigSource,
  [COMMAND_IDS.explainInjection]: explainInjection,
  [COMMAND_IDS.restartServer]: restartServer,
  [COMMAND_IDS.showOutput]: showOutput,
  [COMMAND_IDS.showCaptureRules]: showCaptureRules,
};

/** Registers every command; a failure is logged and shown instead of vanishing into the command service. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, factory]) => {
    const run = factory(ctx);
    return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        ctx.output.error(`${id} failed: ${e instanceof Error ? (e.stack ?? message) : message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Istio Inject: {0} failed: {1}', id, message));
        return undefined;
      }
    });
  });
}
