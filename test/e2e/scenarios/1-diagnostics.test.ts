// Scenario 1: a Service, a ConfigMap and a Deployment in one file. The two kinds injection leaves unchanged get
// their `no-pod-template` diagnostics in the Problems panel; the Deployment gets none.
import assert from 'node:assert/strict';
import { scenario } from '../harness/session';
import { openFile, problems } from '../harness/workbench';
import { APP, APP_LINES } from './manifests';

scenario('Problems panel: Service and ConfigMap diagnostics, none on the Deployment', 'diagnostics', { files: { 'app.yaml': APP } }, async (s) => {
  await openFile(s.page, 'app.yaml');
  const rows = await problems(s.page, /no-pod-template/, 2);
  await s.page.waitForTimeout(1000); // the server publishes quick findings, then full ones: let the second land
  const settled = (await problems(s.page, /no-pod-template/, 2)).filter((row) => /Ln \d+/.test(row));
  const lines = settled.map((row) => Number(/Ln (\d+)/.exec(row)?.[1]));
  const [service, configMap, deployment] = APP_LINES;
  assert.equal(settled.filter((row) => /no-pod-template/.test(row)).length, 2, settled.join('\n'));
  assert.ok(lines.some((l) => l >= service.first && l <= service.last), `a diagnostic on the Service: ${rows.join('\n')}`);
  assert.ok(lines.some((l) => l >= configMap.first && l <= configMap.last), `a diagnostic on the ConfigMap: ${rows.join('\n')}`);
  assert.deepEqual(lines.filter((l) => l >= deployment.first && l <= deployment.last), [], 'no diagnostic on the Deployment');
  assert.ok(settled.every((row) => /istio-inject/.test(row)), `every problem comes from istio-inject:\n${settled.join('\n')}`);
  await s.shot('diagnostics-problems-panel');
});
