/**
 * Client settings → the injector the server analyses with. Settings arrive untyped (initializationOptions,
 * didChangeConfiguration), so they are normalised first; the Injector is cached per effective configuration because
 * compiling the templates is the expensive part. A configuration that does not load falls back to the built-in one,
 * and the status says why.
 */
import { createInjector, type Injector } from '../../core/src/inject';
import { isObject } from '../../core/src/inject/json-access';
import type { InjectionSettings } from '../../core/src/inject/types';
import { builtinSettings, settingsFromSources, type FeatureFlags } from '../../core/src/config/sources';
import {
  DEFAULT_SETTINGS, type ConfigSourceKind, type ConfigStatus, type NativeSidecarsSetting, type ServerSettings, type SeverityName,
} from '../../protocol/src/protocol';
import { Lru } from './lru';

/** What the server analyses with: the normalised settings, the injection settings and their injector. */
export interface ActiveConfig {
  settings: ServerSettings;
  injection: InjectionSettings;
  injector: Injector;
  status: ConfigStatus;
  /** Identity of the effective configuration: caches of analysis results key on it. */
  key: string;
}

const SOURCES: readonly ConfigSourceKind[] = ['builtin', 'files', 'cluster'];
const NATIVE: readonly NativeSidecarsSetting[] = ['auto', 'on', 'off'];
const SEVERITIES: readonly (SeverityName | 'off')[] = ['error', 'warning', 'information', 'hint', 'off'];

/** ServerSettings from whatever the client sent: unknown or ill-typed fields take their defaults. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const o = isObject(raw) && isObject(raw.istioInject) ? raw.istioInject : raw;
  if (!isObject(o)) return { ...DEFAULT_SETTINGS, diagnostics: {} };
  const out: ServerSettings = {
    revision: typeof o.revision === 'string' ? o.revision : DEFAULT_SETTINGS.revision,
    nativeSidecars: NATIVE.includes(o.nativeSidecars as NativeSidecarsSetting) ? (o.nativeSidecars as NativeSidecarsSetting) : 'auto',
    diagnostics: {},
  };
  if (isObject(o.diagnostics)) {
    for (const [code, sev] of Object.entries(o.diagnostics)) {
      if (SEVERITIES.includes(sev as SeverityName)) out.diagnostics[code] = sev as SeverityName | 'off';
    }
  }
  if (isObject(o.config)) {
    const c = o.config;
    out.config = {
      source: SOURCES.includes(c.source as ConfigSourceKind) ? (c.source as ConfigSourceKind) : 'builtin',
      injectorConfig: optionalString(c.injectorConfig),
      injectConfigFile: optionalString(c.injectConfigFile),
      values: optionalString(c.values),
      mesh: optionalString(c.mesh),
      label: optionalString(c.label),
    };
  }
  return out;
}

/** Builds (or reuses) the injector for each settings value. */
export class ConfigManager {
  private readonly injectors = new Lru<string, { injection: InjectionSettings; injector: Injector; error?: string }>(4);

  resolve(settings: ServerSettings): ActiveConfig {
    const features: FeatureFlags = {};
    if (settings.nativeSidecars !== 'auto') features.ENABLE_NATIVE_SIDECARS = settings.nativeSidecars === 'on' ? 'true' : 'false';
    const c = settings.config;
    const key = JSON.stringify([c?.source, c?.injectorConfig, c?.injectConfigFile, c?.values, c?.mesh, settings.revision, settings.nativeSidecars]);
    let built = this.injectors.get(key);
    if (!built) {
      built = build(settings, features);
      this.injectors.set(key, built);
    }
    const source = built.error === undefined ? (c?.source ?? 'builtin') : 'builtin';
    const status: ConfigStatus = {
      source,
      label: built.error === undefined ? (c?.label ?? (source === 'builtin' ? 'built-in' : source)) : 'built-in (fallback)',
      istioVersion: istioVersion(built.injection),
      revision: settings.revision,
    };
    if (built.error !== undefined) status.error = built.error;
    return { settings, injection: built.injection, injector: built.injector, status, key };
  }
}

function build(settings: ServerSettings, features: FeatureFlags): { injection: InjectionSettings; injector: Injector; error?: string } {
  const c = settings.config;
  const hasTexts = c !== undefined && c.source !== 'builtin'
    && [c.injectorConfig, c.injectConfigFile, c.values, c.mesh].some((text) => text !== undefined);
  let error: string | undefined;
  if (hasTexts) {
    try {
      const injection = settingsFromSources({
        config: c.injectorConfig, injectConfigFile: c.injectConfigFile, values: c.values, mesh: c.mesh, revision: settings.revision, features,
      });
      return { injection, injector: createInjector(injection) };
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  // The built-in configuration: asked for, or the fallback when the given texts do not load.
  const injection = { ...builtinSettings(features), revision: revisionOf(settings) };
  return { injection, injector: createInjector(injection), error };
}

function revisionOf(settings: ServerSettings): string {
  return settings.revision === 'default' ? '' : settings.revision;
}

/** The proxy image tag of the values (global.tag), which is the Istio version for released builds. */
function istioVersion(injection: InjectionSettings): string {
  const global = injection.values.global;
  const tag = isObject(global) ? global.tag : undefined;
  return typeof tag === 'string' ? tag : '';
}

function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
