/** The API-level checks: what the extension does, seen through the `vscode` API of a real extension host. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEPLOYMENT, SERVICE } from '../scenarios/manifests';
import { eventually, type ApiCase } from './runner';

const EXTENSION_ID = 'istio-inject.istio-inject';

async function openYaml(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  return vscode.window.showTextDocument(doc);
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

export const CASES: readonly ApiCase[] = [
  {
    name: 'the extension is installed and activates',
    async run() {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is installed`);
      await ext.activate();
      assert.equal(ext.isActive, true);
    },
  },
  {
    name: 'a Service gets the no-pod-template diagnostic on its kind',
    async run() {
      const editor = await openYaml(SERVICE);
      const uri = editor.document.uri;
      const found = await eventually(() => {
        const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'istio-inject');
        return ours.length ? ours : undefined;
      }, 'istio-inject diagnostics for the Service');
      assert.deepEqual(found.map(codeOf), ['no-pod-template']);
      assert.equal(found[0].severity, vscode.DiagnosticSeverity.Information);
      assert.equal(found[0].range.start.line, 1, 'on the kind line');
      assert.equal(editor.document.getText(found[0].range), 'Service');
    },
  },
  {
    name: 'the Inject Sidecar command edits the document, and Undo restores it',
    async run() {
      const editor = await openYaml(DEPLOYMENT);
      const at = new vscode.Position(1, 0);
      editor.selection = new vscode.Selection(at, at);
      // Wait until the server knows the document (its diagnostics pass has run), then inject at the cursor.
      await eventually(async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at));
        return actions?.some((a) => a.title === 'Inject Istio sidecar') ? true : undefined;
      }, 'the "Inject Istio sidecar" code action');
      await vscode.commands.executeCommand('istioInject.injectSidecar');
      const text = await eventually(() => {
        const t = editor.document.getText();
        return t.includes('istio-proxy') ? t : undefined;
      }, 'the injected text');
      assert.match(text, /name: istio-init/);
      assert.match(text, /sidecar\.istio\.io\/status/);
      await vscode.commands.executeCommand('undo');
      await eventually(() => (editor.document.getText() === DEPLOYMENT ? true : undefined), 'Undo gives back the original text');
    },
  },
];
