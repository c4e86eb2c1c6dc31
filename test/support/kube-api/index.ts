// The local Kubernetes API server for tests.
//
//   const api = await startKubeApi();                       // http://127.0.0.1:<ephemeral port>
//   api.store.applyAll([namespace('demo', { 'istio-injection': 'enabled' }), pod({ ns: 'demo', name: 'web', … })]);
//   const kubeconfig = writeKubeconfig(join(dir, 'config'), api.url);   // KUBECONFIG for kubectl / client-node
//   api.logs.append('demo', 'web', 'istio-proxy', 'line 1');
//   api.faults.add({ status: 401, times: 1 }); api.faults.dropWatches(); api.store.compact();   // → 410 on resume
//   await api.close();
export { startKubeApi, type KubeApiOptions, type KubeApiServer, type SeenRequest } from './server';
export { ObjectStore, StoreError, type KubeObject, type KubeMeta, type StoreEvent } from './store';
export { Faults, type FaultRule } from './faults';
export { PodLogs } from './logs';
export { writeKubeconfig, kubeconfigText, type KubeconfigContext } from './kubeconfig';
export { RESOURCES, resourceForKind, findResource, type ResourceType } from './resources';
export { namespace, configMap, pod, deployment, replicaSet, type PodSeed, type ContainerSeed } from './fixtures';
export { mergePatch, strategicMergePatch, jsonPatch } from './patch';
