import test from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, CODES } from '../../../core/src/analysis';
import { createInjector, injectManifest } from '../../../core/src/index';
import { analyze, applyFix, assertAt, deployment, injector, only, settings } from './helpers';

test('no findings for YAML that is not a Kubernetes object, or an empty document', () => {
  assert.deepEqual(analyze('name: x\nitems: [1, 2]\n'), []);
  assert.deepEqual(analyze('kind: Deployment\n'), []);
  assert.deepEqual(analyze('# just a comment\n'), []);
  assert.deepEqual(analyze(''), []);
});

test('yaml-syntax: one concise error for a broken document', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: [x\nspec: 1\n';
  const findings = analyze(text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].code, 'yaml-syntax');
  assert.equal(findings[0].severity, 'error');
  assert.ok(!findings[0].message.includes('\n'));
  assert.ok(findings[0].end > findings[0].start, 'a visible range');
  const control = 'apiVersion: v1\nkind: Pod\nmetadata: {name: "a\u0007"}\n';
  const c = analyze(control);
  assert.deepEqual(c.map((f) => [f.code, control.slice(f.start, f.end)]), [['yaml-syntax', '\u0007']]);
});

test('no-pod-template: information on the kind value of kinds kube-inject leaves unchanged', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n';
  const f = only(analyze(text), 'no-pod-template');
  assert.equal(f.severity, 'information');
  assertAt(f, text, 'Service');
  assert.match(f.message, /leaves it unchanged/);
  assert.equal(analyze(text).length, 1);
});

test('namespace-injection: a fix adds istio-injection: enabled, creating labels when absent', () => {
  const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop # the shop\n';
  const f = only(analyze(text), 'namespace-injection');
  assert.equal(f.severity, 'information');
  assertAt(f, text, 'Namespace');
  assert.match(f.message, /istio-injection=enabled/);
  assert.equal(applyFix(text, f), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop # the shop\n  labels:\n    istio-injection: enabled\n');
  assert.equal(f.fixes![0].preferred, true);
});

test('namespace-injection: existing labels get the label; disabled becomes enabled; enabled and istio.io/rev need no fix', () => {
  const withLabels = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    team: a\n';
  assert.equal(applyFix(withLabels, only(analyze(withLabels), 'namespace-injection')), `${withLabels}    istio-injection: enabled\n`);
  const disabled = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {istio-injection: disabled}\n';
  const d = only(analyze(disabled), 'namespace-injection');
  assert.match(d.message, /turns it off/);
  assert.equal(applyFix(disabled, d), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {istio-injection: enabled}\n');
  for (const labels of ['{istio-injection: enabled}', '{istio.io/rev: canary}']) {
    const on = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: ${labels}\n`;
    const f = only(analyze(on), 'namespace-injection');
    assert.match(f.message, /automatic injection is on/);
    assert.equal(f.fixes, undefined);
  }
});

test('skip-host-network: warning on the hostNetwork value, agreeing with the core', () => {
  const text = deployment('      labels: {app: web}\n', '      hostNetwork: true\n      containers: [{name: app, image: nginx}]\n');
  assert.equal(injectManifest(text, injector).documents[0].outcome.kind, 'skipped');
  const f = only(analyze(text), 'skip-host-network');
  assert.equal(f.severity, 'warning');
  assertAt(f, text, 'true', 0);
});

test('skip-inject-disabled: on the label or annotation value "false"; the label wins over the annotation', () => {
  const byLabel = deployment('      labels:\n        sidecar.istio.io/inject: "false"\n');
  const f = only(analyze(byLabel), 'skip-inject-disabled');
  assert.equal(f.severity, 'information');
  assertAt(f, byLabel, '"false"');
  assert.match(f.message, /label/);
  const byAnnotation = deployment("      annotations:\n        sidecar.istio.io/inject: 'false'\n");
  assertAt(only(analyze(byAnnotation), 'skip-inject-disabled'), byAnnotation, "'false'");
  const labelWins = deployment('      labels:\n        sidecar.istio.io/inject: "true"\n      annotations:\n        sidecar.istio.io/inject: "false"\n');
  assert.equal(injectManifest(labelWins, injector).documents[0].outcome.kind, 'injected');
  assert.ok(!analyze(labelWins).some((x) => x.code.startsWith('skip-')));
});

test('skip-ignored-namespace: a pod in a system namespace', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: kube-system\nspec:\n  containers: [{name: a, image: b}]\n';
  const f = only(analyze(text), 'skip-ignored-namespace');
  assert.equal(f.severity, 'warning');
  assertAt(f, text, 'kube-system');
});

test('skip-policy: an injector following the webhook policy "disabled" skips pods without an opt-in', () => {
  const disabled = { ...settings, config: { ...settings.config, policy: 'disabled' as const } };
  const webhook = createInjector(disabled, { webhookPolicy: true });
  const text = deployment('      labels: {app: web}\n');
  const f = only(analyzeDocument(text, webhook, disabled), 'skip-policy');
  assertAt(f, text, 'Deployment');
  assert.deepEqual(analyze(text).filter((x) => x.code.startsWith('skip-')), []);
});

test('misplaced-key: a pod annotation on the Deployment itself; the fix moves it to the pod template', () => {
  const text = deployment('      labels:\n        app: web\n', undefined, '  labels:\n    sidecar.istio.io/inject: "false"\n');
  const f = only(analyze(text), 'misplaced-key');
  assert.equal(f.severity, 'warning');
  assertAt(f, text, 'sidecar.istio.io/inject');
  const fixed = applyFix(text, f);
  assert.equal(fixed, deployment('      labels:\n        app: web\n        sidecar.istio.io/inject: "false"\n'));
  assert.equal(injectManifest(fixed, injector).documents[0].outcome.kind, 'skipped');
});

test('misplaced-key: not for keys that act on the workload kind itself', () => {
  const text = deployment('      labels: {app: web}\n', undefined, '  labels:\n    gateway.istio.io/managed: istio.io-gateway-controller\n');
  assert.deepEqual(analyze(text).filter((f) => f.code === 'misplaced-key'), []);
});

test('unknown-key: did-you-mean fix by edit distance, keeping the quotes', () => {
  const text = deployment('      annotations:\n        "sidecar.istio.io/proxyCpu": "100m"\n        traffic.sidecar.istio.io/excludeOutbondPorts: "80"\n');
  const findings = analyze(text).filter((f) => f.code === 'unknown-key');
  assert.equal(findings.length, 2);
  assertAt(findings[0], text, '"sidecar.istio.io/proxyCpu"');
  assert.match(findings[0].message, /Did you mean sidecar\.istio\.io\/proxyCPU\?/);
  assert.equal(findings[0].severity, 'warning');
  assert.ok(applyFix(text, findings[0]).includes('        "sidecar.istio.io/proxyCPU": "100m"\n'));
  assert.ok(applyFix(text, findings[1]).includes('        traffic.sidecar.istio.io/excludeOutboundPorts: "80"\n'));
});

test('unknown-key: a label used as an annotation, and an Istio key with nothing close', () => {
  const text = deployment('      annotations:\n        istio.io/dataplane-mode: ambient\n        sidecar.istio.io/completelyMadeUp: x\n');
  const [a, b] = analyze(text).filter((f) => f.code === 'unknown-key');
  assert.match(a.message, /is an Istio label, not an annotation/);
  assert.equal(b.message, 'Istio has no annotation sidecar.istio.io/completelyMadeUp.');
  assert.equal(b.fixes, undefined);
});

test('invalid-value: the core validator\'s texts on the value, and the core fails the same document', () => {
  const cases: [string, string, RegExp][] = [
    ['traffic.sidecar.istio.io/excludeInboundPorts', '"80,abc"', /failed parsing port/],
    ['traffic.sidecar.istio.io/excludeOutboundIPRanges', '"10.0.0.0/33"', /bad bits after slash/],
    ['sidecar.istio.io/proxyMemory', '"lots"', /quantities must match/],
    ['sidecar.istio.io/interceptionMode', 'MAGIC', /interceptionMode invalid, use REDIRECT,TPROXY,NONE: MAGIC/],
    ['prometheus.istio.io/merge-metrics', '"maybe"', /strconv.ParseBool/],
    ['proxy.istio.io/config', '"concurrency: many"', /./],
  ];
  for (const [key, value, pattern] of cases) {
    const text = deployment(`      annotations:\n        ${key}: ${value}\n`);
    const report = injectManifest(text, injector).documents[0];
    assert.equal(report.outcome.kind, 'error', key);
    const f = only(analyze(text), 'invalid-value');
    assert.equal(f.severity, 'error');
    assertAt(f, text, value);
    assert.match(f.message, pattern);
    // proxy.istio.io/config is parsed before validation: the core's parse error is what it reports.
    if (key !== 'proxy.istio.io/config') assert.ok(f.message.startsWith(`invalid value '${JSON.parse(value.startsWith('"') ? value : `"${value}"`)}' for annotation '${key}'`), f.message);
    else assert.match(f.message, /^could not parse proxy config: /);
    assert.ok(report.outcome.kind === 'error' && report.outcome.message.includes(f.message), `${key}: ${f.message}`);
    assert.ok(!analyze(text).some((x) => x.code === 'injection-error'));
  }
});

test('ignored-value: sidecar.istio.io/inject that is neither "true" nor "false"', () => {
  const text = deployment('      labels:\n        sidecar.istio.io/inject: "yes"\n');
  assert.equal(injectManifest(text, injector).documents[0].outcome.kind, 'injected');
  const f = only(analyze(text), 'ignored-value');
  assert.equal(f.severity, 'warning');
  assertAt(f, text, '"yes"');
});

test('non-string-value: an unquoted boolean sidecar.istio.io/inject is ignored by the policy (the core injects); the fix quotes it', () => {
  const text = deployment('      labels:\n        sidecar.istio.io/inject: false\n');
  assert.equal(injectManifest(text, injector).documents[0].outcome.kind, 'injected');
  const findings = analyze(text);
  const f = only(findings, 'non-string-value');
  assert.equal(f.severity, 'warning');
  assertAt(f, text, 'false', 0);
  assert.match(f.message, /ignores it/);
  const fixed = applyFix(text, f);
  assert.ok(fixed.includes('sidecar.istio.io/inject: "false"\n'));
  assert.equal(injectManifest(fixed, injector).documents[0].outcome.kind, 'skipped');
});

test('deprecated-key (tagged) and alpha-key (hint)', () => {
  const text = deployment('      annotations:\n        sidecar.istio.io/inject: "true"\n        sidecar.istio.io/proxyCPU: 100m\n');
  const d = only(analyze(text), 'deprecated-key');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.tags, ['deprecated']);
  assertAt(d, text, 'sidecar.istio.io/inject');
  assert.match(d.message, /use the label/);
  const a = only(analyze(text), 'alpha-key');
  assert.equal(a.severity, 'hint');
  assertAt(a, text, 'sidecar.istio.io/proxyCPU');
});

test('proxy-uid: container runAsUser 1337, or the pod\'s when a container does not set its own', () => {
  const container = deployment('      labels: {app: web}\n', '      containers:\n      - name: app\n        image: nginx\n        securityContext:\n          runAsUser: 1337\n');
  const f = only(analyze(container), 'proxy-uid');
  assert.equal(f.severity, 'warning');
  assertAt(f, container, '1337');
  const pod = deployment('      labels: {app: web}\n', '      securityContext:\n        runAsUser: 1337\n      containers:\n      - name: app\n        image: nginx\n      - name: other\n        image: x\n        securityContext: {runAsUser: 1000}\n');
  const p = only(analyze(pod), 'proxy-uid');
  assertAt(p, pod, '1337');
  assert.match(p.message, /\("app"\)/);
  // An init container as UID 1337 is Istio's documented way to reach the network before the sidecar starts.
  const init = deployment('      labels: {app: web}\n', '      initContainers:\n      - name: fetch\n        image: curl\n        securityContext: {runAsUser: 1337}\n      containers:\n      - name: app\n        image: nginx\n');
  assert.deepEqual(analyze(init).filter((f) => f.code === 'proxy-uid'), []);
});

test('container findings only for pods that get a sidecar', () => {
  const skipped = deployment('      labels:\n        sidecar.istio.io/inject: "false"\n', '      containers:\n      - name: app\n        image: a\n        ports: [{containerPort: 15001}]\n        securityContext: {runAsUser: 1337}\n      - name: istio-proxy\n        image: auto\n');
  assert.deepEqual(analyze(skipped).map((f) => f.code), ['skip-inject-disabled']);
});

test('reserved-port: an application container listening on a sidecar port', () => {
  const text = deployment('      labels: {app: web}\n', '      containers:\n      - name: app\n        image: nginx\n        ports:\n        - containerPort: 8080\n        - containerPort: 15090\n');
  const f = only(analyze(text), 'reserved-port');
  assert.equal(f.severity, 'warning');
  assertAt(f, text, '15090');
  assert.match(f.message, /Prometheus/);
});

test('proxy-container-name: istio-proxy in a pod that is not injected', () => {
  const text = deployment('      labels: {app: web}\n', '      containers:\n      - name: app\n        image: nginx\n      - name: istio-proxy\n        image: auto\n        ports: [{containerPort: 15090}]\n');
  const findings = analyze(text);
  const f = only(findings, 'proxy-container-name');
  assert.equal(f.severity, 'information');
  assertAt(f, text, 'istio-proxy');
  assert.ok(!findings.some((x) => x.code === 'reserved-port'), 'the proxy\'s own ports are not flagged');
  // "merges" is what the core does, with native sidecars off and on: one istio-proxy after injection.
  for (const nativeSidecars of [false, true]) {
    const s = { ...settings, nativeSidecars };
    const inj = createInjector(s);
    assert.match(only(analyzeDocument(text, inj, s), 'proxy-container-name').message, /merges its fields/);
    const spec = (injectManifest(text, inj).documents[0].result as { spec: { template: { spec: Record<string, { name: string }[]> } } }).spec.template.spec;
    const names = [...spec.containers, ...(spec.initContainers ?? [])].map((c) => c.name);
    assert.equal(names.filter((n) => n === 'istio-proxy').length, 1, `native ${nativeSidecars}`);
  }
});

test('already-injected: information on the status annotation of an injected document; the injected containers are not flagged', () => {
  const input = deployment('      labels: {app: web}\n');
  const injected = injectManifest(input, injector).documents[0].istioctl;
  const findings = analyze(injected);
  const f = only(findings, 'already-injected');
  assert.equal(f.severity, 'information');
  assertAt(f, injected, 'sidecar.istio.io/status');
  for (const code of ['proxy-container-name', 'reserved-port', 'proxy-uid', 'alpha-key', 'deprecated-key']) assert.ok(!findings.some((x) => x.code === code), code);
});

test('injection-error: the core\'s error when nothing more precise explains it', () => {
  const text = deployment('      labels: {app: web}\n', '      containers: "nope"\n');
  const report = injectManifest(text, injector).documents[0];
  assert.equal(report.outcome.kind, 'error');
  const f = only(analyze(text), 'injection-error');
  assert.equal(f.severity, 'error');
  assertAt(f, text, 'Deployment');
});

test('every code used has an entry in CODES, and severities follow it', () => {
  const text = deployment('      annotations:\n        sidecar.istio.io/inject: "true"\n        sidecar.istio.io/proxyCpu: "1"\n', '      hostNetwork: false\n      containers:\n      - name: app\n        image: a\n        ports: [{containerPort: 15000}]\n');
  for (const f of analyze(text)) {
    assert.ok(f.code in CODES, f.code);
    assert.equal(f.severity, CODES[f.code as keyof typeof CODES].severity);
  }
});

test('deprecated sidecar.istio.io/inject annotation: the fix makes it a label (same behaviour)', () => {
  const text = deployment('      annotations:\n        sidecar.istio.io/inject: "false"\n        other: x\n');
  const f = only(analyze(text), 'deprecated-key');
  const fixed = applyFix(text, f);
  assert.equal(fixed, deployment('      annotations:\n        other: x\n      labels:\n        sidecar.istio.io/inject: "false"\n'));
  assert.equal(injectManifest(fixed, injector).documents[0].outcome.kind, 'skipped');
  // On the Deployment's own metadata the fix that matters is the move to the pod template, not a label there.
  const own = deployment('      labels: {app: web}\n', undefined, '  annotations:\n    sidecar.istio.io/inject: "false"\n');
  assert.equal(only(analyze(own), 'deprecated-key').fixes, undefined);
  assert.match(only(analyze(own), 'misplaced-key').fixes![0].title, /^Move/);
});

test('misplaced-key: when the pod template already sets the key, the fix removes it from the workload', () => {
  const text = deployment('      labels:\n        sidecar.istio.io/inject: "true"\n', undefined, '  labels:\n    app: web\n    sidecar.istio.io/inject: "false"\n');
  const f = only(analyze(text), 'misplaced-key');
  assert.match(f.fixes![0].title, /^Remove/);
  assert.equal(applyFix(text, f), deployment('      labels:\n        sidecar.istio.io/inject: "true"\n', undefined, '  labels:\n    app: web\n'));
});

test('a List: each item gets its own answer, on its own nodes', () => {
  const text = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: a
    labels: {sidecar.istio.io/inject: "false"}
  spec:
    template:
      metadata: {labels: {app: a}}
      spec:
        hostNetwork: true
        containers: [{name: a, image: a}]
- apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: b}
  spec:
    template:
      metadata: {labels: {app: b}}
      spec:
        containers: [{name: b, image: b, ports: [{containerPort: 15021}]}]
- apiVersion: v1
  kind: Service
  metadata: {name: s}
`;
  const findings = analyze(text);
  assertAt(only(findings, 'skip-host-network'), text, 'true', 0);
  const misplaced = only(findings, 'misplaced-key');
  assertAt(misplaced, text, 'sidecar.istio.io/inject');
  assert.match(applyFix(text, misplaced), /metadata: \{labels: \{app: a, sidecar.istio.io\/inject: "false"\}\}/);
  assertAt(only(findings, 'reserved-port'), text, '15021');
  assert.deepEqual(findings.filter((f) => f.code === 'no-pod-template'), []);
});

test('misplaced-key: pod keys on a Namespace or Service, and namespace/service keys on a pod template', () => {
  const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    sidecar.istio.io/inject: "true"\n';
  const f = only(analyze(ns), 'misplaced-key');
  assertAt(f, ns, 'sidecar.istio.io/inject');
  assert.match(f.message, /does nothing on a Namespace.*istio-injection=enabled/);
  const pod = deployment('      labels:\n        istio-injection: enabled\n        gateway.networking.k8s.io/gateway-name: gw\n      annotations:\n        networking.istio.io/exportTo: "."\n');
  const hits = analyze(pod).filter((x) => x.code === 'misplaced-key');
  assert.deepEqual(hits.map((h) => pod.slice(h.start, h.end)), ['istio-injection', 'networking.istio.io/exportTo']);
  assert.match(hits[1].message, /Istio reads it on Service/);
});
