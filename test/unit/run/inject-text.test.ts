import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { builtinSettings, createInjector, injectText, printIstioctl } from '../../../core/src/index';

const TEXT = `apiVersion: v1
kind: Service   # stays as it is
metadata: {name: web}
spec:
  ports: [{port: 80}]
---
# the app
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: node-agent
spec:
  hostNetwork: true
  containers:
  - name: agent
    image: agent
`;

test('per document: identity, outcome, minimal edits and new text; both outputs agree', () => {
  const r = injectText(TEXT, createInjector(builtinSettings()));
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.documents.map((d) => [d.kind, d.name, d.outcome.kind]), [
    ['Service', 'web', 'unchanged'], ['Deployment', 'web', 'injected'], ['Pod', 'node-agent', 'skipped'],
  ]);
  const [service, deployment, pod] = r.documents;
  assert.deepEqual(service.edits, []);
  assert.equal(service.newText, TEXT.slice(service.start, service.end));
  assert.match(pod.warnings[0], /host networking enabled/);
  assert.deepEqual(pod.edits, []);
  for (const e of deployment.edits) assert.ok(e.start >= deployment.start && e.end <= deployment.end, 'edits stay in their document');
  assert.ok(deployment.newText.startsWith('# the app\napiVersion: apps/v1\n'));
  // The preserved text reads back as exactly what istioctl prints.
  const preservedDocs = parseAllDocuments(r.preserved as string).map((d) => d.toJS() as Record<string, unknown>);
  assert.equal(printIstioctl(preservedDocs[1]), deployment.istioctlText + '---\n');
  assert.ok((r.istioctl as string).startsWith(TEXT.slice(service.start, service.end) + '---\n'), 'unknown kinds echoed byte for byte');
});

test('an error anywhere means no output at all', () => {
  const r = injectText(TEXT + '---\napiVersion: v1\nkind: Pod\nspec: [\n', createInjector(builtinSettings()));
  assert.equal(r.istioctl, undefined);
  assert.equal(r.preserved, undefined);
  assert.match(r.errors[0], /^document 4, line \d+: /);
});

test('empty documents and comment-only chunks pass through', () => {
  const r = injectText('---\n# nothing here\n---\n', createInjector(builtinSettings()));
  assert.deepEqual(r.errors, []);
  assert.equal(r.istioctl, '# nothing here\n---\n');
  assert.equal(r.documents[0].outcome.kind, 'unchanged');
});

test('a ReplicationController without a pod template is an error, as in istioctl', () => {
  const r = injectText('apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec: {replicas: 1}\n', createInjector(builtinSettings()));
  assert.match(r.errors[0], /spec\.template is required value/);
});
