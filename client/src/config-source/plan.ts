/**
 * Which injector configuration to load, from the settings and the workspace's trust: the decision alone, no I/O and
 * no `vscode` import. An untrusted workspace gets the built-in configuration whatever it asks for: its settings
 * must not make the extension read files or contact a cluster.
 */
import * as path from 'node:path';
import type { ClientSettings } from '../settings-model';

export interface ConfigFiles {
  injectConfigFile?: string;
  meshConfigFile?: string;
  valuesFile?: string;
}

export type SourcePlan =
  | { kind: 'builtin'; /** Why the built-in configuration is used although another was asked for. */ reason?: 'untrusted' }
  | { kind: 'files'; files: ConfigFiles }
  | { kind: 'cluster'; namespace: string; revision: string };

export function planConfigSource(settings: ClientSettings, trusted: boolean, folder: string | undefined, home: string): SourcePlan {
  if (settings.configSource === 'builtin') return { kind: 'builtin' };
  if (!trusted) return { kind: 'builtin', reason: 'untrusted' };
  if (settings.configSource === 'cluster') return { kind: 'cluster', namespace: settings.istioNamespace, revision: settings.revision };
  const files: ConfigFiles = {};
  for (const key of ['injectConfigFile', 'meshConfigFile', 'valuesFile'] as const) {
    if (settings[key]) files[key] = resolveFilePath(settings[key], folder, home);
  }
  return { kind: 'files', files };
}

/** A path from the settings: `~` is the home directory, a relative path starts at the workspace folder. */
export function resolveFilePath(file: string, folder: string | undefined, home: string): string {
  if (file === '~') return home;
  if (file.startsWith('~/') || file.startsWith('~\\')) return path.join(home, file.slice(2));
  if (path.isAbsolute(file) || folder === undefined) return file;
  return path.join(folder, file);
}

/** The ConfigMap names istioctl reads for a revision ("" and "default" are the default revision). */
export function configMapNames(revision: string): { injector: string; mesh: string } {
  const suffix = revision === '' || revision === 'default' ? '' : `-${revision}`;
  return { injector: `istio-sidecar-injector${suffix}`, mesh: `istio${suffix}` };
}

/** Identity of a cluster configuration in the cache: the kubeconfig context, namespace and revision. */
export function clusterCacheKey(context: string, namespace: string, revision: string): string {
  return JSON.stringify([context, namespace, revision === 'default' ? '' : revision]);
}
