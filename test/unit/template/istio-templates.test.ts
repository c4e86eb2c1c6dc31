/**
 * Istio's real injection templates: every raw chart template and every `templates:` entry of the rendered
 * injector configurations parses; with Istio's function library (template/funcs) and the pipeline's template data
 * (inject/template-data), the sidecar template executes over realistic data, repeatedly and fast.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FuncMap, parseTemplate } from '../../../core/src/template/index';
import { injectionFuncMap } from '../../../core/src/template/funcs';
import { sidecarTemplateData } from '../../../core/src/inject/template-data';

const REF = path.resolve(process.cwd(), '../shared/istio-reference');

/** Every function name the Istio templates use (sprig and Istio's own), declared for parsing (parse checks that every called function exists; execution is not tested here). */
const ISTIO_FUNC_NAMES = [
  'annotation', 'append', 'appendMultusNetwork', 'contains', 'default', 'directory', 'excludeInboundPort', 'fromJSON',
  'indent', 'isset', 'join', 'list', 'nindent', 'omit', 'omitNil', 'otelResourceAttributes', 'protoToJSON', 'quote',
  'strdict', 'structToJSON', 'toJsonMap', 'toLower', 'toYaml', 'trimAll', 'trunc', 'valueOrDefault',
];
const declaredFuncs: FuncMap = Object.fromEntries(ISTIO_FUNC_NAMES.map((n) => [n, () => null]));

function allTemplates(): [string, string][] {
  const out: [string, string][] = [];
  const dir = path.join(REF, 'injector-templates');
  for (const f of fs.readdirSync(dir).sort()) {
    if (f !== 'chart-values.yaml') out.push([f, fs.readFileSync(path.join(dir, f), 'utf8')]);
  }
  for (const d of fs.readdirSync(path.join(REF, 'rendered')).sort()) {
    const cfg = parseYaml(fs.readFileSync(path.join(REF, 'rendered', d, 'config.yaml'), 'utf8')) as { templates?: Record<string, string> };
    for (const [name, text] of Object.entries(cfg.templates ?? {})) out.push([`rendered/${d}: ${name}`, text]);
  }
  return out;
}

test('every Istio injection template parses', (t) => {
  if (!fs.existsSync(REF)) {
    t.skip(`reference data not found at ${REF}`);
    return;
  }
  const templates = allTemplates();
  assert.ok(templates.length > 100, `only ${templates.length} templates found`);
  for (const [name, text] of templates) {
    assert.doesNotThrow(() => parseTemplate('inject', text, declaredFuncs), name);
  }
  // the declared list is exact: dropping any name makes some template fail to parse
  for (const missing of ISTIO_FUNC_NAMES) {
    const fewer = { ...declaredFuncs };
    delete fewer[missing];
    assert.ok(
      templates.some(([, text]) => {
        try {
          parseTemplate('inject', text, fewer);
          return false;
        } catch (e) {
          return (e as Error).message.includes(`function "${missing}" not defined`);
        }
      }),
      missing,
    );
  }
});

test('the sidecar template executes over realistic data, 1000 times quickly', (t) => {
  if (!fs.existsSync(REF)) {
    t.skip(`reference data not found at ${REF}`);
    return;
  }
  const dir = path.join(REF, 'rendered', 'default');
  const cfg = parseYaml(fs.readFileSync(path.join(dir, 'config.yaml'), 'utf8')) as { templates: Record<string, string> };
  const values = JSON.parse(fs.readFileSync(path.join(dir, 'values.json'), 'utf8'));
  const mesh = (parseYaml(fs.readFileSync(path.join(dir, 'mesh.yaml'), 'utf8')) ?? {}) as Record<string, unknown>;
  const sidecar = parseTemplate('inject', cfg.templates.sidecar, injectionFuncMap());
  const input = {
    typeMeta: { kind: 'Deployment', apiVersion: 'apps/v1' },
    deployMeta: { name: 'web', namespace: 'shop' },
    pod: {
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web', version: 'v1' }, annotations: {} },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 8080 }] }] },
    },
    proxyConfig: (mesh.defaultConfig ?? {}) as Record<string, never>,
    mesh: mesh as Record<string, never>,
    values,
    revision: '',
    nativeSidecars: true,
    proxyUID: 1337,
    proxyGID: 1337,
    compliancePolicy: '',
  };
  const dot = sidecarTemplateData(input as Parameters<typeof sidecarTemplateData>[0]);
  const out = sidecar.execute(dot);
  const doc = parseYaml(out) as { spec: { initContainers: { name: string; image: string }[] }; metadata: { labels: Record<string, string> } };
  const proxy = doc.spec.initContainers.find((c) => c.name === 'istio-proxy');
  assert.ok(proxy, 'native sidecar istio-proxy in initContainers');
  assert.match(proxy.image, /proxyv2/);
  assert.equal(doc.metadata.labels['service.istio.io/canonical-name'], 'web');
  assert.equal(doc.metadata.labels['service.istio.io/canonical-revision'], 'v1');

  const start = performance.now();
  for (let i = 0; i < 1000; i++) assert.equal(sidecar.execute(dot), out);
  const ms = performance.now() - start;
  t.diagnostic(`1000 executions of the sidecar template: ${ms.toFixed(0)} ms`);
  assert.ok(ms < 30_000, `too slow: ${ms} ms`);
});
