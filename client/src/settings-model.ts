/**
 * The `istioInject` settings as plain data: parsing whatever the settings store holds into typed values, and turning
 * them into the ServerSettings the language server reads. No `vscode` import, so unit tests run it directly.
 */
import type { ConfigSourceKind, NativeSidecarsSetting, ServerSettings, SeverityName } from '../../protocol/src/protocol';

/** Every `istioInject.*` setting the extension reads, with defaults applied. */
export interface ClientSettings {
  configSource: ConfigSourceKind;
  /** istioctl --injectConfigFile: a full injector config or a bare sidecar template ("" = none). */
  injectConfigFile: string;
  /** istioctl --meshConfigFile ("" = none). */
  meshConfigFile: string;
  /** istioctl --valuesFile ("" = none). */
  valuesFile: string;
  /** Control-plane revision ("" = default). */
  revision: string;
  /** Namespace of the Istio control plane in the cluster. */
  istioNamespace: string;
  nativeSidecars: NativeSidecarsSetting;
  diagnostics: Record<string, SeverityName | 'off'>;
  codeLens: boolean;
  /** Files larger than this are not analysed (the server says so). */
  maxFileSizeMB: number;
}

export const DEFAULT_CLIENT_SETTINGS: Readonly<ClientSettings> = {
  configSource: 'builtin',
  injectConfigFile: '',
  meshConfigFile: '',
  valuesFile: '',
  revision: '',
  istioNamespace: 'istio-system',
  nativeSidecars: 'auto',
  diagnostics: {},
  codeLens: true,
  maxFileSizeMB: 10,
};

const SOURCES: readonly ConfigSourceKind[] = ['builtin', 'files', 'cluster'];
const NATIVE: readonly NativeSidecarsSetting[] = ['auto', 'on', 'off'];
const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Typed settings from a getter of raw values (`WorkspaceConfiguration.get`); ill-typed values take their default. */
export function parseClientSettings(get: (key: string) => unknown): ClientSettings {
  const d = DEFAULT_CLIENT_SETTINGS;
  const str = (key: string, fallback: string): string => {
    const v = get(key);
    return typeof v === 'string' ? v.trim() : fallback;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const v = get(key);
    return allowed.includes(v as T) ? (v as T) : fallback;
  };
  const diagnostics: Record<string, SeverityName | 'off'> = {};
  const rawDiagnostics = get('diagnostics');
  if (rawDiagnostics && typeof rawDiagnostics === 'object' && !Array.isArray(rawDiagnostics)) {
    for (const [code, severity] of Object.entries(rawDiagnostics)) {
      if (typeof severity === 'string' && SEVERITIES.includes(severity)) diagnostics[code] = severity as SeverityName | 'off';
    }
  }
  const codeLens = get('codeLens');
  const maxFileSizeMB = get('maxFileSizeMB');
  return {
    configSource: oneOf('configSource', SOURCES, d.configSource),
    injectConfigFile: str('injectConfigFile', d.injectConfigFile),
    meshConfigFile: str('meshConfigFile', d.meshConfigFile),
    valuesFile: str('valuesFile', d.valuesFile),
    revision: str('revision', d.revision),
    istioNamespace: str('istioNamespace', d.istioNamespace) || d.istioNamespace,
    nativeSidecars: oneOf('nativeSidecars', NATIVE, d.nativeSidecars),
    diagnostics,
    codeLens: typeof codeLens === 'boolean' ? codeLens : d.codeLens,
    maxFileSizeMB: typeof maxFileSizeMB === 'number' && maxFileSizeMB > 0 ? maxFileSizeMB : d.maxFileSizeMB,
  };
}

/** What the server gets: the settings plus the injector configuration texts loaded for the source (absent = built-in). */
export function toServerSettings(settings: ClientSettings, config: ServerSettings['config'] | undefined): ServerSettings {
  const out: ServerSettings = {
    revision: settings.revision,
    nativeSidecars: settings.nativeSidecars,
    diagnostics: { ...settings.diagnostics },
    maxFileSizeMB: settings.maxFileSizeMB,
  };
  if (config) out.config = config;
  return out;
}
