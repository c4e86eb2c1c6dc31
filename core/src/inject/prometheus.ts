/**
 * Prometheus metrics merging: the app's prometheus.io annotations move into an env var of istio-proxy and the
 * annotations are pointed at the agent, which serves merged app + Envoy metrics.
 */
import { AS_BUILT, goJsonMarshal } from '../go/json';
import { quoteGo } from '../go/quote';
import { atoi, parseBool } from '../go/strconv';
import { JsonObject, isObject } from './json-access';
import { PodJson, ensureAnnotations, findSidecar } from './pod';

export const PROMETHEUS_ANNOTATIONS_ENV = 'ISTIO_PROMETHEUS_ANNOTATIONS';
export const MERGE_METRICS_ANNOTATION = 'prometheus.istio.io/merge-metrics';
const SECURE_PORT_ANNOTATION = 'prometheus.istio.io/secure-port';

const SCRAPE = 'prometheus_io_scrape';
const PORT = 'prometheus_io_port';
const PATH = 'prometheus_io_path';
const SCRAPE_TARGETS = 'prometheus_istio_io_scrape_targets';
const SECURE_PORT = 'prometheus_istio_io_secure_port';

/** Ports the sidecar owns, with the reason shown in errors. */
const ISTIO_RESERVED_PORTS: Record<string, string> = {
  '15000': 'Envoy admin',
  '15001': 'outbound traffic capture',
  '15004': 'pilot debug',
  '15006': 'inbound traffic capture',
  '15008': 'HBONE tunnel',
  '15020': 'pilot-agent status / merged Prometheus',
  '15021': 'Envoy health',
  '15053': 'DNS proxy',
  '15090': 'Envoy Prometheus (already merged)',
};

/** Prometheus treats `prometheus.io/scrape`, `prometheus-io/scrape` … alike: compare names after this mapping. */
export function sanitizeLabelName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}

function stringEntries(pod: PodJson): [string, string][] {
  const a = pod.metadata.annotations;
  if (!isObject(a)) return [];
  return Object.entries(a).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** Whether merging applies: the annotation when it parses, else mesh `enablePrometheusMerge`, else on. */
export function enablePrometheusMerge(mesh: JsonObject, annotations: Record<string, string>): boolean {
  const v = annotations[MERGE_METRICS_ANNOTATION];
  if (v !== undefined) {
    const b = parseBool(v);
    if (b !== undefined) return b;
  }
  const m = mesh.enablePrometheusMerge;
  if (typeof m === 'boolean') return m;
  if (isObject(m) && typeof m.value === 'boolean') return m.value;
  return true;
}

/** Whether the pod wants scraping (any scrape annotation that parses as a boolean decides; default yes). */
function wantsScrape(pod: PodJson): boolean {
  for (const [k, v] of stringEntries(pod)) {
    if (sanitizeLabelName(k) !== SCRAPE) continue;
    const b = parseBool(v);
    if (b !== undefined) return b;
  }
  return true;
}

export function prometheusPort(pod: PodJson): string | undefined {
  for (const [k, v] of stringEntries(pod)) if (sanitizeLabelName(k) === PORT) return v;
  return undefined;
}

export function clearPrometheusAnnotations(pod: PodJson): void {
  const a = pod.metadata.annotations;
  if (!isObject(a)) return;
  for (const k of Object.keys(a)) {
    const s = sanitizeLabelName(k);
    if (s === SCRAPE || s === PORT || s === PATH || s === SCRAPE_TARGETS) delete a[k];
  }
}

interface ScrapeConfig {
  scrape: string;
  path: string;
  port: string;
  targets?: { port: string; path: string }[];
}

function parseScrapeTargets(raw: string): { port: string; path: string }[] | undefined {
  const out: { port: string; path: string }[] = [];
  for (let entry of raw.split(',')) {
    entry = entry.trim();
    if (entry === '') continue;
    const colon = entry.indexOf(':');
    const port = (colon < 0 ? entry : entry.slice(0, colon)).trim();
    if (port === '') return undefined;
    const rawPath = colon < 0 ? '' : entry.slice(colon + 1).trim();
    out.push({ port, path: rawPath === '' ? '/metrics' : rawPath });
  }
  return out;
}

function scrapeConfiguration(pod: PodJson): ScrapeConfig {
  const cfg: ScrapeConfig = { scrape: '', path: '', port: '' };
  for (const [k, v] of stringEntries(pod)) {
    switch (sanitizeLabelName(k)) {
      case PORT: cfg.port = v; break;
      case SCRAPE: cfg.scrape = v; break;
      case PATH: cfg.path = v; break;
      case SCRAPE_TARGETS: {
        const t = parseScrapeTargets(v);
        if (t !== undefined) cfg.targets = t.length > 0 ? t : undefined;
        break;
      }
    }
  }
  return cfg;
}

function checkPort(port: string, agentPort: string, what: string, label: string): void {
  const { value: n, error } = atoi(port);
  if (error || n < 1n || n > 65535n) throw new Error(`invalid prometheus scrape ${what}: invalid ${label}port ${quoteGo(port)}`);
  const canon = String(n);
  if (canon === agentPort) throw new Error(`invalid prometheus scrape ${what}: ${label}port ${port} conflicts with agent port`);
  const reason = ISTIO_RESERVED_PORTS[canon];
  if (reason !== undefined) throw new Error(`invalid prometheus scrape ${what}: ${label}port ${port} is reserved for Istio (${reason}) and cannot be scraped`);
}

/** Applies metrics merging to the injected pod; throws Istio's error for unusable scrape ports. */
export function applyPrometheusMerge(pod: PodJson, mesh: JsonObject, statusPort: number): void {
  const annotations = Object.fromEntries(stringEntries(pod));
  if (!wantsScrape(pod) || !enablePrometheusMerge(mesh, annotations)) return;
  const agentPort = String(statusPort);
  if (prometheusPort(pod) === agentPort) return; // already pointed at the agent (re-injection)
  const scrape = scrapeConfiguration(pod);
  if (scrape.targets && scrape.targets.length > 0) {
    scrape.port = scrape.targets[0].port;
    scrape.path = scrape.targets[0].path;
    for (const t of scrape.targets) checkPort(t.port, agentPort, 'targets', 'target ');
  } else if (scrape.port !== '') {
    checkPort(scrape.port, agentPort, 'configuration', '');
  }
  const sidecar = findSidecar(pod);
  const empty = scrape.scrape === '' && scrape.path === '' && scrape.port === '' && !(scrape.targets && scrape.targets.length);
  if (sidecar && !empty) {
    const env = Array.isArray(sidecar.env) ? sidecar.env : [];
    sidecar.env = [...env, { name: PROMETHEUS_ANNOTATIONS_ENV, value: goJsonMarshal(scrape, AS_BUILT) }];
  }
  clearPrometheusAnnotations(pod);
  const a = ensureAnnotations(pod);
  a['prometheus.io/port'] = agentPort;
  a['prometheus.io/path'] = '/stats/prometheus';
  a['prometheus.io/scrape'] = 'true';
}

/** Publishes the secure metrics port when istio-proxy sets ENVOY_SECURE_MERGED_METRICS_PORT and the user did not. */
export function applySecurePrometheusAnnotation(pod: PodJson): void {
  for (const [k] of stringEntries(pod)) if (sanitizeLabelName(k) === SECURE_PORT) return;
  const a = pod.metadata.annotations;
  if (isObject(a)) for (const k of Object.keys(a)) if (sanitizeLabelName(k) === SECURE_PORT) return;
  const sidecar = findSidecar(pod);
  if (!sidecar) return;
  for (const e of Array.isArray(sidecar.env) ? sidecar.env : []) {
    if (isObject(e) && e.name === 'ENVOY_SECURE_MERGED_METRICS_PORT' && typeof e.value === 'string' && e.value !== '' && e.value !== '0') {
      ensureAnnotations(pod)[SECURE_PORT_ANNOTATION] = e.value;
      return;
    }
  }
}
