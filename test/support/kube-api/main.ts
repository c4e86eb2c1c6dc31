// Runs the test API server as its own process (for e2e hosts that want one):
//   node --import tsx test/support/kube-api/main.ts [--port N] [--kubeconfig PATH] [SEED.json|SEED.yaml ...]
// Seed files hold one object, a list of objects, or a `kind: List`; YAML files may hold several documents.
// Prints `KUBE_API_URL=<url>` (and `KUBECONFIG=<path>`) on stdout once it listens; runs until killed.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { startKubeApi, writeKubeconfig, type KubeObject } from './index';

async function main(argv: string[]): Promise<void> {
  let port = 0;
  let kubeconfig: string | undefined;
  const seeds: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') port = Number(argv[++i]);
    else if (argv[i] === '--kubeconfig') kubeconfig = argv[++i];
    else seeds.push(argv[i]!);
  }
  const api = await startKubeApi({ port });
  for (const file of seeds) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const v = doc.toJS() as KubeObject | KubeObject[] | { kind: 'List'; items: KubeObject[] } | null;
      if (!v) continue;
      const objs = Array.isArray(v) ? v : v.kind === 'List' ? (v as { items: KubeObject[] }).items : [v as KubeObject];
      api.store.applyAll(objs);
    }
  }
  console.log(`KUBE_API_URL=${api.url}`);
  if (kubeconfig) console.log(`KUBECONFIG=${writeKubeconfig(kubeconfig, api.url)}`);
  const stop = () => void api.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main(process.argv.slice(2));
