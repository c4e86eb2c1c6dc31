/**
 * What the status-bar item says, from the server's ConfigStatus and the client's loading state. No `vscode`
 * import: the text is computed here and tested, the item only displays it.
 */
import type { ConfigSourceKind, ConfigStatus } from '../../protocol/src/protocol';

/** The client's side of the config source: what was asked for, whether it is loading, and why it failed. */
export interface SourceState {
  requested: ConfigSourceKind;
  loading: boolean;
  error?: string;
}

export interface StatusView {
  text: string;
  tooltip: string;
  warning: boolean;
}

type T = (message: string, ...args: (string | number)[]) => string;

const ICONS: Record<ConfigSourceKind, string> = { builtin: '$(package)', files: '$(file)', cluster: '$(cloud)' };

export function sourceName(kind: ConfigSourceKind, t: T): string {
  return kind === 'builtin' ? t('built-in') : kind === 'files' ? t('files') : t('cluster');
}

export function statusView(status: ConfigStatus | undefined, state: SourceState, t: T): StatusView {
  if (state.loading) {
    return {
      text: `$(sync~spin) Istio`,
      tooltip: t('Loading the {0} injector configuration…', sourceName(state.requested, t)),
      warning: false,
    };
  }
  const version = status?.istioVersion ? ` ${status.istioVersion}` : '';
  const revision = status?.revision ? ` (${status.revision})` : '';
  const error = state.error ?? status?.error;
  const lines = [
    t('Injector configuration: {0}', status?.label || sourceName(status?.source ?? 'builtin', t)),
    t('Istio version: {0}', status?.istioVersion || t('unknown')),
  ];
  if (status?.revision) lines.push(t('Revision: {0}', status.revision));
  if (error !== undefined) {
    lines.unshift(t('The {0} injector configuration could not be used: {1}', sourceName(state.requested, t), error), t('Using the built-in configuration instead.'));
  }
  lines.push('', t('Click to select the injector config source'));
  const icon = error !== undefined ? '$(warning)' : ICONS[status?.source ?? state.requested];
  return { text: `${icon} Istio${version}${revision}`, tooltip: lines.join('\n'), warning: error !== undefined };
}
