/**
 * Strategic merge patch on pods with the real Kubernetes schema, in the ways Istio's injector uses it: the rendered
 * template applied to the pod, and user containers re-applied over the result.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { strategicMerge } from '../../../core/src/merge';

const mergePod = (original: string, patch: string): unknown => strategicMerge(parse(original), parse(patch), 'v1.Pod');

function check(original: string, patch: string, expected: string): void {
  assert.deepEqual(mergePod(original, patch), parse(expected));
}

const names = (list: unknown): unknown[] => (list as { name: unknown }[]).map((c) => c.name);

test('a sidecar template lands ahead of the pod\'s own containers, init containers and volumes', () => {
  const pod = parse(`
metadata: {creationTimestamp: null, labels: {app: hello}}
spec:
  containers: [{name: hello, image: hello:1, resources: {}}]
  initContainers: [{name: init-one, image: busybox}, {name: init-two, image: busybox}]
  volumes: [{name: data, emptyDir: {}}]
status: {}`);
  const template = parse(`
metadata: {annotations: {sidecar.istio.io/status: x}}
spec:
  initContainers:
  - {name: istio-init, image: proxyv2}
  - {name: istio-proxy, image: proxyv2, restartPolicy: Always}
  containers: []
  volumes: [{name: istio-envoy, emptyDir: {medium: Memory}}, {name: istio-data, emptyDir: {}}]`);
  const merged = strategicMerge(pod, template, 'v1.Pod') as { spec: Record<string, unknown>; metadata: unknown };
  assert.deepEqual(names(merged.spec.initContainers), ['istio-init', 'istio-proxy', 'init-one', 'init-two']);
  assert.deepEqual(names(merged.spec.containers), ['hello']);
  assert.deepEqual(names(merged.spec.volumes), ['istio-envoy', 'istio-data', 'data']);
  assert.deepEqual(merged.metadata, { creationTimestamp: null, labels: { app: 'hello' }, annotations: { 'sidecar.istio.io/status': 'x' } });

  const nonNative = strategicMerge(pod, parse('spec: {containers: [{name: istio-proxy, image: proxyv2}]}'), 'v1.Pod') as { spec: Record<string, unknown> };
  assert.deepEqual(names(nonNative.spec.containers), ['istio-proxy', 'hello']);
});

test('the first template is applied over an empty typed pod, whose null containers it replaces', () => {
  check('{metadata: {creationTimestamp: null}, spec: {containers: null}, status: {}}',
    '{spec: {containers: [{name: istio-proxy, image: p, resources: {limits: null, requests: {cpu: 10m}}}]}}',
    '{metadata: {creationTimestamp: null}, spec: {containers: [{name: istio-proxy, image: p, resources: {requests: {cpu: 10m}}}]}, status: {}}');
});

test('a container the pod already has is merged field by field: env by name, ports by containerPort, mounts by path', () => {
  const merged = mergePod(`
spec:
  containers:
  - name: istio-proxy
    image: auto
    args: [user]
    env: [{name: A, value: user}, {name: USER_ONLY, value: u}]
    ports: [{containerPort: 15090, name: user-prom}, {containerPort: 9000}]
    volumeMounts: [{mountPath: /etc/user, name: user-vol}, {mountPath: /var/run/secrets, name: user-secret}]
    securityContext: {runAsUser: 1000, privileged: true}
    resources: {limits: {cpu: "2"}}`, `
spec:
  containers:
  - name: istio-proxy
    image: proxyv2
    args: [proxy, sidecar]
    env: [{name: A, value: template}, {name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
    ports: [{containerPort: 15090, protocol: TCP, name: http-envoy-prom}]
    volumeMounts: [{mountPath: /var/run/secrets, name: istio-token, readOnly: true}]
    securityContext: {runAsUser: 1337, runAsNonRoot: true}
    resources: {limits: {memory: 1Gi}, requests: {cpu: 100m}}`);
  assert.deepEqual(merged, parse(`
spec:
  containers:
  - name: istio-proxy
    image: proxyv2
    args: [proxy, sidecar]
    env: [{name: A, value: template}, {name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}}}, {name: USER_ONLY, value: u}]
    ports: [{containerPort: 15090, name: http-envoy-prom, protocol: TCP}, {containerPort: 9000}]
    volumeMounts: [{mountPath: /etc/user, name: user-vol}, {mountPath: /var/run/secrets, name: istio-token, readOnly: true}]
    securityContext: {runAsUser: 1337, privileged: true, runAsNonRoot: true}
    resources: {limits: {cpu: "2", memory: 1Gi}, requests: {cpu: 100m}}`));
});

test('re-applying a user container (Istio\'s applyContainer overlay) leaves the other containers and lists alone', () => {
  const injected = `
metadata: {creationTimestamp: null, annotations: {a: b}}
spec:
  containers:
  - {name: app, image: app}
  - {name: istio-proxy, image: proxyv2, env: [{name: A, value: template}]}
  initContainers: [{name: istio-init, image: proxyv2}]`;
  // json.Marshal of corev1.Pod{Spec: {Containers: [c]}}: metadata carries creationTimestamp null, status is {}
  check(injected,
    '{metadata: {creationTimestamp: null}, spec: {containers: [{name: istio-proxy, image: "", env: [{name: A, value: user}], resources: {}}]}, status: {}}', `
metadata: {annotations: {a: b}}
spec:
  containers:
  - {name: app, image: app}
  - {name: istio-proxy, image: "", env: [{name: A, value: user}], resources: {}}
  initContainers: [{name: istio-init, image: proxyv2}]
status: {}`);
  // applyInitContainer sends `containers: []`, which must not clear the containers
  check(injected,
    '{spec: {containers: [], initContainers: [{name: istio-init, image: custom}]}}', `
metadata: {creationTimestamp: null, annotations: {a: b}}
spec:
  containers:
  - {name: app, image: app}
  - {name: istio-proxy, image: proxyv2, env: [{name: A, value: template}]}
  initContainers: [{name: istio-init, image: custom}]`);
});

test('pod list fields follow their tags: tolerations and args replace, imagePullSecrets merge, finalizers union', () => {
  check(`
metadata: {finalizers: [a, b]}
spec:
  tolerations: [{key: k1, operator: Exists}]
  imagePullSecrets: [{name: user-secret}]
  containers: [{name: app, command: [sh], args: [-c, run]}]`, `
metadata: {finalizers: [c, a]}
spec:
  tolerations: [{key: k2, operator: Exists}]
  imagePullSecrets: [{name: istio-secret}]
  containers: [{name: app, args: [other]}]`, `
metadata: {finalizers: [c, a, b]}
spec:
  tolerations: [{key: k2, operator: Exists}]
  imagePullSecrets: [{name: istio-secret}, {name: user-secret}]
  containers: [{name: app, command: [sh], args: [other]}]`);
});

test('volumes merge by name (retainKeys applies only with the directive)', () => {
  check('{spec: {volumes: [{name: v, emptyDir: {}}]}}', '{spec: {volumes: [{name: v, secret: {secretName: s}}]}}',
    '{spec: {volumes: [{name: v, emptyDir: {}, secret: {secretName: s}}]}}');
  check('{spec: {volumes: [{name: v, emptyDir: {}}]}}', '{spec: {volumes: [{name: v, $retainKeys: [name, secret], secret: {secretName: s}}]}}',
    '{spec: {volumes: [{name: v, secret: {secretName: s}}]}}');
});

test('directives work on pod fields: delete a container, an env var, replace the security context', () => {
  check(`
spec:
  securityContext: {runAsUser: 1, fsGroup: 2}
  containers:
  - {name: app, env: [{name: A, value: a}, {name: B, value: b}]}
  - {name: old}`, `
spec:
  securityContext: {$patch: replace, runAsUser: 3}
  containers:
  - {name: old, $patch: delete}
  - {name: app, env: [{name: A, $patch: delete}]}`, `
spec:
  securityContext: {runAsUser: 3}
  containers:
  - {name: app, env: [{name: B, value: b}]}`);
});

test('invalid patches fail with apimachinery\'s messages', () => {
  assert.throws(() => mergePod('{spec: {containers: [{name: app}]}}', '{spec: {containers: [{image: x}]}}'),
    { message: 'map: map[image:x] does not contain declared merge key: name' });
  assert.throws(() => mergePod('{spec: {containers: [{name: app, ports: [{containerPort: 80}]}]}}', '{spec: {containers: [{name: app, ports: [{name: http}]}]}}'),
    { message: 'map: map[name:http] does not contain declared merge key: containerPort' });
  assert.throws(() => mergePod('{spec: {bogus: {a: 1}}}', '{spec: {bogus: {a: 2}}}'),
    { message: 'unable to find api field in struct PodSpec for the json field "bogus"' });
  assert.throws(() => strategicMerge({}, {}, 'v1.NoSuchThing'), /unknown root type v1\.NoSuchThing/);
});

test('other root types resolve their own tags (Deployment strategy, pod template)', () => {
  const merged = strategicMerge(
    parse('{spec: {strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}, template: {spec: {containers: [{name: app}]}}}}'),
    parse('{spec: {strategy: {$retainKeys: [type], type: Recreate}, template: {spec: {containers: [{name: sidecar}]}}}}'),
    'appsv1.Deployment');
  assert.deepEqual(merged, parse('{spec: {strategy: {type: Recreate}, template: {spec: {containers: [{name: sidecar}, {name: app}]}}}}'));
});
