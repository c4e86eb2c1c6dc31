/** Assembling InjectionSettings from whatever configuration the caller has, falling back to the built-in install. */
import type { InjectionSettings, InjectorConfig } from '../inject/types';
import { builtinInjectorConfig, builtinMeshYaml, builtinValues } from './builtin';
import { parseInjectorConfig, parseValues } from './injector-config';
import { mergeValues, readInjectConfigFile, readOperatorFile } from './kubeinject-files';
import { applyMeshConfig } from './mesh';
import type { JsonObject } from './proto-json';

/** Istio's feature switches that change injection, by their environment variable names. */
export interface FeatureFlags {
  /** "true" | "false" | "auto". Offline, "auto" means off (istioctl has no nodes to look at). Default "auto". */
  ENABLE_NATIVE_SIDECARS?: string;
  /** e.g. "fips-140-3". */
  COMPLIANCE_POLICY?: string;
  /** e.g. "openshift". */
  PLATFORM?: string;
}

/** Configuration texts, as found in the cluster's ConfigMaps or in kube-inject's files. All optional. */
export interface ConfigSources {
  /** ConfigMap istio-sidecar-injector, key `config`. */
  config?: string;
  /** ConfigMap istio-sidecar-injector, key `values` (JSON or YAML); or --valuesFile. */
  values?: string;
  /** ConfigMap istio, key `mesh`; or --meshConfigFile. */
  mesh?: string;
  /** --operatorFileName: an IstioOperator whose spec.values / spec.meshConfig override the others. */
  operator?: string;
  /** --injectConfigFile: a full injector config or a bare `sidecar` template. Wins over `config`. */
  injectConfigFile?: string;
  /** Control plane revision; "" or "default" is the default revision. */
  revision?: string;
  features?: FeatureFlags;
  /** Proxy user/group ids (Istio's default 1337; OpenShift namespaces may assign others). */
  proxyUID?: number;
  proxyGID?: number;
}

/**
 * InjectionSettings from the given texts; whatever is missing comes from the built-in default-profile install.
 * Precedence follows istioctl kube-inject: --injectConfigFile over `config`; an operator file's values replace
 * `values` (they are layered over the built-in values), and its meshConfig, when it has one, replaces `mesh`.
 * Throws Error with Istio's wording when a text does not parse.
 */
export function settingsFromSources(sources: ConfigSources = {}): InjectionSettings {
  let config: InjectorConfig;
  if (sources.injectConfigFile !== undefined) config = readInjectConfigFile(sources.injectConfigFile);
  else if (sources.config !== undefined) config = parseInjectorConfig(sources.config);
  else config = builtinInjectorConfig();

  let values: JsonObject = sources.values !== undefined ? parseValues(sources.values) : builtinValues();
  let mesh: JsonObject = applyMeshConfig(sources.mesh ?? builtinMeshYaml());
  if (sources.operator !== undefined) {
    const overlay = readOperatorFile(sources.operator);
    values = mergeValues(builtinValues(), overlay.values);
    if (overlay.mesh) mesh = overlay.mesh;
  }

  const features = sources.features ?? {};
  const revision = sources.revision === 'default' ? '' : (sources.revision ?? '');
  return {
    config,
    values,
    mesh,
    revision,
    nativeSidecars: features.ENABLE_NATIVE_SIDECARS === 'true',
    compliancePolicy: features.COMPLIANCE_POLICY ?? '',
    platform: features.PLATFORM ?? '',
    proxyUID: sources.proxyUID ?? 1337,
    proxyGID: sources.proxyGID ?? 1337,
  };
}

/** The data of the two ConfigMaps a cluster holds (istio-sidecar-injector[-rev] and istio[-rev]). */
export interface ClusterConfigMaps {
  /** Key `config` of istio-sidecar-injector. */
  injectorConfig?: string;
  /** Key `values` of istio-sidecar-injector. */
  values?: string;
  /** Key `mesh` of istio. */
  mesh?: string;
}

/** The ConfigMap names istioctl reads for a revision. */
export function configMapNames(revision: string): { injector: string; mesh: string } {
  const suffix = revision === '' || revision === 'default' ? '' : `-${revision}`;
  return { injector: `istio-sidecar-injector${suffix}`, mesh: `istio${suffix}` };
}

/** InjectionSettings from a cluster's ConfigMaps (missing keys fall back to the built-in install). */
export function settingsFromConfigMaps(maps: ClusterConfigMaps, revision = '', features?: FeatureFlags): InjectionSettings {
  return settingsFromSources({ config: maps.injectorConfig, values: maps.values, mesh: maps.mesh, revision, features });
}

/** The built-in default-profile install (see core/src/config/builtin), nothing else. */
export function builtinSettings(features?: FeatureFlags): InjectionSettings {
  return settingsFromSources({ features });
}
