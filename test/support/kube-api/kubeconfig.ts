// Writes a kubeconfig pointing at the test server. client-node refuses a plain-http server unless the cluster says
// `insecure-skip-tls-verify: true`, so every cluster entry carries it.
import { writeFileSync } from 'node:fs';

export interface KubeconfigContext {
  /** Context name (also used for its cluster and user entries). */
  name: string;
  server: string;
  namespace?: string;
  token?: string;
}

/** The kubeconfig YAML (JSON is valid YAML) for these contexts; the first one is current unless `current` says. */
export function kubeconfigText(contexts: KubeconfigContext[], current = contexts[0]?.name): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': current,
    clusters: contexts.map((c) => ({ name: c.name, cluster: { server: c.server, 'insecure-skip-tls-verify': true } })),
    users: contexts.map((c) => ({ name: c.name, user: { token: c.token ?? 'test-token' } })),
    contexts: contexts.map((c) => ({ name: c.name, context: { cluster: c.name, user: c.name, ...(c.namespace ? { namespace: c.namespace } : {}) } })),
  }, null, 2) + '\n';
}

/** Writes a kubeconfig file with one context `test` (or the given contexts) and returns its path. */
export function writeKubeconfig(path: string, serverOrContexts: string | KubeconfigContext[], current?: string): string {
  const contexts = typeof serverOrContexts === 'string' ? [{ name: 'test', server: serverOrContexts }] : serverOrContexts;
  writeFileSync(path, kubeconfigText(contexts, current));
  return path;
}
