/** The sidecar's anatomy, read from injected pods: ports per process, user, capture, and what the config turns on. */
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { builtinSettings, createInjector } from '../../../core/src/index';
import { hoverAt } from '../../../core/src/analysis';
import { anatomyOfObject } from '../../../core/src/analysis/anatomy-document';
import { sidecarAnatomy, type SidecarAnatomy } from '../../../core/src/analysis/anatomy';
import type { InjectionSettings, KubeObject } from '../../../core/src/inject/types';
import { parseManifest } from '../../../core/src/manifest/parse';
import { injectManifest } from '../../../core/src/run/inject-manifest';
import { MISSING_REFERENCE, REFERENCE_DIR, referenceAvailable } from '../../conformance/reference';
import { deployment, rangeOf } from './helpers';

const settings = builtinSettings();

/** The anatomy of the Deployment after injecting it with `s`. */
function anatomyOf(podMeta: string, s: InjectionSettings = settings, podSpec?: string): SidecarAnatomy {
  const report = injectManifest(deployment(podMeta, podSpec), createInjector(s), { print: false }).documents[0];
  assert.equal(report.outcome.kind, 'injected', JSON.stringify(report.outcome));
  const template = (report.result as { spec: { template: { metadata: Record<string, unknown>; spec: Record<string, unknown> } } }).spec.template;
  const a = sidecarAnatomy(template.spec, template.metadata, s);
  assert.ok(a, 'the injected pod has an istio-proxy');
  return a;
}

const ports = (a: SidecarAnatomy) => a.ports.map((p) => `${p.port} ${p.process} ${p.scope}`);

test('golden: the anatomy of a Deployment injected with the built-in configuration', () => {
  const report = injectManifest(deployment('      labels: {app: web}\n'), createInjector(settings), { print: false }).documents[0];
  const [md] = anatomyOfObject(report.result!, settings);
  const golden = path.resolve('test/fixtures/explain/anatomy-default.md');
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, `${md}\n`);
  assert.equal(`${md}\n`, fs.readFileSync(golden, 'utf8'));
});

test('the default sidecar: pilot-agent and Envoy ports, UID/GID 1337, REDIRECT capture by istio-init', () => {
  const a = anatomyOf('      labels: {app: web}\n');
  assert.deepEqual(ports(a), [
    '15020 pilot-agent pod', '15004 pilot-agent localhost', '15000 Envoy localhost', '15001 Envoy pod', '15006 Envoy pod', '15021 Envoy pod', '15090 Envoy pod',
  ]);
  assert.equal(a.uid, 1337);
  assert.equal(a.gid, 1337);
  assert.equal(a.native, false);
  assert.equal(a.interceptionMode, 'REDIRECT');
  assert.equal(a.init?.name, 'istio-init');
  assert.equal(a.dnsCapture, false);
  assert.equal(a.hbone, false);
  assert.equal(a.discoveryAddress, 'istiod.istio-system.svc:15012');
});

test('DNS capture and HBONE from proxyMetadata; admin and status ports from the pod\'s annotations', () => {
  const a = anatomyOf([
    '      annotations:',
    '        status.sidecar.istio.io/port: "15999"',
    '        proxy.istio.io/config: |',
    '          proxyAdminPort: 15111',
    '          proxyMetadata:',
    '            ISTIO_META_DNS_CAPTURE: "true"',
    '            ISTIO_META_ENABLE_HBONE: "true"',
    '',
  ].join('\n'));
  assert.deepEqual(ports(a), [
    '15999 pilot-agent pod', '15004 pilot-agent localhost', '15053 pilot-agent localhost', '15111 Envoy localhost',
    '15001 Envoy pod', '15006 Envoy pod', '15008 Envoy pod', '15021 Envoy pod', '15090 Envoy pod',
  ]);
  assert.ok(a.dnsCapture && a.hbone);
  assert.match(a.ports[0].purpose, /port from `status.sidecar.istio.io\/port`/);
  assert.ok(a.init?.args.includes('15090,15021,15999'), 'istio-init leaves the status port uncaptured');
});

test('app probes and Prometheus merge are noted on the status port', () => {
  const probe = '      containers:\n      - name: app\n        image: nginx\n        readinessProbe:\n          httpGet: {path: /ready, port: 8080}\n';
  const a = anatomyOf('      annotations:\n        prometheus.io/scrape: "true"\n        prometheus.io/port: "9090"\n', settings, probe);
  assert.ok(a.rewritesProbes && a.mergesAppMetrics);
  assert.match(a.ports[0].purpose, /the app's rewritten probes.*including the app's/);
});

test('native sidecars, CNI and no interception', () => {
  const native = anatomyOf('      labels: {app: web}\n', builtinSettings({ ENABLE_NATIVE_SIDECARS: 'true' }));
  assert.equal(native.native, true);
  const cniValues = structuredClone(settings.values) as { pilot?: { cni?: { enabled?: boolean } } };
  cniValues.pilot = { ...cniValues.pilot, cni: { ...cniValues.pilot?.cni, enabled: true } };
  const cni = anatomyOf('      labels: {app: web}\n', { ...settings, values: cniValues });
  assert.equal(cni.init?.name, 'istio-validation');
  const none = anatomyOf('      annotations:\n        sidecar.istio.io/interceptionMode: NONE\n');
  assert.equal(none.interceptionMode, 'NONE');
  assert.equal(none.init, undefined);
  assert.match(none.ports.find((p) => p.port === 15001)!.purpose, /no capture/);
  const [md] = anatomyOfObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'istio-proxy', image: 'x' }] } }, settings);
  assert.match(md, /UID not set/);
});

test('no anatomy without istio-proxy', () => {
  assert.equal(sidecarAnatomy({ containers: [{ name: 'app' }] }, {}, settings), undefined);
  assert.deepEqual(anatomyOfObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }, settings), []);
});

test('hover on the istio-proxy container of an injected document shows the anatomy; not on a plain container', () => {
  const injector = createInjector(settings);
  const injected = injectManifest(deployment('      labels: {app: web}\n'), injector).documents[0].istioctl;
  const at = rangeOf(injected, 'name: istio-proxy').start + 'name: '.length;
  const h = hoverAt(injected, at, injector, settings);
  assert.ok(h);
  assert.match(h.markdown, /^\*\*Sidecar anatomy\*\*: container `istio-proxy`/);
  assert.deepEqual(injected.slice(h.start, h.end), 'istio-proxy');
  const native = builtinSettings({ ENABLE_NATIVE_SIDECARS: 'true' });
  const nativeInjector = createInjector(native);
  const nativeText = injectManifest(deployment('      labels: {app: web}\n'), nativeInjector).documents[0].istioctl;
  const onInit = hoverAt(nativeText, rangeOf(nativeText, 'name: istio-proxy').start + 6, nativeInjector, native);
  assert.match(onInit?.markdown ?? '', /a native sidecar \(an init container with `restartPolicy: Always`/);
  const override = deployment('      labels: {app: web}\n', '      containers:\n      - name: istio-proxy\n        image: auto\n');
  assert.equal(hoverAt(override, rangeOf(override, 'istio-proxy').start, injector, settings), undefined, 'a user override before injection');
});

test('every injected golden of Istio\'s corpus has an anatomy with Envoy\'s and the agent\'s ports', (t) => {
  if (!referenceAvailable()) return t.skip(MISSING_REFERENCE);
  const dir = path.join(REFERENCE_DIR, 'inject');
  let pods = 0;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.injected')).sort()) {
    for (const doc of parseManifest(fs.readFileSync(path.join(dir, name), 'utf8')).documents) {
      if (typeof doc.value !== 'object' || doc.value === null) continue;
      for (const md of anatomyOfObject(doc.value as KubeObject, settings)) {
        pods++;
        if (!md.includes('DISABLE_ENVOY')) assert.match(md, /\| 15090 \| Envoy \|/, name);
        assert.match(md, /\| 15004 \| pilot-agent \| localhost only \|/, name);
        const listed = [...md.matchAll(/^\| (\d+) \|/gm)].map((m) => m[1]);
        assert.equal(new Set(listed).size, listed.length, `${name}: each port once`);
      }
    }
  }
  assert.ok(pods >= 100, `${pods} injected pods`);
});
