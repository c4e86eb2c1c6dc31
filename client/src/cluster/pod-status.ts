// READY, STATUS and RESTARTS of a pod exactly as `kubectl get pods` prints them (the API server's pod printer):
// restartable init containers (native sidecars) count in READY; a failing or pending init container shows as
// `Init:…`; the last app container with a waiting/terminated reason names the status; a deleted pod is
// `Terminating` (or `Unknown` when its node was lost).
import type { ContainerState, Pod } from './k8s-json';

/** The kubectl columns of one pod. */
export interface PodStatusColumns {
  ready: number;
  total: number;
  /** `ready/total`, the READY column. */
  readyText: string;
  /** The STATUS column. */
  status: string;
  restarts: number;
  /** Time of the latest restart counted in `restarts`, if known (for kubectl's `3 (5m ago)`). */
  lastRestart?: number;
}

const time = (t: string | undefined): number => (t ? Date.parse(t) : 0);
const lastTerminated = (s: { lastState?: ContainerState }) => time(s.lastState?.terminated?.finishedAt);

/** Computes kubectl's READY/STATUS/RESTARTS for a pod. */
export function podStatusColumns(pod: Pod): PodStatusColumns {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const initSpecs = spec.initContainers ?? [];
  const restartable: string[] = [];
  for (const c of initSpecs) if (c.restartPolicy === 'Always') restartable.push(c.name);
  const total = (spec.containers ?? []).length + restartable.length;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let sidecarRestarts = 0;
  let sidecarLastRestart = 0;

  let reason = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    restarts += c.restartCount ?? 0;
    lastRestart = Math.max(lastRestart, lastTerminated(c));
    const isSidecar = restartable.includes(c.name);
    if (isSidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      sidecarLastRestart = Math.max(sidecarLastRestart, lastTerminated(c));
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (isSidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = sidecarLastRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Backwards, so the first container with a reason wins, as kubectl's loop does.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      lastRestart = Math.max(lastRestart, lastTerminated(c));
      const term = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';

  return { ready, total, readyText: `${ready}/${total}`, status: reason, restarts, ...(lastRestart ? { lastRestart } : {}) };
}

/** The RESTARTS column: `3`, or `3 (5m ago)` when the last restart time is known. */
export function restartsText(cols: PodStatusColumns, now: number, since: (ms: number) => string): string {
  return cols.restarts !== 0 && cols.lastRestart ? `${cols.restarts} (${since(now - cols.lastRestart)} ago)` : String(cols.restarts);
}
