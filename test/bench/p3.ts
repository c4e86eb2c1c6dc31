/**
 * P3, the cluster view at scale. `list+model / JSON.parse`: a 10,000-pod PodList as the API server sends it, parsed
 * and loaded into the tree model with every pod node rendered (what expanding that namespace costs), against parsing
 * the same text alone (the floor any client pays). Then the cost of one watch event — parse the line, apply it, render
 * that pod and its namespace — with 1,000 and 10,000 pods loaded: it must not grow with the pod count.
 */
import type { Pod } from '../../client/src/cluster/k8s-json';
import { ClusterModel } from '../../client/src/cluster/tree-model';
import { pod } from '../support/kube-api/fixtures';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function ms(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Medians of `runs` alternating runs of two functions (after a warm-up), so machine load weighs on both alike. */
function alternate(a: () => void, b: () => void, runs = 9): [number, number] {
  a();
  b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(ms(a));
    bs.push(ms(b));
  }
  return [median(as), median(bs)];
}

/** An injected pod as a cluster reports it: app + istio-proxy, istio-init done, labels, annotations, status. */
function meshPod(i: number): Pod {
  const p = pod({
    ns: 'bench', name: `web-${i}`, labels: { app: 'web', 'pod-template-hash': '5d8f7c', 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': 'web' },
    annotations: {
      'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["workload-socket","credential-socket","workload-certs","istio-envoy","istio-data","istio-podinfo","istio-token","istiod-ca-cert"],"imagePullSecrets":null,"revision":"default"}',
      'kubectl.kubernetes.io/default-container': 'web', 'kubectl.kubernetes.io/default-logs-container': 'web', 'prometheus.io/port': '15020', 'prometheus.io/scrape': 'true',
    },
    owner: { kind: 'ReplicaSet', name: 'web-5d8f7c' },
    containers: [{ name: 'web', image: 'nginx:1.27', restarts: i % 3 }, { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.28.0' }],
    initContainers: [{ name: 'istio-init', image: 'docker.io/istio/proxyv2:1.28.0', state: 'terminated:Completed' }],
  }) as unknown as Pod;
  p.metadata.uid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  p.metadata.resourceVersion = String(1000 + i);
  p.metadata.creationTimestamp = '2026-01-01T00:00:00Z';
  return p;
}

function listText(n: number): string {
  const items = Array.from({ length: n }, (_, i) => meshPod(i));
  return JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '99999' }, items });
}

function loadedModel(n: number): ClusterModel {
  const m = new ClusterModel();
  m.setNamespaces([{ metadata: { name: 'bench', labels: { 'istio-injection': 'enabled' } } }]);
  m.setPods('bench', (JSON.parse(listText(n)) as { items: Pod[] }).items);
  return m;
}

/** One batch of 2,000 watch events on varying pods of `m`; returns microseconds per event. */
function eventBatch(m: ClusterModel, lines: string[]): number {
  const batch = 2000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < batch; i++) {
    const e = JSON.parse(lines[i % lines.length]!) as { type: 'MODIFIED'; object: Pod };
    m.applyPod(e.type, e.object, 'bench');
    m.podView('bench', e.object);
    m.namespaceView('bench', true);
  }
  return Number(process.hrtime.bigint() - t0) / 1e3 / batch;
}

function eventLines(n: number): string[] {
  return Array.from({ length: 64 }, (_, k) => {
    const p = meshPod((k * 7919) % n);
    p.status!.containerStatuses![0]!.restartCount = k;
    return JSON.stringify({ type: 'MODIFIED', object: p });
  });
}

/**
 * Microseconds per watch event at 1,000 and at 10,000 pods. Both models stay alive and the batches alternate, so
 * heap size, GC and a busy machine weigh on both sides alike; medians of 15 batches each.
 */
function eventCosts(): [number, number] {
  const small = loadedModel(1_000);
  const large = loadedModel(10_000);
  const smallLines = eventLines(1_000);
  const largeLines = eventLines(10_000);
  const a: number[] = [];
  const b: number[] = [];
  eventBatch(small, smallLines);
  eventBatch(large, largeLines);
  for (let i = 0; i < 15; i++) {
    a.push(eventBatch(small, smallLines));
    b.push(eventBatch(large, largeLines));
  }
  return [median(a), median(b)];
}

export function p3(): string[] {
  const n = 10_000;
  const text = listText(n);
  const [parse, full] = alternate(() => { JSON.parse(text); }, () => {
    const list = JSON.parse(text) as { items: Pod[] };
    const m = new ClusterModel();
    m.setNamespaces([{ metadata: { name: 'bench', labels: { 'istio-injection': 'enabled' } } }]);
    m.setPods('bench', list.items);
    const now = Date.now();
    for (const name of m.podNames('bench')) m.podView('bench', m.pod('bench', name)!, now);
    m.namespaceView('bench', true);
  });
  const [small, large] = eventCosts();
  return [
    `P3 list+model / JSON.parse = ${(full / parse).toFixed(2)}×  (list+model ${full.toFixed(0)} ms, JSON.parse ${parse.toFixed(0)} ms, 10,000 pods, ${(text.length / 1e6).toFixed(1)} MB, target ≤ 2)`,
    `P3 watch event = ${small.toFixed(1)} µs at 1,000 pods, ${large.toFixed(1)} µs at 10,000 pods  (×${(large / small).toFixed(2)}; must not grow with the pod count)`,
  ];
}

if (require.main === module) for (const line of p3()) console.log(line);
