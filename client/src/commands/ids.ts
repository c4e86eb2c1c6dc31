/** The ids of the extension's commands (package.json `contributes.commands` lists the same). No `vscode` import. */
import { INJECT_SIDECAR_COMMAND, PREVIEW_INJECTION_COMMAND, REMOVE_SIDECAR_COMMAND, SHOW_CAPTURE_RULES_COMMAND } from '../../../protocol/src/protocol';

export const COMMAND_IDS = {
  injectSidecar: INJECT_SIDECAR_COMMAND,
  injectAll: 'istioInject.injectAll',
  removeSidecar: REMOVE_SIDECAR_COMMAND,
  previewInjection: PREVIEW_INJECTION_COMMAND,
  selectConfigSource: 'istioInject.selectConfigSource',
  explainInjection: 'istioInject.explainInjection',
  restartServer: 'istioInject.restartServer',
  showOutput: 'istioInject.showOutput',
  showCaptureRules: SHOW_CAPTURE_RULES_COMMAND,
} as const;
