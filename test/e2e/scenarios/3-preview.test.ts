// Scenario 3: "Istio: Preview Injection" from the command palette opens a diff editor: the document on the left,
// the injected text (read-only) on the right.
import assert from 'node:assert/strict';
import { scenario } from '../harness/session';
import { clickLine, openFile, runCommand } from '../harness/workbench';
import { DEPLOYMENT } from './manifests';

scenario('Command palette: Preview Injection opens a diff with the injected text on the right', 'preview', { files: { 'web.yaml': DEPLOYMENT } }, async (s) => {
  const editor = await openFile(s.page, 'web.yaml');
  await clickLine(editor, 'kind: Deployment');
  await runCommand(s.page, 'Istio: Preview Injection');
  const diff = s.page.locator('.monaco-diff-editor').first();
  await diff.waitFor({ timeout: 30_000 });
  const modified = diff.locator('.editor.modified .view-lines');
  const original = diff.locator('.editor.original .view-lines');
  await modified.getByText('istio-proxy').first().waitFor({ timeout: 30_000 });
  const right = await modified.innerText();
  const left = await original.innerText();
  assert.match(right, /istio-proxy/);
  assert.match(right, /sidecar\.istio\.io\/status/);
  assert.doesNotMatch(left, /istio-proxy/);
  assert.ok((await diff.locator('.line-insert').count()) > 0, 'the diff shows inserted lines');
  const title = await s.page.locator('.tab.active').innerText();
  assert.match(title, /1 workload injected/, `the diff's title says what was injected: ${title}`);
  await s.shot('preview-diff');
});
