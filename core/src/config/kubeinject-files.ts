/**
 * The configuration files istioctl kube-inject accepts: --injectConfigFile, --meshConfigFile, --valuesFile and
 * --operatorFileName. Texts come in already read (core has no file system); errors use istioctl's wording.
 */
import { emptyInjectorConfig, parseInjectorConfig, SIDECAR_TEMPLATE } from './injector-config';
import { isObject } from '../inject/json-access';
import type { InjectorConfig } from '../inject/types';
import { applyMeshConfigJson, meshDefaults } from './mesh';
import { clone, type JsonObject } from './proto-json';
import { yamlToJson } from './yaml-json';

/**
 * Reads an --injectConfigFile. A file that parses as an injector config with at least one template is one; anything
 * else (a YAML error, no `templates`) is taken whole as the `sidecar` template. That is how istioctl tells the two
 * apart, so a bare template that happens to have a `templates:` map is read as a config.
 * kube-inject uses only the templates of the file: the policy, selectors, defaultTemplates and aliases are kube-inject's
 * own (enabled, none, ["sidecar"], none) whatever the file says.
 */
export function readInjectConfigFile(text: string): InjectorConfig {
  let templates: Record<string, string>;
  try {
    const parsed = parseInjectorConfig(text);
    templates = Object.keys(parsed.templates).length > 0 ? parsed.templates : { [SIDECAR_TEMPLATE]: text };
  } catch {
    templates = { [SIDECAR_TEMPLATE]: text };
  }
  return { ...emptyInjectorConfig(), policy: 'enabled', templates };
}

/** What an IstioOperator file contributes to injection. */
export interface OperatorOverlay {
  /** spec.values, with spec.hub / spec.tag moved to global.hub / global.tag (spec.values wins over them). */
  values: JsonObject;
  /** The mesh config from spec.meshConfig over Istio's mesh defaults; undefined when the file has none. */
  mesh?: JsonObject;
}

/**
 * Reads an --operatorFileName (an IstioOperator resource).
 *
 * Full operator rendering is out of scope: istioctl would merge the file over the named profile and the whole Helm
 * chart defaults. Here spec.values is an overlay meant to be layered over the built-in (default profile) values by the
 * caller, spec.profile and spec.components are ignored, and spec.meshConfig is applied over Istio's mesh defaults as
 * istioctl does (mesh.ApplyMeshConfigDefaults).
 */
export function readOperatorFile(text: string): OperatorOverlay {
  const docs = text.split(/^---\s*$/m).filter((d) => d.replace(/#.*$/gm, '').trim() !== '');
  if (docs.length > 1) throw new Error('contains multiple IstioOperator CRs, only one per file is supported');
  let doc: unknown;
  try {
    doc = yamlToJson(text);
  } catch (e) {
    throw new Error(`unable to parse file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const spec = isObject(doc) && isObject(doc.spec) ? doc.spec : {};
  const values: JsonObject = {};
  const global: JsonObject = {};
  if (spec.hub !== undefined && spec.hub !== null) global.hub = spec.hub;
  if (spec.tag !== undefined && spec.tag !== null) global.tag = spec.tag;
  if (Object.keys(global).length > 0) values.global = global;
  if (isObject(spec.values)) mergeValues(values, spec.values);
  const overlay: OperatorOverlay = { values };
  if (isObject(spec.meshConfig)) overlay.mesh = applyMeshConfigJson(spec.meshConfig, meshDefaults());
  return overlay;
}

/**
 * Merges `overlay` into `base` in place the way the operator merges values: maps recursively, anything else
 * (lists, scalars, null) replaces. Returns `base`.
 */
export function mergeValues(base: JsonObject, overlay: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(overlay)) {
    const current = base[k];
    if (isObject(v) && isObject(current)) mergeValues(current, v);
    else base[k] = isObject(v) ? mergeValues({}, v) : clone(v);
  }
  return base;
}
