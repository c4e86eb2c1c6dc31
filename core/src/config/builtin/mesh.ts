/** The `mesh` ConfigMap text of the built-in install: what a default-profile install adds to Istio's mesh defaults. */
export function builtinMeshYaml(): string {
  return [
    'defaultConfig:',
    '  discoveryAddress: istiod.istio-system.svc:15012',
    'defaultProviders:',
    '  metrics:',
    '  - prometheus',
    'enablePrometheusMerge: true',
    'rootNamespace: istio-system',
    'trustDomain: cluster.local',
    '',
  ].join('\n');
}
