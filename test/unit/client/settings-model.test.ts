import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CLIENT_SETTINGS, parseClientSettings, toServerSettings } from '../../../client/src/settings-model';

const from = (raw: Record<string, unknown>) => parseClientSettings((key) => raw[key]);

test('nothing set: every default, the Istio namespace is istio-system', () => {
  assert.deepEqual(from({}), DEFAULT_CLIENT_SETTINGS);
  assert.equal(from({}).istioNamespace, 'istio-system');
});

test('typed values are kept (strings trimmed), ill-typed ones take the default', () => {
  const s = from({
    configSource: 'cluster', injectConfigFile: ' ./inject.yaml ', revision: 'canary', istioNamespace: 'mesh',
    nativeSidecars: 'on', codeLens: false, diagnostics: { 'no-pod-template': 'off', 'skip-host-network': 'error' },
  });
  assert.equal(s.configSource, 'cluster');
  assert.equal(s.injectConfigFile, './inject.yaml');
  assert.equal(s.revision, 'canary');
  assert.equal(s.istioNamespace, 'mesh');
  assert.equal(s.nativeSidecars, 'on');
  assert.equal(s.codeLens, false);
  assert.equal(s.maxFileSizeMB, 10);
  assert.deepEqual(s.diagnostics, { 'no-pod-template': 'off', 'skip-host-network': 'error' });

  const bad = from({ configSource: 'kubernetes', revision: 7, istioNamespace: '  ', nativeSidecars: true, codeLens: 'yes', diagnostics: ['x'] });
  assert.equal(bad.configSource, 'builtin');
  assert.equal(bad.revision, '');
  assert.equal(bad.istioNamespace, 'istio-system', 'an empty namespace is the default one');
  assert.equal(bad.nativeSidecars, 'auto');
  assert.equal(bad.codeLens, true);
  assert.equal(from({ maxFileSizeMB: 25 }).maxFileSizeMB, 25);
  assert.equal(from({ maxFileSizeMB: -1 }).maxFileSizeMB, 10);
  assert.deepEqual(bad.diagnostics, {});
});

test('unknown severities are dropped, known ones kept', () => {
  assert.deepEqual(from({ diagnostics: { a: 'fatal', b: 'hint', c: 3 } }).diagnostics, { b: 'hint' });
});

test('ServerSettings: revision, native sidecars, a copy of the overrides, and the file-size limit, the loaded texts when there are some', () => {
  const s = from({ revision: 'canary', nativeSidecars: 'off', diagnostics: { x: 'warning' } });
  const builtin = toServerSettings(s, undefined);
  assert.deepEqual(builtin, { revision: 'canary', nativeSidecars: 'off', diagnostics: { x: 'warning' }, maxFileSizeMB: 10 });
  assert.ok(!('config' in builtin), 'no config key: the server uses its built-in configuration');
  builtin.diagnostics.y = 'off';
  assert.deepEqual(s.diagnostics, { x: 'warning' }, 'the settings are not aliased');
  const config = { source: 'cluster' as const, injectorConfig: 'policy: enabled', label: 'kind/istio-system' };
  assert.deepEqual(toServerSettings(s, config).config, config);
});
