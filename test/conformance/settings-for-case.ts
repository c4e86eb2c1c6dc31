/** InjectionSettings for one corpus case: its rendered injector config, features, node versions and mesh overrides. */
import { settingsFromSources } from '../../core/src/config/sources';
import type { InjectionSettings } from '../../core/src/inject/types';
import type { CorpusCase, MeshOverride } from './cases';
import { readReference } from './reference';

const cache = new Map<string, InjectionSettings>();

export function settingsForCase(c: CorpusCase): InjectionSettings {
  const features = {
    ENABLE_NATIVE_SIDECARS: c.nodes.every(kubeletSupportsNativeSidecars) ? 'true' : 'false',
    ...c.setup?.features,
    ...c.setup?.env,
  };
  const key = JSON.stringify([c.renderedConfigDir, features]);
  let base = cache.get(key);
  if (!base) {
    const dir = c.renderedConfigDir;
    base = settingsFromSources({
      config: readReference(`${dir}/config.yaml`),
      values: readReference(`${dir}/values.json`),
      mesh: readReference(`${dir}/mesh.yaml`),
      features,
    });
    cache.set(key, base);
  }
  const mesh = structuredClone(base.mesh);
  for (const o of c.meshOverrides ?? []) applyMeshOverride(mesh, o);
  return { ...base, mesh };
}

/** Istio turns native sidecars on automatically only when every node's kubelet is v1.33 or newer. */
function kubeletSupportsNativeSidecars(version: string): boolean {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 33);
}

/** A case's change to the mesh config (Istio's test mutates the parsed MeshConfig the same way). */
export function applyMeshOverride(root: Record<string, unknown>, o: MeshOverride): void {
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
