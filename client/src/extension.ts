import type * as vscode from 'vscode';

/** Entry point VS Code calls when a YAML file opens or an istio-inject command runs. */
export async function activate(_context: vscode.ExtensionContext): Promise<void> {
  // Filled in by the client: language client, commands, preview, config source, status bar.
}

export function deactivate(): void {}
