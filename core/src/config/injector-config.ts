/**
 * The `config` key of ConfigMap istio-sidecar-injector (Istio's inject.Config) and the `values` key, parsed with
 * Istio's defaults and error texts.
 */
import type { InjectorConfig, LabelSelector } from '../inject/types';
import { goStringOf } from '../k8s/typed-json';
import { yamlToJson } from './yaml-json';

/** Istio's SidecarTemplateName: the template every workload gets unless told otherwise. */
export const SIDECAR_TEMPLATE = 'sidecar';

/** How sigs.k8s.io/yaml prefixes the encoding/json errors of a YAML document it decodes. */
export const UNMARSHAL_PREFIX = 'error unmarshaling JSON: while decoding JSON: ';

/**
 * Parses the injector `config` YAML as Istio's UnmarshalConfig does: unknown keys (including the pre-1.10 `template`
 * key, which Istio no longer reads) are ignored, `templates` defaults to {}, `defaultTemplates` to ["sidecar"].
 * The policy is kept as written; an unknown policy disables injection later, as in Istio.
 * Throws Error("failed to unmarshal injection template: …") on a bad document.
 */
export function parseInjectorConfig(text: string): InjectorConfig {
  let doc: unknown;
  try {
    doc = yamlToJson(text);
    return toInjectorConfig(doc);
  } catch (e) {
    throw new Error(`failed to unmarshal injection template: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The injector config Istio uses when a field is absent. */
export function emptyInjectorConfig(): InjectorConfig {
  return {
    policy: '' as InjectorConfig['policy'],
    alwaysInjectSelector: [],
    neverInjectSelector: [],
    injectedAnnotations: {},
    templates: {},
    defaultTemplates: [SIDECAR_TEMPLATE],
    aliases: {},
  };
}

function toInjectorConfig(doc: unknown): InjectorConfig {
  const cfg = emptyInjectorConfig();
  if (doc === null) return cfg;
  const obj = expectObject(doc, 'Go value of type inject.Config');
  const field = (name: string, type: string) => `Go struct field Config.${name} of type ${type}`;
  if (present(obj.policy)) cfg.policy = expectString(obj.policy, field('policy', 'inject.InjectionPolicy')) as InjectorConfig['policy'];
  if (present(obj.defaultTemplates)) {
    const list = expectArray(obj.defaultTemplates, field('defaultTemplates', '[]string'));
    const names = list.map((v) => expectString(v, field('defaultTemplates', 'string')));
    if (names.length > 0) cfg.defaultTemplates = names;
  }
  if (present(obj.templates)) cfg.templates = stringMap(obj.templates, 'templates', field);
  if (present(obj.aliases)) {
    const aliases = expectObject(obj.aliases, field('aliases', 'map[string][]string'));
    for (const [k, v] of Object.entries(aliases)) {
      cfg.aliases[k] = v === null ? [] : expectArray(v, field(`aliases.${k}`, '[]string')).map((s) => expectString(s, field(`aliases.${k}`, 'string')));
    }
  }
  if (present(obj.neverInjectSelector)) cfg.neverInjectSelector = selectors(obj.neverInjectSelector, 'neverInjectSelector', field);
  if (present(obj.alwaysInjectSelector)) cfg.alwaysInjectSelector = selectors(obj.alwaysInjectSelector, 'alwaysInjectSelector', field);
  if (present(obj.injectedAnnotations)) cfg.injectedAnnotations = stringMap(obj.injectedAnnotations, 'injectedAnnotations', field);
  return cfg;
}

type FieldName = (name: string, type: string) => string;

function stringMap(v: unknown, name: string, field: FieldName): Record<string, string> {
  const obj = expectObject(v, field(name, 'map[string]string'));
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(obj)) out[k] = val === null ? '' : expectString(val, field(`${name}.${k}`, 'string'));
  return out;
}

function selectors(v: unknown, name: string, field: FieldName): LabelSelector[] {
  const list = expectArray(v, field(name, '[]v1.LabelSelector'));
  return list.map((item) => {
    if (item === null) return {};
    const sel = expectObject(item, field(name, 'v1.LabelSelector'));
    const out: LabelSelector = {};
    if (present(sel.matchLabels)) out.matchLabels = stringMap(sel.matchLabels, `${name}.matchLabels`, field);
    if (present(sel.matchExpressions)) {
      out.matchExpressions = expectArray(sel.matchExpressions, field(`${name}.matchExpressions`, '[]v1.LabelSelectorRequirement')).map((r) => {
        const req = expectObject(r ?? {}, field(`${name}.matchExpressions`, 'v1.LabelSelectorRequirement'));
        const values = present(req.values)
          ? expectArray(req.values, field(`${name}.matchExpressions.values`, '[]string')).map((s) => expectString(s, field(`${name}.matchExpressions.values`, 'string')))
          : undefined;
        return {
          key: present(req.key) ? expectString(req.key, field(`${name}.matchExpressions.key`, 'string')) : '',
          operator: present(req.operator) ? expectString(req.operator, field(`${name}.matchExpressions.operator`, 'v1.LabelSelectorOperator')) : '',
          ...(values ? { values } : {}),
        };
      });
    }
    return out;
  });
}

/**
 * Parses the `values` key (JSON or YAML) into the Helm values object templates see as `.Values`. Empty text gives {}.
 * Throws Error("could not parse configuration values: …") like Istio's NewValuesConfig. Istio also decodes the values
 * into its typed Values message; that check is not reproduced.
 */
export function parseValues(text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = yamlToJson(text);
  } catch (e) {
    throw new Error(`could not parse configuration values: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (doc === null) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error(`could not parse configuration values: ${UNMARSHAL_PREFIX}json: cannot unmarshal ${jsonType(doc)} into Go value of type map[string]interface {}`);
  }
  return doc as Record<string, unknown>;
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (v === null) return 'null';
  return typeof v;
}

function typeError(v: unknown, target: string): Error {
  return new Error(`${UNMARSHAL_PREFIX}json: cannot unmarshal ${jsonType(v)} into ${target}`);
}

function expectObject(v: unknown, target: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw typeError(v, target);
  return v as Record<string, unknown>;
}

function expectArray(v: unknown, target: string): unknown[] {
  if (!Array.isArray(v)) throw typeError(v, target);
  return v;
}

/** A string field: sigs.k8s.io/yaml writes numbers and booleans into it as their text (`sidecar: 12` reads "12"). */
function expectString(v: unknown, target: string): string {
  const s = goStringOf(v);
  if (s === undefined) throw typeError(v, target);
  return s;
}
