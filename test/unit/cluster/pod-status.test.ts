// kubectl's pod printer cases (READY, STATUS, RESTARTS), native sidecars included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { humanDuration } from '../../../client/src/cluster/duration';
import type { ContainerStatus, Pod } from '../../../client/src/cluster/k8s-json';
import { podStatusColumns, restartsText } from '../../../client/src/cluster/pod-status';

const running = (name: string, ready = true, restarts = 0): ContainerStatus => ({ name, ready, restartCount: restarts, state: { running: {} } });
const waiting = (name: string, reason: string, restarts = 0): ContainerStatus => ({ name, ready: false, restartCount: restarts, state: { waiting: { reason } } });
const terminated = (name: string, t: { reason?: string; exitCode?: number; signal?: number }): ContainerStatus => ({ name, ready: false, restartCount: 0, state: { terminated: t } });

function mk(p: { containers: ContainerStatus[]; inits?: (ContainerStatus & { sidecar?: boolean })[]; phase?: string; reason?: string; deleting?: boolean; conditions?: { type: string; status: string; reason?: string }[] }): Pod {
  return {
    metadata: { name: 'p', ...(p.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    spec: {
      containers: p.containers.map((c) => ({ name: c.name })),
      initContainers: (p.inits ?? []).map((c) => ({ name: c.name, ...(c.sidecar ? { restartPolicy: 'Always' } : {}) })),
    },
    status: {
      phase: p.phase ?? 'Running', ...(p.reason ? { reason: p.reason } : {}), conditions: p.conditions ?? [],
      containerStatuses: p.containers, initContainerStatuses: (p.inits ?? []).map(({ sidecar: _s, ...c }) => c),
    },
  };
}

const cases: [string, Pod, string, string, number][] = [
  ['one of two ready, restarts summed', mk({ containers: [running('a', true, 3), running('b', false, 3)] }), '1/2', 'Running', 6],
  ['waiting reason wins', mk({ containers: [waiting('a', 'ContainerCreating')], phase: 'Pending' }), '0/1', 'ContainerCreating', 0],
  ['CrashLoopBackOff', mk({ containers: [waiting('a', 'CrashLoopBackOff', 5), running('istio-proxy')] }), '1/2', 'CrashLoopBackOff', 5],
  ['terminated reason', mk({ containers: [terminated('a', { reason: 'OOMKilled', exitCode: 137 })] }), '0/1', 'OOMKilled', 0],
  ['terminated by signal, no reason', mk({ containers: [terminated('a', { exitCode: 0, signal: 9 })] }), '0/1', 'Signal:9', 0],
  ['terminated with exit code, no reason', mk({ containers: [terminated('a', { exitCode: 2 })] }), '0/1', 'ExitCode:2', 0],
  ['the first container with a reason wins', mk({ containers: [waiting('a', 'ImagePullBackOff'), waiting('b', 'ErrImagePull')] }), '0/2', 'ImagePullBackOff', 0],
  ['Completed', mk({ containers: [terminated('a', { reason: 'Completed', exitCode: 0 })], phase: 'Succeeded' }), '0/1', 'Completed', 0],
  ['Completed but another container runs and the pod is ready', mk({ containers: [terminated('a', { reason: 'Completed' }), running('b')], conditions: [{ type: 'Ready', status: 'True' }] }), '1/2', 'Running', 0],
  ['Completed but another container runs, pod not ready', mk({ containers: [terminated('a', { reason: 'Completed' }), running('b')] }), '1/2', 'NotReady', 0],
  ['pending without statuses', mk({ containers: [], phase: 'Pending' }), '0/0', 'Pending', 0],
  ['evicted', mk({ containers: [terminated('a', { exitCode: 137, reason: 'Error' })], phase: 'Failed', reason: 'Evicted' }), '0/1', 'Error', 0],
  ['evicted before any container status', { ...mk({ containers: [], phase: 'Failed', reason: 'Evicted' }) }, '0/0', 'Evicted', 0],
  ['Terminating', mk({ containers: [running('a')], deleting: true }), '1/1', 'Terminating', 0],
  ['a succeeded pod being deleted keeps its status', mk({ containers: [terminated('a', { reason: 'Completed' })], phase: 'Succeeded', deleting: true }), '0/1', 'Completed', 0],
  ['node lost', mk({ containers: [running('a')], reason: 'NodeLost', deleting: true }), '1/1', 'Unknown', 0],
  ['node lost, not yet deleted', mk({ containers: [], reason: 'NodeLost', phase: 'Unknown' }), '0/0', 'NodeLost', 0],
  ['scheduling gated', mk({ containers: [], phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), '0/0', 'SchedulingGated', 0],
  ['Init:0/2 while the first init container runs', mk({ containers: [waiting('a', 'PodInitializing')], inits: [running('istio-init', false), waiting('x', 'PodInitializing')], phase: 'Pending' }), '0/1', 'Init:0/2', 0],
  ['Init:1/2 after the first completed', mk({ containers: [waiting('a', 'PodInitializing')], inits: [terminated('istio-init', { reason: 'Completed', exitCode: 0 }), running('x', false)], phase: 'Pending' }), '0/1', 'Init:1/2', 0],
  ['Init:ErrImagePull', mk({ containers: [waiting('a', 'PodInitializing')], inits: [waiting('istio-init', 'ErrImagePull')], phase: 'Pending' }), '0/1', 'Init:ErrImagePull', 0],
  ['Init:CrashLoopBackOff counts init restarts', mk({ containers: [waiting('a', 'PodInitializing', 0)], inits: [waiting('istio-init', 'CrashLoopBackOff', 7)], phase: 'Pending' }), '0/1', 'Init:CrashLoopBackOff', 7],
  ['Init:Error', mk({ containers: [waiting('a', 'PodInitializing')], inits: [terminated('istio-init', { reason: 'Error', exitCode: 1 })], phase: 'Pending' }), '0/1', 'Init:Error', 0],
  ['Init:ExitCode', mk({ containers: [waiting('a', 'PodInitializing')], inits: [terminated('istio-init', { exitCode: 3 })], phase: 'Pending' }), '0/1', 'Init:ExitCode:3', 0],
  ['Init:Signal', mk({ containers: [waiting('a', 'PodInitializing')], inits: [terminated('istio-init', { exitCode: 143, signal: 15 })], phase: 'Pending' }), '0/1', 'Init:Signal:15', 0],
  ['an init container that exited 0 is done, whatever its signal', mk({ containers: [waiting('a', 'PodInitializing')], inits: [terminated('istio-init', { exitCode: 0, signal: 15 }), waiting('b', 'CreateContainerError')], phase: 'Pending' }), '0/1', 'Init:CreateContainerError', 0],
  ['init waiting PodInitializing is Init:i/n', mk({ containers: [waiting('a', 'PodInitializing')], inits: [waiting('istio-init', 'PodInitializing')], phase: 'Pending' }), '0/1', 'Init:0/1', 0],
  ['PodInitializing once init is done', mk({ containers: [waiting('a', 'PodInitializing')], inits: [terminated('istio-init', { reason: 'Completed', exitCode: 0 })], phase: 'Pending' }), '0/1', 'PodInitializing', 0],
  ['native sidecar started and ready counts in READY', mk({ containers: [running('web')], inits: [terminated('istio-init', { reason: 'Completed', exitCode: 0 }), { ...running('istio-proxy'), started: true, sidecar: true }] }), '2/2', 'Running', 0],
  ['native sidecar started, not ready', mk({ containers: [running('web')], inits: [{ ...running('istio-proxy', false), started: true, sidecar: true }] }), '1/2', 'Running', 0],
  ['native sidecar not started yet blocks init', mk({ containers: [waiting('web', 'PodInitializing')], inits: [{ ...running('istio-proxy', false), started: false, sidecar: true }], phase: 'Pending' }), '0/2', 'Init:0/1', 0],
  ['native sidecar restarts count, completed init restarts do not', mk({ containers: [running('web', true, 1)], inits: [{ ...terminated('istio-init', { reason: 'Completed', exitCode: 0 }), restartCount: 4 }, { ...running('istio-proxy', true, 2), started: true, sidecar: true }] }), '2/2', 'Running', 3],
  ['initialized pod whose init container failed later: app readiness counts, the init reason stays', mk({ containers: [running('web')], inits: [terminated('istio-init', { reason: 'Error', exitCode: 1 })], conditions: [{ type: 'Initialized', status: 'True' }] }), '1/1', 'Init:Error', 0],
];

for (const [name, pod, ready, status, restarts] of cases) {
  test(`pod printer: ${name}`, () => {
    const c = podStatusColumns(pod);
    assert.deepEqual([c.readyText, c.status, c.restarts], [ready, status, restarts]);
  });
}

test('RESTARTS shows how long ago the last restart was', () => {
  const now = Date.parse('2026-01-01T01:00:00Z');
  const pod = mk({ containers: [{ ...running('web', true, 3), lastState: { terminated: { finishedAt: '2026-01-01T00:55:00Z', exitCode: 1 } } }] });
  assert.equal(restartsText(podStatusColumns(pod), now, humanDuration), '3 (5m ago)');
  assert.equal(restartsText(podStatusColumns(mk({ containers: [running('web', true, 2)] })), now, humanDuration), '2');
});

test('humanDuration matches apimachinery', () => {
  const s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;
  const rows: [number, string][] = [[-5 * s, '<invalid>'], [0, '0s'], [119 * s, '119s'], [2 * m, '2m'], [5 * m + 3 * s, '5m3s'], [30 * m, '30m'],
    [3 * h, '3h'], [3 * h + 5 * m, '3h5m'], [47 * h, '47h'], [2 * d + 4 * h, '2d4h'], [3 * d, '3d'], [400 * d, '400d'], [2 * 365 * d + 30 * d, '2y30d'], [9 * 365 * d, '9y']];
  for (const [ms, want] of rows) assert.equal(humanDuration(ms), want, String(ms));
});
