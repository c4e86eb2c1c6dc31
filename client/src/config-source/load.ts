/**
 * Loads the configuration texts a plan names: files through `readFile`, the cluster's ConfigMaps through
 * `readCluster` (cached per kubeconfig context, namespace and revision). I/O and messages come in as functions,
 * so this runs under unit tests without VS Code or a cluster.
 */
import type { ServerSettings } from '../../../protocol/src/protocol';
import { clusterCacheKey, type SourcePlan } from './plan';

/** The ConfigMap texts of one control plane, and the context they were read from. */
export interface ClusterTexts {
  context: string;
  injectorConfig?: string;
  values?: string;
  mesh?: string;
}

export interface LoadDeps {
  readFile(path: string): Promise<string>;
  /** The current kubeconfig context's name (no network). */
  currentContext(): string;
  readCluster(namespace: string, revision: string): Promise<ClusterTexts>;
  /** Localises a message (`vscode.l10n.t`). */
  t(message: string, ...args: (string | number)[]): string;
}

export interface LoadResult {
  /** The texts for ServerSettings; undefined = the built-in configuration. */
  config?: ServerSettings['config'];
  /** Why the requested source could not be used (the built-in configuration is used instead). */
  error?: string;
}

export type ClusterCache = Map<string, ClusterTexts>;

export async function loadSourceConfig(plan: SourcePlan, deps: LoadDeps, cache: ClusterCache): Promise<LoadResult> {
  try {
    switch (plan.kind) {
      case 'builtin':
        return plan.reason === 'untrusted'
          ? { error: deps.t('the workspace is not trusted, so no configuration files are read and no cluster is contacted') }
          : {};
      case 'files':
        return await loadFiles(plan.files, deps);
      case 'cluster':
        return await loadCluster(plan.namespace, plan.revision, deps, cache);
    }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

async function loadFiles(files: Extract<SourcePlan, { kind: 'files' }>['files'], deps: LoadDeps): Promise<LoadResult> {
  const paths = [files.injectConfigFile, files.meshConfigFile, files.valuesFile].filter((p): p is string => p !== undefined);
  if (!paths.length) {
    return { error: deps.t('no configuration file is set (istioInject.injectConfigFile, istioInject.meshConfigFile, istioInject.valuesFile)') };
  }
  const read = async (file: string | undefined): Promise<string | undefined> => {
    if (file === undefined) return undefined;
    try {
      return await deps.readFile(file);
    } catch (e) {
      throw new Error(deps.t('cannot read {0}: {1}', file, e instanceof Error ? e.message : String(e)), { cause: e });
    }
  };
  const [injectConfigFile, mesh, values] = await Promise.all([read(files.injectConfigFile), read(files.meshConfigFile), read(files.valuesFile)]);
  const config: NonNullable<ServerSettings['config']> = { source: 'files', label: paths.map(baseName).join(', ') };
  if (injectConfigFile !== undefined) config.injectConfigFile = injectConfigFile;
  if (mesh !== undefined) config.mesh = mesh;
  if (values !== undefined) config.values = values;
  return { config };
}

async function loadCluster(namespace: string, revision: string, deps: LoadDeps, cache: ClusterCache): Promise<LoadResult> {
  const key = clusterCacheKey(deps.currentContext(), namespace, revision);
  let texts = cache.get(key);
  if (!texts) {
    texts = await deps.readCluster(namespace, revision);
    cache.set(key, texts);
  }
  const config: NonNullable<ServerSettings['config']> = { source: 'cluster', label: `${texts.context}/${namespace}` };
  if (texts.injectorConfig !== undefined) config.injectorConfig = texts.injectorConfig;
  if (texts.values !== undefined) config.values = texts.values;
  if (texts.mesh !== undefined) config.mesh = texts.mesh;
  return { config };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}
