/**
 * Entry point of dist/kube.js, the separately bundled Kubernetes client: the extension requires it on first use
 * (see config-source/kube-loader.ts). A plain list of re-exports.
 */
export { currentKubeContext, readIstioConfigMaps } from './istio-config-maps';
export { openClusterClient, KubeError, type ClusterClient, type ClusterClientOptions, type ListResult, type WatchEvent } from './cluster-client';
export { ListWatch, type ListWatchHandlers } from './list-watch';
export { kubeconfigFound, readExplainCluster, type ExplainClusterReads, type ExplainReadOptions } from './explain-reads';
