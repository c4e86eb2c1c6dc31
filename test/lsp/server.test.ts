import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { createInjector } from '../../core/src/inject';
import { builtinSettings } from '../../core/src/config/sources';
import { injectText } from '../../core/src/run/inject-text';
import { splitYamlStream } from '../../core/src/manifest/split';
import { applyWorkspaceEdit, positionOf, startTestServer } from './harness';
import { BROKEN, DEPLOYMENT, HOST_NETWORK, NOT_KUBERNETES, SERVICE, stream } from './fixtures';

const URI = 'file:///work/app.yaml';
const injector = createInjector(builtinSettings());

/** Offset of the n-th chunk's start in `text`. */
function chunkStart(text: string, n: number): number {
  return splitYamlStream(text).chunks[n]!.start;
}

function byCode(diags: Diagnostic[], code: string): Diagnostic[] {
  return diags.filter((d) => d.code === code);
}

test('initialize announces incremental sync, code actions, hover and completion', async () => {
  const s = startTestServer();
  try {
    const result = await s.initialize();
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(result.capabilities.codeActionProvider);
    assert.equal(result.capabilities.hoverProvider, true);
    assert.ok(result.capabilities.completionProvider);
  } finally {
    await s.close();
  }
});

test('a multi-document file: each document gets its own answer, at its own place', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const text = stream(DEPLOYMENT, SERVICE, HOST_NETWORK, NOT_KUBERNETES, BROKEN);
    const published = s.diagnostics(URI, 1);
    s.open(URI, text);
    const diags = await published;
    for (const d of diags) assert.equal(d.source, 'istio-inject');
    // The Deployment and the non-Kubernetes YAML say nothing.
    const ranges = diags.map((d) => d.range.start.line);
    const deploymentLines = DEPLOYMENT.split('\n').length - 1;
    assert.ok(ranges.every((l) => l >= deploymentLines), 'nothing on the injectable Deployment');

    const service = chunkStart(text, 1);
    const kindAt = text.indexOf('Service', service);
    const [noTemplate] = byCode(diags, 'no-pod-template');
    assert.ok(noTemplate, 'the Service gets a no-pod-template diagnostic');
    assert.deepEqual(noTemplate.range, { start: positionOf(text, kindAt), end: positionOf(text, kindAt + 'Service'.length) });
    assert.equal(noTemplate.severity, 3);

    const hostNetwork = text.indexOf('true', chunkStart(text, 2));
    const [skipped] = byCode(diags, 'skip-host-network');
    assert.ok(skipped, 'the hostNetwork pod is skipped');
    assert.deepEqual(skipped.range, { start: positionOf(text, hostNetwork), end: positionOf(text, hostNetwork + 4) });
    assert.equal(skipped.severity, 2);
    assert.match(String(skipped.message), /host network/);

    const notK8s = chunkStart(text, 3);
    const notK8sEnd = chunkStart(text, 4);
    assert.ok(!diags.some((d) => {
      const line = d.range.start.line;
      return line >= positionOf(text, notK8s).line && line < positionOf(text, notK8sEnd).line;
    }), 'no noise on non-Kubernetes YAML');

    const broken = chunkStart(text, 4);
    const errors = diags.filter((d) => d.severity === 1);
    assert.deepEqual(errors.map((d) => d.code), ['yaml-syntax'], 'one concise parse diagnostic for the broken document');
    assert.ok(errors[0]!.range.start.line >= positionOf(text, broken).line);
  } finally {
    await s.close();
  }
});

test('code actions: inject the workload at the cursor, the whole file, preview; edits equal the core output', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const text = stream(SERVICE, DEPLOYMENT, HOST_NETWORK, DEPLOYMENT.replaceAll('web', 'api'));
    const published = s.diagnostics(URI, 1);
    s.open(URI, text);
    await published;
    const at = positionOf(text, chunkStart(text, 1) + 5);
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: at, end: at }, context: { diagnostics: [] },
    });
    const inject = actions.find((a) => a.title === 'Inject Istio sidecar');
    assert.ok(inject, 'inject offered on the Deployment');
    assert.equal(inject.kind, 'refactor.rewrite');
    const injectedOne = applyWorkspaceEdit(text, URI, inject.edit);
    const core = injectText(text, injector);
    assert.deepEqual(core.errors, []);
    // Only the Deployment under the cursor changes, exactly as the core edits it.
    const expectedOne = applyWorkspaceEdit(text, URI, { changes: { [URI]: core.documents[1]!.edits.map((e) => ({
      range: { start: positionOf(text, e.start), end: positionOf(text, e.end) }, newText: e.newText,
    })) } });
    assert.equal(injectedOne, expectedOne);
    assert.notEqual(injectedOne, text);
    assert.ok(injectedOne.endsWith(DEPLOYMENT.replaceAll('web', 'api')), 'the other Deployment is untouched');

    const all = actions.find((a) => a.title === 'Inject Istio sidecars in this file');
    assert.ok(all);
    assert.equal(all.kind, 'source.istioInject.injectFile');
    assert.equal(applyWorkspaceEdit(text, URI, all.edit), core.preserved);

    const previewAction = actions.find((a) => a.title === 'Preview injection');
    assert.equal(previewAction?.command?.command, 'istioInject.previewInjection');
    assert.deepEqual(previewAction?.command?.arguments, [URI, { start: at, end: at }]);

    // Nothing to inject on the Service.
    const onService = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] },
    });
    assert.ok(!onService.some((a) => a.title === 'Inject Istio sidecar'));

    // `only` filters by kind.
    const sources = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: at, end: at }, context: { diagnostics: [], only: ['source'] },
    });
    assert.deepEqual(sources.map((a) => a.title), ['Inject Istio sidecars in this file']);
  } finally {
    await s.close();
  }
});

test('remove: injecting then removing gives back the original bytes', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const original = stream(SERVICE, DEPLOYMENT);
    const injected = injectText(original, injector).preserved!;
    const published = s.diagnostics(URI, 1);
    s.open(URI, injected);
    await published;
    const at = positionOf(injected, chunkStart(injected, 1) + 3);
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: at, end: at }, context: { diagnostics: [] },
    });
    const remove = actions.find((a) => a.title === 'Remove Istio sidecar');
    assert.ok(remove, `remove offered; got ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(applyWorkspaceEdit(injected, URI, remove.edit), original);
    // Nothing to remove from a document that was never injected.
    const onService = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] },
    });
    assert.ok(!onService.some((a) => a.title === 'Remove Istio sidecar'));
  } finally {
    await s.close();
  }
});

test('preview and explain requests', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const text = stream(SERVICE, DEPLOYMENT, HOST_NETWORK);
    const published = s.diagnostics(URI, 1);
    s.open(URI, text);
    await published;
    const whole = await s.client.sendRequest<{ original: string; injected: string; summary: string }>('istioInject/preview', { uri: URI });
    assert.equal(whole.original, text);
    assert.equal(whole.injected, injectText(text, injector).preserved);
    assert.equal(whole.summary, '1 workload injected, 1 skipped');
    const onService = await s.client.sendRequest<{ injected: string; summary: string }>('istioInject/preview', {
      uri: URI, range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } },
    });
    assert.equal(onService.injected, text);
    assert.equal(onService.summary, '0 workloads injected');

    const deployment = positionOf(text, chunkStart(text, 1) + 3);
    const explained = await s.client.sendRequest<string>('istioInject/explain', { uri: URI, position: deployment });
    assert.match(explained, /\*\*Deployment `web`\*\*: the sidecar is injected/);
    assert.match(explained, /Containers after injection: `web`, `istio-proxy`/);
    assert.match(explained, /Init containers: `istio-init`/);
    const pod = positionOf(text, chunkStart(text, 2) + 3);
    assert.match(await s.client.sendRequest<string>('istioInject/explain', { uri: URI, position: pod }), /skips it: host networking is enabled/);
    assert.equal(await s.client.sendRequest<string>('istioInject/explain', { uri: 'file:///nope.yaml', position: pod }), '');
    const service = await s.client.sendRequest<string>('istioInject/explain', { uri: URI, position: { line: 1, character: 2 } });
    assert.match(service, /^\*\*Service `web`\*\*: kube-inject leaves it unchanged: Service has no pod template/);
  } finally {
    await s.close();
  }
});

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`;

test('quick fixes come from the diagnostic data; the related inject action carries the diagnostics', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const withPort = DEPLOYMENT.replace('containerPort: 8080', 'containerPort: 15001');
    const text = stream(NAMESPACE, withPort);
    const published = s.diagnostics(URI, 1);
    s.open(URI, text);
    const diags = await published;
    assert.deepEqual(diags.map((d) => d.code), ['namespace-injection', 'reserved-port']);
    const [ns, port] = diags as [Diagnostic, Diagnostic];
    const fixes = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: ns.range, context: { diagnostics: [ns] },
    });
    const addLabel = fixes.find((a) => a.kind === 'quickfix');
    assert.ok(addLabel);
    assert.equal(addLabel.isPreferred, true);
    assert.deepEqual(addLabel.diagnostics, [ns]);
    assert.equal(applyWorkspaceEdit(text, URI, addLabel.edit), stream(`${NAMESPACE}  labels:\n    istio-injection: enabled\n`, withPort));

    const onPort = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: port.range, context: { diagnostics: [port] },
    });
    const inject = onPort.find((a) => a.title === 'Inject Istio sidecar');
    assert.deepEqual(inject?.diagnostics, [port]);

    // After an edit, the old diagnostic's fixes are not applied to the new text.
    const next = s.diagnostics(URI, 2);
    void s.client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: `# moved\n${text}` }] });
    await next;
    const stale = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: ns.range, context: { diagnostics: [ns] },
    });
    assert.ok(!stale.some((a) => a.kind === 'quickfix'));
  } finally {
    await s.close();
  }
});

test('hover and completion: offsets converted per document, ranges in the file', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    sidecar.istio.io/inject: "true"
    sidecar.istio.io/
spec:
  containers:
  - name: app
    image: app
`;
    // The hover is in a valid document; the completion in a document being typed (not valid YAML yet).
    const text = stream(SERVICE, pod.replace('    sidecar.istio.io/\n', ''), pod);
    const published = s.diagnostics(URI, 1);
    s.open(URI, text);
    await published;
    const key = text.indexOf('sidecar.istio.io/inject');
    const hover = await s.client.sendRequest<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', {
      textDocument: { uri: URI }, position: positionOf(text, key + 3),
    });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /sidecar\.istio\.io\/inject/);
    assert.deepEqual(hover.range, { start: positionOf(text, key), end: positionOf(text, key + 'sidecar.istio.io/inject'.length) });

    const partial = text.indexOf('sidecar.istio.io/\n') + 'sidecar.istio.io/'.length;
    const items = await s.client.sendRequest<{ label: string; textEdit: { range: { start: unknown; end: unknown } } }[]>('textDocument/completion', {
      textDocument: { uri: URI }, position: positionOf(text, partial),
    });
    const proxyCpu = items.find((i) => i.label === 'sidecar.istio.io/proxyCPU');
    assert.ok(proxyCpu, `completes Istio annotation keys; got ${items.slice(0, 5).map((i) => i.label).join(', ')}`);
    assert.deepEqual(proxyCpu.textEdit.range.end, positionOf(text, partial));
  } finally {
    await s.close();
  }
});

test('with resolve support, the file action gets its edit on codeAction/resolve', async () => {
  const s = startTestServer();
  try {
    await s.initialize(undefined, { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
    const text = stream(SERVICE, DEPLOYMENT, NOT_KUBERNETES);
    const published = s.diagnostics(URI, 1);
    s.open(URI, text);
    await published;
    const at = { line: 0, character: 0 };
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: { start: at, end: at }, context: { diagnostics: [], only: ['source'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.edit, undefined);
    const resolved = await s.client.sendRequest<CodeAction>('codeAction/resolve', actions[0]);
    assert.equal(applyWorkspaceEdit(text, URI, resolved.edit), injectText(text, injector).preserved);

    // A file with nothing injection reads gets no file action.
    const other = 'file:///work/other.yaml';
    const otherPublished = s.diagnostics(other, 1);
    s.open(other, stream(SERVICE, NOT_KUBERNETES));
    await otherPublished;
    assert.deepEqual(await s.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: other }, range: { start: at, end: at }, context: { diagnostics: [], only: ['source'] },
    }), []);
  } finally {
    await s.close();
  }
});

test('explain lists the containers of each injected item of a List', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const indent = (doc: string) => doc.trimEnd().split('\n').map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n');
    const list = `apiVersion: v1\nkind: List\nitems:\n${indent(DEPLOYMENT)}\n${indent(DEPLOYMENT.replaceAll('web', 'api'))}\n`;
    const published = s.diagnostics(URI, 1);
    s.open(URI, list);
    await published;
    const explained = await s.client.sendRequest<string>('istioInject/explain', { uri: URI, position: { line: 1, character: 0 } });
    assert.match(explained, /^\*\*List\*\*: the sidecar is injected/);
    assert.match(explained, /Deployment `web`: Containers after injection: `web`, `istio-proxy`/);
    assert.match(explained, /Deployment `api`: Containers after injection: `api`, `istio-proxy`/);
  } finally {
    await s.close();
  }
});

test('tags and "did you mean" fixes, shifted into a later document of the file', async () => {
  const s = startTestServer();
  try {
    await s.initialize();
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    sidecar.istio.io/inject: "true"
    sidecar.istio.io/proxyCPUU: 100m
spec:
  containers:
  - name: app
    image: app
`;
    const text = stream(DEPLOYMENT, pod);
    const published = s.diagnostics(URI, 1);
    s.open(URI, text);
    const diags = await published;
    assert.deepEqual(diags.map((d) => [d.code, d.severity, d.tags]), [['deprecated-key', 2, [2]], ['unknown-key', 2, undefined]]);
    const typo = text.indexOf('sidecar.istio.io/proxyCPUU');
    assert.deepEqual(diags[1]!.range, { start: positionOf(text, typo), end: positionOf(text, typo + 'sidecar.istio.io/proxyCPUU'.length) });
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI }, range: diags[1]!.range, context: { diagnostics: [diags[1]] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix');
    assert.equal(fix?.title, 'Change to sidecar.istio.io/proxyCPU');
    assert.equal(applyWorkspaceEdit(text, URI, fix?.edit), text.replace('proxyCPUU', 'proxyCPU'));

    // Turning a code off, or changing its severity, works per code.
    const again = s.diagnostics(URI, 1);
    await s.client.sendNotification('workspace/didChangeConfiguration', {
      settings: { istioInject: { diagnostics: { 'deprecated-key': 'off', 'unknown-key': 'error' } } },
    });
    assert.deepEqual((await again).map((d) => [d.code, d.severity]), [['unknown-key', 1]]);
  } finally {
    await s.close();
  }
});
