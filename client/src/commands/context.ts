/** What every command factory gets: the running pieces of the extension. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Config } from '../config';
import type { ConfigSourceController } from '../config-source/controller';
import type { CaptureRulesView } from '../preview/capture-rules-view';
import type { ExplainProvider } from '../preview/explain-provider';
import type { PreviewProvider } from '../preview/preview-provider';

export interface CommandContext {
  client: LanguageClient;
  output: vscode.LogOutputChannel;
  config: Config;
  configSource: ConfigSourceController;
  preview: PreviewProvider;
  explain: ExplainProvider;
  captureRules: CaptureRulesView;
}

export type Command = (...args: unknown[]) => unknown;

/** Makes a command's handler from the context (rust-analyzer style: one small factory per command). */
export type CommandFactory = (ctx: CommandContext) => Command;
