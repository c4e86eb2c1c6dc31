/** istioInject/preview's summary (the diff title) goes through the message catalogue: English and Simplified Chinese. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PreviewResult } from '../../protocol/src/protocol';
import { startTestServer } from './harness';
import { DEPLOYMENT, HOST_NETWORK, stream } from './fixtures';

const URI = 'file:///work/summary.yaml';
const API = DEPLOYMENT.replaceAll('web', 'api');

function zhBundle(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const bundle = path.join(dir, 'l10n', 'bundle.l10n.zh-cn.json');
    if (fs.existsSync(bundle)) return bundle;
  }
  throw new Error(`l10n/bundle.l10n.zh-cn.json not found above ${__dirname}`);
}

async function summaries(initializationOptions: unknown): Promise<string[]> {
  const s = startTestServer();
  try {
    await s.initialize(initializationOptions);
    const published = s.diagnostics(URI, 1);
    s.open(URI, stream(DEPLOYMENT, HOST_NETWORK, API));
    await published;
    const preview = (range?: object) => s.client.sendRequest<PreviewResult>('istioInject/preview', range ? { uri: URI, range } : { uri: URI });
    const first = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
    return [(await preview()).summary, (await preview(first)).summary];
  } finally {
    await s.close();
  }
}

test('preview summary in English: plural, singular and the skipped count', async () => {
  assert.deepEqual(await summaries(undefined), ['2 workloads injected, 1 skipped', '1 workload injected']);
});

test('preview summary in Simplified Chinese (the zh-cn bundle)', async () => {
  const zh = await summaries({ revision: '', nativeSidecars: 'auto', diagnostics: {}, l10n: { locale: 'zh-cn', bundlePath: zhBundle() } });
  assert.deepEqual(zh, ['已注入 2 个工作负载，跳过 1 个', '已注入 1 个工作负载']);
});
