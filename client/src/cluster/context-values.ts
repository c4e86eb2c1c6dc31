// The `contextValue` of every tree node. package.json menus compare `viewItem` to these strings exactly (`==`), so
// each state has its own token and the set below is the whole vocabulary.

export const CONTEXT = {
  cluster: 'istio.cluster',
  message: 'istio.message',
  /** A message with a Retry action (API server down, slow, 401/403). */
  messageRetry: 'istio.message.retry',
  namespace: {
    enabled: 'istio.namespace.injectionEnabled',
    revision: 'istio.namespace.injectionRevision',
    disabled: 'istio.namespace.injectionDisabled',
    conflict: 'istio.namespace.injectionConflict',
    none: 'istio.namespace.injectionNone',
  },
  pod: {
    injected: 'istio.pod.sidecarInjected',
    outdated: 'istio.pod.sidecarOutdated',
    missing: 'istio.pod.sidecarMissing',
    disabled: 'istio.pod.sidecarDisabled',
    notApplicable: 'istio.pod.sidecarNotApplicable',
    none: 'istio.pod.sidecarNone',
  },
  container: {
    app: 'istio.container.app',
    proxy: 'istio.container.proxy',
    istioInit: 'istio.container.istioInit',
    init: 'istio.container.init',
  },
} as const;
