/** The preview's anatomy hover finds the right workload's section, with the language server's real preview output. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anatomyAt } from '../../../client/src/preview/anatomy-at';
import type { PreviewResult } from '../../../protocol/src/protocol';
import { DEPLOYMENT, SERVICE, stream } from '../../lsp/fixtures';
import { startTestServer } from '../../lsp/harness';

const URI = 'file:///work/anatomy.yaml';
const API = DEPLOYMENT.replaceAll('web', 'api').replace('  name: api\n', '  name: api\n  namespace: shop\n');

async function preview(text: string, settings: object = {}): Promise<PreviewResult> {
  const s = startTestServer();
  try {
    await s.initialize({ revision: '', nativeSidecars: 'auto', diagnostics: {}, ...settings });
    const published = s.diagnostics(URI, 1);
    s.open(URI, text);
    await published;
    return await s.client.sendRequest<PreviewResult>('istioInject/preview', { uri: URI });
  } finally {
    await s.close();
  }
}

/** Offsets of `needle` in `text`, in order. */
function offsets(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

test('each istio-proxy container of the injected text shows its own workload\'s section', async () => {
  const result = await preview(stream(DEPLOYMENT, SERVICE, API));
  const { injected, anatomy = '' } = result;
  const proxies = offsets(injected, 'name: istio-proxy');
  assert.equal(proxies.length, 2);
  const web = anatomyAt(injected, proxies[0]! + 3, anatomy);
  assert.match(web?.markdown ?? '', /^\*\*Sidecar anatomy\*\* of Deployment `web`: container `istio-proxy`/);
  assert.ok(!web?.markdown.includes('\n\n---\n\n') && !web?.markdown.includes('shop/api'), 'one section only');
  const api = anatomyAt(injected, proxies[1]!, anatomy);
  assert.match(api?.markdown ?? '', /^\*\*Sidecar anatomy\*\* of Deployment `shop\/api`/);
  assert.equal(injected.slice(api!.start, api!.end), 'name: istio-proxy', 'the hover\'s range');
  const line = injected.lastIndexOf('\n', proxies[1]) + 1;
  assert.deepEqual(anatomyAt(injected, line, anatomy), api, 'from the start of the line (the list\'s dash)');
  assert.deepEqual(anatomyAt(injected, api!.end, anatomy), api, 'to the end of the name');
  const image = injected.indexOf('image:', proxies[1]);
  assert.equal(anatomyAt(injected, image, anatomy), undefined, 'the container\'s other lines stay quiet');
});

test('nothing over the app container, the Service, istio-init, or without anatomy', async () => {
  const { injected, anatomy = '' } = await preview(stream(DEPLOYMENT, SERVICE));
  assert.ok(anatomy, 'the preview has an anatomy');
  assert.equal(anatomyAt(injected, injected.indexOf('image: nginx'), anatomy), undefined);
  assert.equal(anatomyAt(injected, injected.indexOf('kind: Service'), anatomy), undefined);
  assert.equal(anatomyAt(injected, injected.indexOf('name: istio-init'), anatomy), undefined);
  assert.equal(anatomyAt(injected, injected.indexOf('name: istio-proxy'), ''), undefined);
  assert.equal(anatomyAt('', 0, anatomy), undefined);
});

test('a native sidecar (istio-proxy among the initContainers) has its hover too', async () => {
  const { injected, anatomy = '' } = await preview(DEPLOYMENT, { nativeSidecars: 'on' });
  const proxy = injected.indexOf('name: istio-proxy');
  const lists = [...injected.slice(0, proxy).matchAll(/\b(initContainers|containers):/g)].map((m) => m[1]);
  assert.equal(lists.pop(), 'initContainers', 'istio-proxy is an init container');
  assert.match(anatomyAt(injected, proxy, anatomy)?.markdown ?? '', /a native sidecar/);
});
