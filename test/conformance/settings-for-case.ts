/** InjectionSettings for one corpus case: its rendered injector config, then the case's mesh overrides and features. */
import { settingsFromSources } from '../../core/src/config/sources';
import type { InjectionSettings } from '../../core/src/inject/types';
import type { CorpusCase, MeshOverride } from './cases';
import { readReference } from './reference';

const cache = new Map<string, InjectionSettings>();

function renderedSettings(dir: string): InjectionSettings {
  let s = cache.get(dir);
  if (!s) {
    s = settingsFromSources({
      config: readReference(`${dir}/config.yaml`),
      values: readReference(`${dir}/values.json`),
      mesh: readReference(`${dir}/mesh.yaml`),
    });
    cache.set(dir, s);
  }
  return s;
}

export function settingsForCase(c: CorpusCase): InjectionSettings {
  const base = renderedSettings(c.renderedConfigDir);
  const mesh = structuredClone(base.mesh);
  for (const o of c.meshOverrides ?? []) applyOverride(mesh, o);
  const features = c.setup?.features ?? {};
  return {
    ...base,
    mesh,
    nativeSidecars: features.ENABLE_NATIVE_SIDECARS !== 'false' && c.nodes.every(kubeletSupportsNativeSidecars),
    compliancePolicy: features.COMPLIANCE_POLICY ?? '',
    platform: c.setup?.env?.PLATFORM ?? '',
  };
}

/** Istio turns native sidecars on automatically only when every node's kubelet is v1.33 or newer. */
function kubeletSupportsNativeSidecars(version: string): boolean {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 33);
}

function applyOverride(root: Record<string, unknown>, o: MeshOverride): void {
  const keys = o.path.split('.');
  const last = keys.pop() as string;
  let node = root;
  for (const k of keys) {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  if (o.op === 'append') node[last] = [...((node[last] as unknown[] | undefined) ?? []), o.value];
  else node[last] = o.value;
}
