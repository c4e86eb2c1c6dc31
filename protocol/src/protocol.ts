/**
 * The custom LSP requests and notifications between the istio-inject client and server, in one place: method names,
 * parameter and result types. The client and the server both import this file and nothing else of each other.
 */
// The runtime classes come from vscode-jsonrpc (the protocol package re-exports the same ones): the extension's
// bundle then does not evaluate the whole LSP protocol package while VS Code activates it.
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { Range, TextEdit } from 'vscode-languageserver-protocol';

/** Where injector configuration comes from. */
export type ConfigSourceKind = 'builtin' | 'files' | 'cluster';

/** Native sidecars: follow the config's feature flag (auto), or force on/off. */
export type NativeSidecarsSetting = 'auto' | 'on' | 'off';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

/** Settings the client pushes (workspace/didChangeConfiguration and initializationOptions). */
export interface ServerSettings {
  /** Texts of the injector configuration, already read by the client (files or cluster ConfigMaps); absent = built-in. */
  config?: {
    source: ConfigSourceKind;
    /** ConfigMap istio-sidecar-injector, key `config`. */
    injectorConfig?: string;
    /** istioctl's --injectConfigFile: a full injector config or a bare sidecar template; wins over injectorConfig. */
    injectConfigFile?: string;
    values?: string;
    mesh?: string;
    label?: string;
  };
  revision: string;
  nativeSidecars: NativeSidecarsSetting;
  /** Diagnostic code → severity override, or 'off' to silence it. */
  diagnostics: Record<string, SeverityName | 'off'>;
  /** Files larger than this (MB, default 10) get one diagnostic saying so and are not analysed. */
  maxFileSizeMB?: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { revision: '', nativeSidecars: 'auto', diagnostics: {} };

export interface PreviewParams {
  uri: string;
  /** Only the documents this range touches; the whole file when absent. */
  range?: Range;
}

export interface PreviewResult {
  /** The document's current text. */
  original: string;
  /** The text after injection (`preserve` form: the user's text with minimal edits). */
  injected: string;
  /** One line for a diff title, e.g. "2 workloads injected, 1 skipped". */
  summary: string;
  /** Markdown: the processes and ports of each injected workload's sidecar (absent when nothing is injected). */
  anatomy?: string;
}

export interface ExplainParams {
  uri: string;
  position: { line: number; character: number };
  /**
   * Labels of the workload's namespace as the cluster has them (they take precedence over a Namespace document of
   * the file). Absent: the file's Namespace document, else unknown.
   */
  namespaceLabels?: Record<string, string>;
  /** The connected cluster, when there is one. */
  cluster?: {
    /** The kube context's name, shown as the source of the namespace labels and webhooks. */
    context?: string;
    /** The namespace a manifest without one is applied to (the context's namespace, else "default"). */
    namespace?: string;
  };
  /**
   * The cluster's MutatingWebhookConfiguration objects (JSON, as the API returns them): their selectors are evaluated
   * like `istioctl x check-inject`. Absent: those an install of the configured revision creates.
   */
  webhooks?: unknown[];
}

/** Markdown explaining the injection decision for the workload at a position ("" when there is none). */
export type ExplainResult = string;

export const PreviewRequest = new RequestType<PreviewParams, PreviewResult, void>('istioInject/preview');
export const ExplainRequest = new RequestType<ExplainParams, ExplainResult, void>('istioInject/explain');

/** Sent by the server when the configuration it injects with changes (for the status bar). */
export interface ConfigStatus {
  source: ConfigSourceKind;
  label: string;
  /** e.g. "1.28.0"; "" when unknown. */
  istioVersion: string;
  revision: string;
  /** Set when the requested source failed and the server fell back to the built-in config. */
  error?: string;
}

export const ConfigStatusNotification = new NotificationType<ConfigStatus>('istioInject/configStatus');

/** The settings section the server reads (workspace/didChangeConfiguration, workspace/configuration). */
export const SETTINGS_SECTION = 'istioInject';

/**
 * The client-side command behind the server's "Preview injection" code action: the client sends PreviewRequest for
 * these arguments and shows `original` ↔ `injected` as a diff.
 */
export const PREVIEW_INJECTION_COMMAND = 'istioInject.previewInjection';
export type PreviewInjectionArgs = [uri: string, range: Range];

/** initializationOptions: the settings, plus how the server should localise the messages it shows. */
export interface InitializationOptions extends ServerSettings {
  l10n?: {
    /** The UI language, e.g. "zh-cn" (VS Code's `env.language`). */
    locale?: string;
    /** The message bundle for that language (`vscode.l10n.uri`), when the client has one; else looked up by locale. */
    bundlePath?: string;
  };
}

/** What istioInject/edits computes: injection or removal of the sidecar. */
export type InjectionEditAction = 'inject' | 'remove';

export interface InjectionEditsParams {
  uri: string;
  /** The workloads this range touches (a cursor: the one under it); every workload of the file when absent. */
  range?: Range;
  action: InjectionEditAction;
}

export interface InjectionEditsResult {
  /** The document version the edits were computed for: the client applies them only to that version. */
  version: number;
  /** The same minimal edits the code actions carry ([] when nothing changes). */
  edits: TextEdit[];
  /** One line saying what the edits do, e.g. "2 workloads injected". */
  summary: string;
}

export const InjectionEditsRequest = new RequestType<InjectionEditsParams, InjectionEditsResult, void>('istioInject/edits');

/**
 * Client-side commands behind the server's code lenses (and the editor commands of the same name): the client asks
 * istioInject/edits for these arguments and applies the edits as one undoable WorkspaceEdit.
 */
export const INJECT_SIDECAR_COMMAND = 'istioInject.injectSidecar';
export const REMOVE_SIDECAR_COMMAND = 'istioInject.removeSidecar';
export type SidecarEditArgs = [uri: string, range: Range];

export interface CaptureRulesParams {
  uri: string;
  /** Only the workload at this position (when there is one there); every injected workload of the file when absent. */
  position?: { line: number; character: number };
  /** The pods have an IPv6 address: add the ip6tables-restore input. */
  ipv6?: boolean;
}

/** One workload's traffic-capture rules: `# Kind/name`, comments, then the iptables-restore input. */
export interface CaptureRulesDocument {
  title: string;
  text: string;
  /** A plain-language note per rule line (0-based line numbers of `text`), for hovers. */
  notes: { line: number; note: string }[];
}

export interface CaptureRulesResult {
  documents: CaptureRulesDocument[];
  /** Why there are no rules (the file does not inject, or fails to). */
  error?: string;
}

/** The iptables rules istio-iptables (or Istio CNI) programs into each injected workload's pods. */
export const CaptureRulesRequest = new RequestType<CaptureRulesParams, CaptureRulesResult, void>('istioInject/captureRules');

/** The editor command that shows them in a read-only `istio-iptables` document. */
export const SHOW_CAPTURE_RULES_COMMAND = 'istioInject.showCaptureRules';
