import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readInjectConfigFile, readOperatorFile } from '../../../core/src/config/kubeinject-files';
import { builtinSettings, configMapNames, settingsFromConfigMaps, settingsFromSources } from '../../../core/src/config/sources';
import { BUILTIN_ISTIO_HUB, BUILTIN_ISTIO_TAG } from '../../../core/src/config/builtin';
import { createInjector } from '../../../core/src/inject';
import { injectManifest } from '../../../core/src/run/inject-manifest';

const CLI = path.resolve(process.cwd(), '../shared/istio-reference/kubeinject-cli');

test('--injectConfigFile: a full config or a bare template', () => {
  const full = readInjectConfigFile('policy: disabled\ntemplates:\n  sidecar: "A"\n  other: "B"\ndefaultTemplates: [other]');
  assert.deepEqual(full.templates, { sidecar: 'A', other: 'B' });
  assert.equal(full.policy, 'enabled', 'kube-inject ignores the policy of the file');
  assert.deepEqual(full.defaultTemplates, ['sidecar']);
  const bare = 'spec:\n  containers:\n  - name: istio-proxy\n    image: {{ .ProxyImage }}\n';
  assert.deepEqual(readInjectConfigFile(bare).templates, { sidecar: bare }, 'YAML error: a bare template');
  const bare2 = 'spec:\n  initContainers: []\n';
  assert.deepEqual(readInjectConfigFile(bare2).templates, { sidecar: bare2 }, 'no templates: a bare template');
});

test('kubeinject-cli files', (t) => {
  if (!fs.existsSync(CLI)) {
    t.skip(`reference data not found at ${CLI}`);
    return;
  }
  const read = (f: string) => fs.readFileSync(path.join(CLI, f), 'utf8');
  const inline = read('inject-config-inline.yaml');
  assert.deepEqual(readInjectConfigFile(inline).templates, { sidecar: inline });
  assert.ok(readInjectConfigFile(read('inject-config.yaml')).templates.sidecar.includes('proxy_init:unittest'));
  const s = settingsFromSources({ mesh: read('mesh-config.yaml'), injectConfigFile: read('inject-config.yaml'), values: read('inject-values.yaml') });
  assert.equal((s.values.global as Record<string, unknown>).suffix, 'test');
  const pc = s.mesh.defaultConfig as Record<string, unknown>;
  assert.equal(pc.configPath, '/etc/istio/proxy');
  assert.equal(pc.serviceCluster, 'istio-proxy');
  assert.equal('connectTimeout' in pc, false, 'unknown ProxyConfig field dropped');
  assert.equal(s.mesh.ingressService, 'istio-ingress');

  const op = settingsFromSources({ operator: read('istio-operator.yaml'), injectConfigFile: read('inject-config-iop.yaml'), values: read('inject-values.yaml') });
  const g = op.values.global as Record<string, unknown>;
  assert.equal(g.tag, 'testiop');
  assert.equal(g.suffix, undefined, 'operator values replace --valuesFile');
  assert.equal(g.hub, BUILTIN_ISTIO_HUB, 'layered over the built-in values');
  assert.equal(op.mesh.connectTimeout, '1s');
  assert.equal((op.mesh.defaultConfig as Record<string, unknown>).binaryPath, '/usr/local/bin/envoy');
});

test('operator file: hub/tag, meshConfig, errors', () => {
  const o = readOperatorFile('spec:\n  hub: h\n  tag: t\n  values:\n    global:\n      tag: v\n');
  assert.deepEqual(o.values, { global: { hub: 'h', tag: 'v' } });
  assert.equal(o.mesh, undefined);
  assert.throws(() => readOperatorFile('spec: {}\n---\nspec: {}\n'), { message: 'contains multiple IstioOperator CRs, only one per file is supported' });
});

test('built-in settings', () => {
  const s = builtinSettings();
  assert.equal((s.values.global as Record<string, unknown>).tag, BUILTIN_ISTIO_TAG);
  assert.deepEqual(Object.keys(s.config.templates).sort(), ['gateway', 'grpc-agent', 'grpc-simple', 'sidecar']);
  assert.deepEqual(s.mesh.defaultProviders, { metrics: ['prometheus'] });
  assert.equal(s.nativeSidecars, false, 'auto is off offline');
  assert.equal(s.revision, '');
  assert.equal(s.proxyUID, 1337);
  const f = builtinSettings({ ENABLE_NATIVE_SIDECARS: 'true', COMPLIANCE_POLICY: 'fips-140-3', PLATFORM: 'openshift' });
  assert.deepEqual([f.nativeSidecars, f.compliancePolicy, f.platform], [true, 'fips-140-3', 'openshift']);
  // Built-in pieces are fresh copies.
  (s.values.global as Record<string, unknown>).tag = 'x';
  assert.equal((builtinSettings().values.global as Record<string, unknown>).tag, BUILTIN_ISTIO_TAG);
});

test('cluster ConfigMaps', () => {
  assert.deepEqual(configMapNames(''), { injector: 'istio-sidecar-injector', mesh: 'istio' });
  assert.deepEqual(configMapNames('canary'), { injector: 'istio-sidecar-injector-canary', mesh: 'istio-canary' });
  const s = settingsFromConfigMaps({ injectorConfig: 'templates:\n  sidecar: x\n', values: '{}', mesh: 'trustDomain: td' }, 'canary');
  assert.deepEqual(s.config.templates, { sidecar: 'x' });
  assert.deepEqual(s.values, {});
  assert.equal(s.mesh.trustDomain, 'td');
  assert.equal(s.revision, 'canary');
});

test('kubeinject-cli goldens: file flags end to end', async (t) => {
  if (!fs.existsSync(CLI)) {
    t.skip(`reference data not found at ${CLI}`);
    return;
  }
  const read = (f: string) => fs.readFileSync(path.join(CLI, f), 'utf8');
  const strip = (s: string) => s.replace(/("version":")[0-9a-f]*(")/g, '$1$2');
  const cases = (JSON.parse(read('cases.json')) as { cases: { args: string[]; golden?: string }[] }).cases.filter((c) => c.golden);
  assert.ok(cases.length >= 6);
  for (const c of cases) {
    const flag = (name: string) => {
      const i = c.args.indexOf(name);
      return i >= 0 ? read(c.args[i + 1]) : undefined;
    };
    const settings = settingsFromSources({
      mesh: flag('--meshConfigFile'),
      injectConfigFile: flag('--injectConfigFile'),
      values: flag('--valuesFile'),
      operator: flag('--operatorFileName'),
    });
    const report = injectManifest(flag('-f') ?? '', createInjector(settings));
    assert.equal(strip(report.istioctl ?? report.errors.join('\n')), strip(read(c.golden!)), c.args.join(' '));
  }
});
