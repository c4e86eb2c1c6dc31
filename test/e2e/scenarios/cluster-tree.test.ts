// The Istio activity-bar view against the local test API server (KUBECONFIG in code-server's environment): three
// namespaces (istio-injection=enabled, istio.io/rev=canary, unlabelled) with pods in the states kubectl and the
// sidecar icons must get right; labelling a namespace in the API server reaches the tree through the watch; and
// "Preview Injection of the Owning Workload" on a pod opens its Deployment's manifest and the injection diff.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { deployment, namespace, pod, replicaSet, resourceForKind, startKubeApi, writeKubeconfig, type KubeApiServer } from '../../support/kube-api';
import { ARTIFACTS_DIR } from '../harness/paths';
import { scenario } from '../harness/session';

const UI_TIMEOUT = 30_000;
const PROXY = 'docker.io/istio/proxyv2:1.28.0';
const STATUS = JSON.stringify({ initContainers: ['istio-init'], containers: ['istio-proxy'], volumes: ['istio-envoy'], imagePullSecrets: null, revision: 'default' });
const injectedAnnotations = { 'sidecar.istio.io/status': STATUS };

const kubeDir = join(ARTIFACTS_DIR, 'kube-tree');
const kubeconfig = join(kubeDir, 'kubeconfig');
let api: KubeApiServer;

before(async () => {
  api = await startKubeApi();
  api.store.applyAll([
    namespace('mesh', { 'istio-injection': 'enabled' }),
    namespace('canary', { 'istio.io/rev': 'canary' }),
    namespace('plain'),
    deployment('mesh', 'productpage', { containers: [{ name: 'productpage', image: 'docker.io/istio/examples-bookinfo-productpage-v1:1.20.2' }] }),
    replicaSet('mesh', 'productpage-5d8f', 'productpage'),
    // Injected by the webhook: istio-init ran, istio-proxy runs beside the app.
    pod({
      ns: 'mesh', name: 'productpage-5d8f-x2k9p', annotations: injectedAnnotations, owner: { kind: 'ReplicaSet', name: 'productpage-5d8f' },
      initContainers: [{ name: 'istio-init', image: PROXY, state: 'terminated:Completed' }],
      containers: [{ name: 'productpage' }, { name: 'istio-proxy', image: PROXY }],
    }),
    // A native sidecar: istio-proxy is a restartable init container and counts in READY.
    pod({
      ns: 'mesh', name: 'ratings-v1-native', annotations: injectedAnnotations,
      initContainers: [{ name: 'istio-init', image: PROXY, state: 'terminated:Completed' }, { name: 'istio-proxy', image: PROXY, restartPolicy: 'Always' }],
      containers: [{ name: 'ratings' }],
    }),
    // Created before the namespace was labelled: no proxy yet.
    pod({ ns: 'mesh', name: 'legacy-6b7c-missing', containers: [{ name: 'legacy' }] }),
    pod({
      ns: 'mesh', name: 'reviews-crashing', annotations: injectedAnnotations,
      containers: [{ name: 'reviews', state: 'waiting:CrashLoopBackOff', restarts: 5 }, { name: 'istio-proxy', image: PROXY }],
    }),
    pod({ ns: 'canary', name: 'node-agent-host', hostNetwork: true, containers: [{ name: 'agent' }] }),
    pod({ ns: 'plain', name: 'batch-worker', containers: [{ name: 'worker' }] }),
  ]);
  mkdirSync(kubeDir, { recursive: true });
  writeKubeconfig(kubeconfig, [{ name: 'e2e-cluster', server: api.url }]);
});

after(() => api.close());

/** The rows of the Istio view. */
function viewRows(page: Page): Locator {
  return page.locator('.part.sidebar .monaco-list-row');
}

/** The view's row whose label is `name`, once it is shown. */
async function row(page: Page, name: string): Promise<Locator> {
  const r = viewRows(page).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first();
  await r.waitFor({ timeout: UI_TIMEOUT });
  return r;
}

/** Waits until the row's text (label and description) matches. */
async function rowText(page: Page, name: string, want: RegExp): Promise<string> {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    const text = (await (await row(page, name)).innerText()).replace(/\s+/g, ' ');
    if (want.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`row ${name}: wanted ${want}, saw "${text}"`);
    await page.waitForTimeout(200);
  }
}

async function expand(page: Page, name: string): Promise<void> {
  const r = await row(page, name);
  if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
  const deadline = Date.now() + UI_TIMEOUT;
  while ((await (await row(page, name)).getAttribute('aria-expanded')) !== 'true') {
    if (Date.now() > deadline) throw new Error(`namespace ${name} did not expand`);
    await page.waitForTimeout(100);
  }
}

/** Drags the sidebar's edge so the rows' descriptions are not cut off in the screenshot. */
async function widenSidebar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  assert.ok(box, 'the sidebar is shown');
  const edge = box.x + box.width;
  await page.mouse.move(edge - 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

async function icon(page: Page, name: string): Promise<string> {
  const cls = await (await row(page, name)).locator('.custom-view-tree-node-item-icon').first().getAttribute('class');
  return /codicon-([\w-]+)/.exec(cls ?? '')?.[1] ?? '';
}

scenario('Istio view: pods with kubectl\'s READY/STATUS and sidecar icons; a namespace label reaches the tree through the watch', 'cluster-tree', {
  files: { 'README.md': '# cluster tree scenario\n' },
  env: { KUBECONFIG: kubeconfig },
}, async (s) => {
  const page = s.page;
  await page.locator('.activitybar .action-item a[aria-label^="Istio"]').first().click();
  await rowText(page, 'e2e-cluster', /kubeconfig context/);
  // Collapsed namespaces already show their counts (one cluster-wide list, not watched).
  await rowText(page, 'mesh', /injection enabled · 3\/4 with sidecar/);
  await rowText(page, 'canary', /revision canary · 0\/1 with sidecar/);
  await rowText(page, 'plain', /no injection label · 0\/1 with sidecar/);

  await expand(page, 'mesh');
  await rowText(page, 'mesh', /injection enabled · 3\/4 with sidecar/);
  await rowText(page, 'productpage-5d8f-x2k9p', /2\/2 Running$/);
  await rowText(page, 'ratings-v1-native', /2\/2 Running$/);
  await rowText(page, 'legacy-6b7c-missing', /1\/1 Running · sidecar missing/);
  await rowText(page, 'reviews-crashing', /1\/2 CrashLoopBackOff/);
  assert.equal(await icon(page, 'productpage-5d8f-x2k9p'), 'pass-filled');
  assert.equal(await icon(page, 'ratings-v1-native'), 'pass-filled');
  assert.equal(await icon(page, 'legacy-6b7c-missing'), 'error');

  await expand(page, 'canary');
  await rowText(page, 'node-agent-host', /1\/1 Running$/);
  assert.equal(await icon(page, 'node-agent-host'), 'circle-large-outline', 'hostNetwork: not applicable');

  await expand(page, 'plain');
  await rowText(page, 'batch-worker', /1\/1 Running$/);
  assert.equal(await icon(page, 'batch-worker'), 'circle-large-outline');
  assert.ok(api.requests.some((r) => r.path === '/api/v1/namespaces/plain/pods' && r.query.includes('watch=true')), 'the expanded namespace is watched');

  // The cluster changes under the view: `kubectl label namespace plain istio-injection=enabled`.
  api.store.mutate(resourceForKind('v1', 'Namespace')!, undefined, 'plain', (ns) => {
    ns.metadata.labels = { ...ns.metadata.labels, 'istio-injection': 'enabled' };
  });
  await rowText(page, 'plain', /injection enabled · 0\/1 with sidecar/);
  await rowText(page, 'batch-worker', /1\/1 Running · sidecar missing/);
  assert.equal(await icon(page, 'batch-worker'), 'error', 'the pod predates the label: its sidecar is missing');

  await widenSidebar(page, 620);
  await (await row(page, 'batch-worker')).hover();
  // The tooltip says why, in words: the screenshot shows it under the tree.
  await page.locator('.workbench-hover, .monaco-hover', { hasText: 'Sidecar: missing' }).first().waitFor({ timeout: UI_TIMEOUT });
  await s.shot('cluster-tree');
});

scenario('Istio view: Preview Injection of the Owning Workload opens the Deployment\'s manifest and its injection diff', 'cluster-preview-owner', {
  files: { 'README.md': '# cluster tree scenario\n' },
  env: { KUBECONFIG: kubeconfig },
}, async (s) => {
  const page = s.page;
  await page.locator('.activitybar .action-item a[aria-label^="Istio"]').first().click();
  await expand(page, 'mesh');
  await (await row(page, 'productpage-5d8f-x2k9p')).click({ button: 'right' });
  // The context menu's pointer guard may swallow a click: hovering focuses the item, Enter runs it.
  await page.locator('.context-view .action-item', { hasText: 'Preview Injection of the Owning Workload' }).first().hover();
  await page.keyboard.press('Enter');
  await page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  const diff = page.locator('.monaco-diff-editor').first();
  await diff.waitFor({ timeout: UI_TIMEOUT });
  const modified = diff.locator('.editor.modified .view-lines');
  await modified.getByText('istio-proxy').first().waitFor({ timeout: UI_TIMEOUT });
  const diffTitle = await page.locator('.tab.active').innerText();
  assert.match(diffTitle, /mesh-deployment-productpage\.yaml ↔ Istio injection: 1 workload injected/);
  assert.ok(api.requests.some((r) => r.method === 'GET' && r.path === '/apis/apps/v1/namespaces/mesh/deployments/productpage'), 'the Deployment was read');
  await s.shot('cluster-preview-owner');

  // The manifest's own (untitled) editor: where it comes from, why the pod already has a sidecar, no server fields.
  await page.locator('.tab', { has: page.locator('.label-name', { hasText: /^mesh-deployment-productpage\.yaml$/ }) }).first().click();
  const manifest = page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first();
  await manifest.getByText('kind: Deployment').waitFor({ timeout: UI_TIMEOUT });
  const text = (await manifest.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /deployment\/productpage in namespace mesh \(context e2e-cluster\)/);
  assert.match(text, /injection webhook/, 'the note says the pod got its sidecar from the webhook');
  assert.doesNotMatch(text, /resourceVersion|uid:|creationTimestamp|status:/, 'server-set fields are gone');
});
