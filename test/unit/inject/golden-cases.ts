/** Shared access to Istio's golden corpus for the inject tests (read from ../shared/istio-reference). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InjectionSettings } from '../../../core/src/inject/types';
import { settingsFromSources } from '../../../core/src/config/sources';

export const REF = path.resolve(process.cwd(), '../shared/istio-reference');

export interface GoldenCase {
  index: number;
  in: string;
  want: string;
  input: string;
  golden: string;
  renderedConfigDir: string;
  skipInjection?: boolean;
  expectedError?: string;
  expectedLog?: string;
  meshOverrides?: { op: string; path: string; value: unknown }[];
  setup?: { features?: Record<string, string>; env?: Record<string, string> };
  nodes?: string[];
}

export function haveReference(): boolean {
  return fs.existsSync(path.join(REF, 'cases.json'));
}

export function readRef(rel: string): string {
  return fs.readFileSync(path.join(REF, rel), 'utf8');
}

export function loadCases(): GoldenCase[] {
  return (JSON.parse(readRef('cases.json')) as { cases: GoldenCase[] }).cases;
}

/** Istio's auto mode: native sidecars only when every node's kubelet is at least v1.33. */
function nodesSupportNative(nodes: string[] | undefined): boolean {
  return (nodes ?? []).every((v) => {
    const m = /^v?(\d+)\.(\d+)/.exec(v);
    return m !== null && (Number(m[1]) > 1 || Number(m[2]) >= 33);
  });
}

function applyMeshOverride(mesh: Record<string, unknown>, o: { op: string; path: string; value: unknown }): void {
  const keys = o.path.split('.');
  let cur = mesh;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (o.op === 'append') cur[last] = [...(Array.isArray(cur[last]) ? (cur[last] as unknown[]) : []), o.value];
  else cur[last] = o.value;
}

/** The settings a case runs with: its rendered config, mesh overrides, features and node versions. */
export function settingsFor(c: GoldenCase): InjectionSettings {
  const dir = c.renderedConfigDir;
  const native = nodesSupportNative(c.nodes) ? 'true' : 'false';
  const settings = settingsFromSources({
    config: readRef(`${dir}/config.yaml`),
    values: readRef(`${dir}/values.json`),
    mesh: readRef(`${dir}/mesh.yaml`),
    features: { ENABLE_NATIVE_SIDECARS: native, ...(c.setup?.features ?? {}), ...(c.setup?.env ?? {}) },
  });
  for (const o of c.meshOverrides ?? []) applyMeshOverride(settings.mesh, o);
  return settings;
}

/** Istio's StripVersion: blanks the version inside the status annotation. */
export function normalise(s: string): string {
  return s.replace(/(sidecar\.istio\.io\/status: '\{"version":")[0-9a-f]*(",)/g, '$1$2');
}

export function firstDiff(got: string, want: string): string {
  const g = got.split('\n');
  const w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) return `line ${i + 1}: got ${JSON.stringify(g[i])} want ${JSON.stringify(w[i])}`;
  }
  return 'differs';
}
