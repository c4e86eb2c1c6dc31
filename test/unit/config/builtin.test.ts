/**
 * The built-in install: our templates parse, call only functions Istio's injector has, read values that match a
 * real default-profile rendering, and (once the pipeline runs) inject the corpus exactly like Istio's own templates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ListNode } from '../../../core/src/template/ast';
import { BUILTINS } from '../../../core/src/template/builtins';
import { injectionFuncMap } from '../../../core/src/template/funcs';
import { parseSet } from '../../../core/src/template/parser';
import { builtinInjectorConfig, builtinMeshYaml, builtinValues, BUILTIN_ISTIO_HUB, BUILTIN_ISTIO_TAG } from '../../../core/src/config/builtin';
import { parseInjectorConfig, parseValues } from '../../../core/src/config/injector-config';
import { applyMeshConfig } from '../../../core/src/config/mesh';
import type { InjectionSettings } from '../../../core/src/inject/types';
import { createInjector } from '../../../core/src/inject';
import { injectManifest } from '../../../core/src/run/inject-manifest';
import { mergeValues } from '../../../core/src/config/kubeinject-files';
import { settingsFromSources } from '../../../core/src/config/sources';
import type { MeshOverride } from '../../conformance/cases';
import { applyMeshOverride } from '../../conformance/settings-for-case';

const REF = path.resolve(process.cwd(), '../shared/istio-reference');
const DEFAULT_DIR = path.join(REF, 'rendered/default');

const funcs = injectionFuncMap();
const known = (n: string) => n in funcs || n in BUILTINS;

/** Every function identifier a parsed template set calls. */
function calledFunctions(trees: Map<string, ListNode>): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.kind === 'identifier' && typeof o.ident === 'string') out.add(o.ident);
      for (const val of Object.values(o)) visit(val);
    }
  };
  for (const tree of trees.values()) visit(tree);
  return out;
}

test('built-in templates parse with the injector function map', () => {
  const { templates } = builtinInjectorConfig();
  for (const [name, text] of Object.entries(templates)) {
    const set = parseSet(name, text, known);
    assert.ok(set.trees.has(name));
    if (name !== 'grpc-simple') assert.ok(set.trees.has('istio-proxy-agent-env'), `${name} carries the shared fragments`);
    for (const fn of calledFunctions(set.trees)) assert.ok(known(fn), `${name} calls unknown function ${fn}`);
  }
});

function refOrSkip(t: { skip: (m: string) => void }): boolean {
  if (fs.existsSync(DEFAULT_DIR)) return true;
  t.skip(`reference data not found at ${REF}`);
  return false;
}

test('our templates call only functions that Istio’s own templates call', (t) => {
  if (!refOrSkip(t)) return;
  const istio = parseInjectorConfig(fs.readFileSync(path.join(DEFAULT_DIR, 'config.yaml'), 'utf8'));
  const istioCalls = new Set<string>();
  for (const name of ['sidecar', 'gateway', 'grpc-agent', 'grpc-simple']) for (const f of calledFunctions(parseSet(name, istio.templates[name], known).trees)) istioCalls.add(f);
  for (const [name, text] of Object.entries(builtinInjectorConfig().templates)) {
    for (const f of calledFunctions(parseSet(name, text, known).trees)) {
      assert.ok(istioCalls.has(f), `${name}: ${f} is not used by Istio's templates`);
    }
  }
});

/** Leaf paths of a JSON value ("global.proxy.image" → value). */
function leaves(v: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
    for (const [k, val] of Object.entries(v)) leaves(val, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, v);
  return out;
}

test('built-in values agree with a default-profile rendering (except hub and tag)', (t) => {
  if (!refOrSkip(t)) return;
  const rendered = leaves(parseValues(fs.readFileSync(path.join(DEFAULT_DIR, 'values.json'), 'utf8')));
  const ours = leaves(builtinValues());
  assert.equal(ours.get('global.hub'), BUILTIN_ISTIO_HUB);
  assert.equal(ours.get('global.tag'), BUILTIN_ISTIO_TAG);
  for (const [key, value] of ours) {
    if (key === 'global.hub' || key === 'global.tag') continue;
    assert.ok(rendered.has(key), `${key} is not in the rendered values`);
    assert.deepEqual(value, rendered.get(key), key);
  }
});

test('built-in mesh equals the default-profile mesh', (t) => {
  if (!refOrSkip(t)) return;
  const rendered = applyMeshConfig(fs.readFileSync(path.join(DEFAULT_DIR, 'mesh.yaml'), 'utf8'));
  assert.deepEqual(applyMeshConfig(builtinMeshYaml()), rendered);
});

interface Case {
  index: number;
  in: string;
  input: string;
  renderedConfigDir: string;
  skipInjection?: boolean;
  meshOverrides?: MeshOverride[];
  setup?: { features?: Record<string, string>; env?: Record<string, string> };
}

/** The corpus' mesh overrides (a path set or appended to), applied to settings.mesh. */

const stripVersion = (s: string) => s.replace(/("version":")[0-9a-f]*(")/g, '$1$2');

test('corpus: our sidecar/gateway templates inject like Istio’s (rendered/default cases)', async (t) => {
  if (!refOrSkip(t)) return;
  const cases = (JSON.parse(fs.readFileSync(path.join(REF, 'cases.json'), 'utf8')) as { cases: Case[] }).cases.filter(
    (c) => c.renderedConfigDir === 'rendered/default' && !c.skipInjection,
  );
  const read = (rel: string) => fs.readFileSync(path.join(REF, rel), 'utf8');
  const istioConfig = read('rendered/default/config.yaml');
  const values = read('rendered/default/values.json');
  const mesh = read('rendered/default/mesh.yaml');
  const differing: string[] = [];
  let injected = 0;
  for (const c of cases) {
    const features = { ENABLE_NATIVE_SIDECARS: 'true', ...(c.setup?.features ?? {}), ...(c.setup?.env ?? {}) };
    const theirs = settingsFromSources({ config: istioConfig, values, mesh, features });
    for (const o of c.meshOverrides ?? []) applyMeshOverride(theirs.mesh, o);
    // Ours: the built-in config and values with the test hub/tag; the same mesh, so only our files differ.
    const ourValues = builtinValues();
    Object.assign(ourValues.global as Record<string, unknown>, { hub: 'registry.istio.io/testing', tag: 'latest' });
    const ours: InjectionSettings = { ...theirs, config: builtinInjectorConfig(), values: ourValues };
    const render = (s: InjectionSettings) => {
      const report = injectManifest(read(c.input), createInjector(s));
      return report.istioctl !== undefined ? stripVersion(report.istioctl) : `errors: ${report.errors.join(' | ')}`;
    };
    const want = render(theirs);
    const got = render(ours);
    if (!want.startsWith('errors:')) injected++;
    if (got !== want) differing.push(`[${c.index}] ${c.in}: ${firstDiff(got, want)}`);
  }
  t.diagnostic(`compared ${cases.length} cases (${injected} with output), ${differing.length} differ`);
  assert.ok(injected >= cases.length * 0.8, 'most cases must produce output, or the comparison says little');
  assert.deepEqual(differing, []);
});

function firstDiff(got: string, want: string): string {
  const g = got.split('\n');
  const w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) return `line ${i + 1}: ours ${JSON.stringify(g[i])} istio ${JSON.stringify(w[i])}`;
  }
  return 'differs';
}

/** Value and mesh switches the corpus does not cover, each applied to both template sets. */
const VARIATIONS: { name: string; values?: Record<string, unknown>; mesh?: string; native?: string }[] = [
  { name: 'cni', values: { pilot: { cni: { enabled: true, provider: 'default' } } } },
  { name: 'cni multus', values: { pilot: { cni: { enabled: true, provider: 'multus' } } } },
  { name: 'mtls certs + pull secrets', values: { global: { mountMtlsCerts: true, imagePullSecrets: ['a', 'b'], imagePullPolicy: 'Always' } } },
  { name: 'gke certs', values: { global: { caName: 'GkeWorkloadCertificate' } } },
  { name: 'ca address + other provider', values: { global: { caAddress: 'ca:1', pilotCertProvider: 'kubernetes' } } },
  { name: 'trust bundle api', values: { pilot: { env: { ENABLE_CLUSTER_TRUST_BUNDLE_API: true } }, global: { trustBundleName: 'tb' } } },
  { name: 'mesh id, network, cluster', values: { global: { meshID: 'm1', network: 'n1', multiCluster: { clusterName: 'c1' } } } },
  { name: 'sts, json logs, nftables', values: { global: { sts: { servicePort: 15463 }, logAsJson: true, nativeNftables: true, proxy_init: { forceApplyIptables: true } } } },
  {
    name: 'proxy knobs',
    values: {
      global: {
        proxy: {
          lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
          seccompProfile: { type: 'RuntimeDefault' },
          outlierLogPath: '/dev/stdout',
          includeOutboundPorts: '80',
          excludeOutboundPorts: '81',
          privileged: true,
          holdApplicationUntilProxyStarts: true,
          capNetBindService: true,
          startupProbe: { enabled: false },
        },
      },
    },
  },
  { name: 'resources with null', values: { global: { proxy: { resources: { requests: { cpu: null, memory: '1Gi' }, limits: null } } } } },
  { name: 'gateway security context', values: { gateways: { securityContext: { runAsNonRoot: true } } } },
  { name: 'revision', values: { revision: 'canary' } },
  { name: 'tproxy mesh', mesh: 'defaultConfig:\n  interceptionMode: TPROXY\n  proxyMetadata:\n    ISTIO_META_ENABLE_HBONE: "true"\n' },
  { name: 'iptables trace', mesh: 'defaultConfig:\n  proxyMetadata:\n    IPTABLES_TRACE_LOGGING: "true"\n' },
  { name: 'no capture', mesh: 'defaultConfig:\n  interceptionMode: NONE\n' },
  { name: 'no capture, classic sidecars', mesh: 'defaultConfig:\n  interceptionMode: NONE\n', native: 'false' },
  { name: 'localhost inbound, status port off', mesh: 'inboundTrafficPolicy:\n  mode: LOCALHOST\n', values: { global: { proxy: { statusPort: 0 } } } },
  { name: 'trust domain', mesh: 'trustDomain: example.org\n' },
];

const VARIATION_INPUTS = ['hello.yaml', 'traffic-annotations.yaml', 'user-volume.yaml', 'gateway.yaml', 'grpc-agent.yaml', 'grpc-simple.yaml', 'resource_annotations.yaml', 'status_annotations_zeroport.yaml', 'hello-openshift-tproxy.yaml'];

test('variations: value and mesh switches render alike with both template sets', async (t) => {
  if (!refOrSkip(t)) return;
  const read = (rel: string) => fs.readFileSync(path.join(REF, rel), 'utf8');
  const differing: string[] = [];
  let withOutput = 0;
  let total = 0;
  for (const v of VARIATIONS) {
    const theirValues = mergeValues(parseValues(read('rendered/default/values.json')), structuredClone(v.values ?? {}));
    const ourValues = builtinValues();
    mergeValues(ourValues, { global: { hub: 'registry.istio.io/testing', tag: 'latest' } });
    mergeValues(ourValues, structuredClone(v.values ?? {}));
    const base = settingsFromSources({
      config: read('rendered/default/config.yaml'),
      mesh: read('rendered/default/mesh.yaml') + (v.mesh ?? ''),
      features: { ENABLE_NATIVE_SIDECARS: v.native ?? 'true' },
    });
    const theirs: InjectionSettings = { ...base, values: theirValues };
    const ours: InjectionSettings = { ...base, values: ourValues, config: builtinInjectorConfig() };
    for (const input of VARIATION_INPUTS) {
      if (!fs.existsSync(path.join(REF, 'inject', input))) continue;
      total++;
      const render = (s: InjectionSettings) => {
        const report = injectManifest(read(`inject/${input}`), createInjector(s));
        return report.istioctl !== undefined ? stripVersion(report.istioctl) : `errors: ${report.errors.join(' | ')}`;
      };
      const want = render(theirs);
      const got = render(ours);
      if (!want.startsWith('errors:')) withOutput++;
      if (got !== want) differing.push(`${v.name} / ${input}: ${firstDiff(got, want)}`);
    }
  }
  t.diagnostic(`compared ${total} renderings (${withOutput} with output), ${differing.length} differ`);
  assert.deepEqual(differing, []);
});
