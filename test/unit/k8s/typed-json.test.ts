import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TypedDecodeError, toTypedJson, typedDecodeError } from '../../../core/src/k8s/typed-json';

const pod = (container: Record<string, unknown>): Record<string, unknown> => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [container] },
});

/** The message toTypedJson throws, or undefined when it encodes. */
function thrown(type: string, value: unknown): string | undefined {
  try {
    toTypedJson(type, value);
    return undefined;
  } catch (e) {
    assert.ok(e instanceof TypedDecodeError);
    return e.message;
  }
}

test('typedDecodeError gives the verdict and message of toTypedJson without building JSON', () => {
  const cases: unknown[] = [
    pod({ name: 'a', image: 'i' }),
    pod({ name: 'a', ports: [{ containerPort: 'http' }] }),
    pod({ name: 'a', resources: { limits: { cpu: 'lots' } } }),
    pod({ name: 'a', env: 'x' }),
    pod({ name: 'a', ports: [{ containerPort: 2 ** 31 }] }),
    { kind: 'Pod', metadata: { creationTimestamp: 'yesterday' } },
    { kind: 'List', items: [{ kind: 'Pod', spec: { containers: 'x' } }, { kind: 'Service', spec: 1 }] },
    { kind: 'Deployment', spec: { template: { spec: { Containers: [{ Name: 'n', IMAGE: ['x'] }] } } } },
    { kind: 'Pod', spec: [] },
  ];
  const roots = ['v1.Pod', 'v1.Pod', 'v1.Pod', 'v1.Pod', 'v1.Pod', 'v1.Pod', 'metav1.List', 'appsv1.Deployment', 'v1.Pod'];
  let errors = 0;
  cases.forEach((value, i) => {
    const expected = thrown(roots[i], value);
    if (expected !== undefined) errors++;
    assert.equal(typedDecodeError(roots[i], value)?.message, expected, `case ${i}`);
  });
  assert.equal(errors, 8, 'all but the first case fail to decode');
  assert.match(typedDecodeError('v1.Pod', cases[1])?.message ?? '', /Pod\.spec\.containers\.ports\.containerPort of type int32/);
  assert.match(typedDecodeError('appsv1.Deployment', cases[7])?.message ?? '', /Deployment\.spec\.template\.spec\.containers\.image of type string/);
});

test('keys match fields case-insensitively; among several, the last in sorted order wins', () => {
  const out = toTypedJson('v1.ContainerPort', { ContainerPort: 1, containerport: 2, NAME: 'x' }) as Record<string, unknown>;
  assert.equal(out.containerPort, 2);
  assert.equal(out.name, 'x');
  assert.equal((toTypedJson('v1.ContainerPort', { containerPort: 1, CONTAINERPORT: 3 }) as Record<string, unknown>).containerPort, 1);
});

test('omitempty follows the decoded value: non-nil pointers stay, empty slices and maps go', () => {
  const out = toTypedJson('v1.Container', {
    name: 'c', args: [], env: null, stdin: false, tty: true, securityContext: { privileged: false, runAsUser: 0 },
  });
  assert.deepEqual(out, { name: 'c', tty: true, resources: {}, securityContext: { privileged: false, runAsUser: 0 } });
});
