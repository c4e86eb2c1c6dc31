import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTypedByIstioctl, printIstioctl, printIstioctlBody } from '../../../core/src/output/istioctl';
import { TypedDecodeError } from '../../../core/src/k8s/typed-json';

test('a Deployment prints as its Go struct: unknown fields dropped, empty structs written, null for absent required', () => {
  const obj = {
    apiVersion: 'apps/v1', kind: 'Deployment', extra: 'dropped',
    metadata: { name: 'web', labels: { app: 'web', version: 1.10, on: true }, creationTimestamp: null },
    spec: {
      template: {
        metadata: {},
        spec: {
          containers: [{
            name: 'web', image: 'nginx', notAField: 1,
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: { limits: { cpu: 0.5, memory: '1024Mi' }, requests: { cpu: '2000m', memory: 1000 } },
            securityContext: { runAsNonRoot: false, runAsUser: 0 },
            readinessProbe: { httpGet: { port: 'http', path: '/' } },
          }],
          hostNetwork: false,
        },
      },
    },
  };
  assert.equal(printIstioctl(obj), `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
    "on": "true"
    version: "1.1"
  name: web
spec:
  selector: null
  strategy: {}
  template:
    metadata: {}
    spec:
      containers:
      - image: nginx
        name: web
        ports:
        - containerPort: 80
          protocol: TCP
        readinessProbe:
          httpGet:
            path: /
            port: http
        resources:
          limits:
            cpu: 500m
            memory: 1Gi
          requests:
            cpu: "2"
            memory: 1k
        securityContext:
          runAsNonRoot: false
          runAsUser: 0
status: {}
---
`);
});

test('a bare Pod gets containers: null, resources: {} per container, status: {}', () => {
  assert.equal(printIstioctlBody({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }),
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: null\nstatus: {}\n');
  assert.equal(printIstioctlBody({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c' }] } }),
    'apiVersion: v1\nkind: Pod\nmetadata: {}\nspec:\n  containers:\n  - name: c\n    resources: {}\nstatus: {}\n');
});

test('timestamps: zero creationTimestamp omitted, others normalised to UTC seconds', () => {
  const out = printIstioctlBody({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'p', creationTimestamp: '2024-05-06T07:08:09.123+02:00', deletionTimestamp: '2024-05-06T00:00:00Z' },
    spec: { containers: [] },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  });
  assert.match(out, /creationTimestamp: "2024-05-06T05:08:09Z"/);
  assert.match(out, /deletionTimestamp: "2024-05-06T00:00:00Z"/);
  assert.match(out, /- lastProbeTime: null\n {4}lastTransitionTime: null\n {4}status: "True"\n {4}type: Ready/);
});

test('IntOrString keeps ints and strings; int fields reject strings like Go', () => {
  const dep = (strategy: unknown) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
    spec: { selector: { matchLabels: { a: 'b' } }, strategy, template: { spec: { containers: [] } } },
  });
  const out = printIstioctlBody(dep({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } }));
  assert.match(out, /rollingUpdate:\n {6}maxSurge: 1\n {6}maxUnavailable: 25%\n {4}type: RollingUpdate/);
  assert.throws(() => printIstioctl({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', ports: [{ containerPort: '80' }] }] } }),
    (e: unknown) => e instanceof TypedDecodeError && /cannot unmarshal string into Go struct field Pod\.spec\.containers\.ports\.containerPort of type int32/.test(e.message));
  assert.throws(() => printIstioctl({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', resources: { limits: { cpu: 'lots' } } }] } }),
    TypedDecodeError);
});

test('kinds are recognised by kind alone; other documents are echoed raw', () => {
  assert.ok(isTypedByIstioctl({ apiVersion: 'extensions/v1beta1', kind: 'Deployment' }));
  assert.ok(!isTypedByIstioctl({ apiVersion: 'v1', kind: 'Service' }));
  assert.ok(!isTypedByIstioctl({ kind: 42 }));
  const raw = 'kind: Service # keep me\napiVersion: v1\n';
  assert.equal(printIstioctl({ kind: 'Service', apiVersion: 'v1' }, raw), raw + '---\n');
  assert.equal(printIstioctl({ kind: 'Service', apiVersion: 'v1' }), 'apiVersion: v1\nkind: Service\n---\n');
});

test('a List types the items istioctl decodes and keeps the others as plain JSON', () => {
  const list = {
    apiVersion: 'v1', kind: 'List',
    items: [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } },
    ],
  };
  assert.equal(printIstioctlBody(list), `apiVersion: v1
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: s
  spec:
    ports:
    - port: 80
- apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: c
      resources: {}
  status: {}
kind: List
metadata: {}
`);
  assert.equal(printIstioctlBody({ apiVersion: 'v1', kind: 'List' }), 'apiVersion: v1\nitems: null\nkind: List\nmetadata: {}\n');
});

test('OpenShift DeploymentConfig: non-omitempty fields are written', () => {
  const out = printIstioctlBody({ apiVersion: 'apps.openshift.io/v1', kind: 'DeploymentConfig', metadata: { name: 'dc' },
    spec: { replicas: 1, template: { spec: { containers: [{ name: 'c' }] } } } });
  assert.match(out, /spec:\n {2}replicas: 1\n {2}strategy:\n {4}resources: \{\}\n {2}template:/);
  assert.match(out, /test: false\n {2}triggers: null\nstatus:\n {2}availableReplicas: 0\n {2}latestVersion: 0\n {2}observedGeneration: 0\n {2}replicas: 0\n/);
});

test('decoding quirks of Go: case-insensitive keys, null elements, YAML dates in string fields', () => {
  const out = printIstioctlBody({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { Name: 'p', labels: { day: new Date('2024-01-02T00:00:00Z'), empty: null } },
    spec: { containers: [null, { NAME: 'c', Args: ['a', null] }] },
  });
  assert.equal(out, `apiVersion: v1
kind: Pod
metadata:
  labels:
    day: "2024-01-02"
    empty: ""
  name: p
spec:
  containers:
  - name: ""
    resources: {}
  - args:
    - a
    - ""
    name: c
    resources: {}
status: {}
`);
});
