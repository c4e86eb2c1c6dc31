// Scenario 2: the lightbulb's "Inject Istio sidecar" on the Deployment adds istio-proxy and istio-init to the
// document; one Undo gives back the original text byte for byte (checked on disk after saving).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { scenario } from '../harness/session';
import { clickLine, goToLine, lineOf, openCodeActions, openFile, pickCodeAction, saveUntil } from '../harness/workbench';
import { APP } from './manifests';

scenario('Lightbulb: Inject Istio sidecar, then Undo restores the text exactly', 'inject-undo', { files: { 'app.yaml': APP } }, async (s) => {
  const file = join(s.workspace, 'app.yaml');
  const editor = await openFile(s.page, 'app.yaml');
  await clickLine(editor, 'kind: Deployment');
  await openCodeActions(s.page, 'Inject Istio sidecar');
  await s.shot('inject-lightbulb');
  await pickCodeAction(s.page, 'Inject Istio sidecar');

  const injected = await saveUntil(s.page, file, (text) => text !== APP);
  assert.match(injected, /name: istio-proxy/);
  assert.match(injected, /name: istio-init/);
  assert.match(injected, /sidecar\.istio\.io\/status/);
  assert.ok(injected.startsWith(APP.slice(0, APP.indexOf('kind: Deployment'))), 'the Service and ConfigMap are untouched');
  await goToLine(s.page, lineOf(injected, 'name: istio-proxy'));
  await editor.locator('.view-line', { hasText: 'name: istio-proxy' }).waitFor();
  await s.shot('inject-injected');

  await s.page.keyboard.press('Control+Z');
  const undone = await saveUntil(s.page, file, (text) => !text.includes('istio-proxy'));
  assert.equal(undone, APP);
});
