// Scenario 4: the injector configuration from a cluster. KUBECONFIG (code-server's environment, so the extension
// host's) points at the local test API server, whose istio-system ConfigMaps carry the built-in templates with
// values naming another registry and tag; with `istioInject.configSource: cluster` the injected proxy image is the
// cluster's, not the built-in docker.io/istio/proxyv2:1.28.0.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { BUILTIN_ISTIO_HUB, builtinInjectorConfig, builtinMeshYaml, builtinValues } from '../../../core/src/config/builtin';
import { configMap, namespace, startKubeApi, writeKubeconfig, type KubeApiServer } from '../../support/kube-api';
import { ARTIFACTS_DIR } from '../harness/paths';
import { scenario } from '../harness/session';
import { clickLine, goToLine, lineOf, openCodeActions, openFile, pickCodeAction, saveUntil } from '../harness/workbench';
import { DEPLOYMENT } from './manifests';

const CLUSTER_HUB = 'registry.example.test/istio';
const CLUSTER_TAG = '1.27.9';
const CLUSTER_IMAGE = `${CLUSTER_HUB}/proxyv2:${CLUSTER_TAG}`;

const kubeDir = join(ARTIFACTS_DIR, 'kube');
const kubeconfig = join(kubeDir, 'kubeconfig');
let api: KubeApiServer;

before(async () => {
  api = await startKubeApi();
  const values = builtinValues();
  values.global = { ...(values.global as object), hub: CLUSTER_HUB, tag: CLUSTER_TAG };
  api.store.applyAll([
    namespace('istio-system'),
    configMap('istio-system', 'istio-sidecar-injector', {
      config: JSON.stringify(builtinInjectorConfig()),
      values: JSON.stringify(values),
    }),
    configMap('istio-system', 'istio', { mesh: builtinMeshYaml() }),
  ]);
  mkdirSync(kubeDir, { recursive: true });
  writeKubeconfig(kubeconfig, [{ name: 'e2e-cluster', server: api.url }]);
});

after(() => api.close());

scenario('Config from a cluster: the injected proxy image is the cluster\'s', 'cluster-config', {
  files: { 'web.yaml': DEPLOYMENT },
  settings: { 'istioInject.configSource': 'cluster' },
  env: { KUBECONFIG: kubeconfig },
}, async (s) => {
  const file = join(s.workspace, 'web.yaml');
  const editor = await openFile(s.page, 'web.yaml');
  // The status bar names the configuration in use once the ConfigMaps are loaded: the cluster's Istio version.
  await s.page.locator('.statusbar-item', { hasText: `Istio ${CLUSTER_TAG}` }).waitFor({ timeout: 30_000 });
  assert.ok(api.requests.some((r) => r.path.includes('/namespaces/istio-system/configmaps/istio-sidecar-injector')),
    'the extension read the injector ConfigMap from the test API server');

  await clickLine(editor, 'kind: Deployment');
  await openCodeActions(s.page, 'Inject Istio sidecar');
  await pickCodeAction(s.page, 'Inject Istio sidecar');
  const injected = await saveUntil(s.page, file, (text) => text.includes('istio-proxy'));
  assert.ok(injected.includes(`image: ${CLUSTER_IMAGE}`), `the proxy image is ${CLUSTER_IMAGE}:\n${injected}`);
  assert.ok(!injected.includes(`${BUILTIN_ISTIO_HUB}/proxyv2`), 'no built-in image');

  await goToLine(s.page, lineOf(injected, CLUSTER_IMAGE));
  await editor.locator('.view-line', { hasText: CLUSTER_HUB }).first().waitFor();
  await s.page.locator('.statusbar-item', { hasText: `Istio ${CLUSTER_TAG}` }).hover();
  await s.page.waitForTimeout(1500); // the status bar tooltip: which configuration is in use
  await s.shot('cluster-config');
});
