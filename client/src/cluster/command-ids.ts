// The cluster view's identifiers, shared by the registration code and the manifest test (no VS Code import here).

export const CLUSTER_VIEW_ID = 'istioInject.cluster';
export const CLUSTER_VIEW_CONTAINER_ID = 'istio';

export const CLUSTER_COMMAND_IDS = {
  refresh: 'istioInject.cluster.refresh',
  retry: 'istioInject.cluster.retry',
  switchContext: 'istioInject.cluster.switchContext',
  enableInjection: 'istioInject.cluster.enableInjection',
  disableInjection: 'istioInject.cluster.disableInjection',
  restartWorkload: 'istioInject.cluster.restartWorkload',
  showLogs: 'istioInject.cluster.showLogs',
  showContainerLogs: 'istioInject.cluster.showContainerLogs',
  openPodYaml: 'istioInject.cluster.openPodYaml',
  previewOwnerInjection: 'istioInject.cluster.previewOwnerInjection',
  copyName: 'istioInject.cluster.copyName',
} as const;
