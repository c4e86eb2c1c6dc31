/** Istio's labels (facts from Istio's catalogue; descriptions in our words). See catalogue.ts. */
import { fact, type KeyFacts } from './catalogue-types';

const BOOL = ['true', 'false'] as const;
const l = (...args: Parameters<typeof fact> extends [unknown, ...infer R] ? R : never): KeyFacts => fact('label', ...args);

export const LABELS: readonly KeyFacts[] = [
  l('sidecar.istio.io/inject', 'beta', 'Pod', 'Turns sidecar injection on or off for this pod; wins over the annotation of the same name.', { values: BOOL, default: 'the injector policy (kube-inject: inject)' }),
  l('istio.io/rev', 'beta', 'Namespace,Gateway,Pod', 'Revision of the control plane whose injector handles these pods; on a namespace it also turns automatic injection on.'),
  l('istio-injection', 'unspecified', 'Namespace', 'On a namespace, "enabled" turns automatic sidecar injection on for its pods and "disabled" turns it off.', { values: ['enabled', 'disabled'], uncatalogued: true }),
  l('service.istio.io/canonical-name', 'alpha', 'Pod', 'Canonical service name of the workload, used in telemetry.', { default: 'the app.kubernetes.io/name or app label, else the workload name' }),
  l('service.istio.io/canonical-revision', 'alpha', 'Pod', 'Canonical revision of the workload, used in telemetry.', { default: 'the app.kubernetes.io/version or version label, else "latest"' }),
  l('service.istio.io/workload-name', 'alpha', 'Pod,WorkloadEntry', 'Workload name used in telemetry instead of the one derived from the owner.'),
  l('security.istio.io/tlsMode', 'alpha', 'Pod', 'Set by injection: tells clients the workload accepts Istio mutual TLS.', { deprecated: true, hidden: true, byInjection: true, values: ['istio', 'disabled'] }),
  l('topology.istio.io/network', 'beta', 'Namespace,Pod,Service', 'Network the workload belongs to, in multi-network meshes.'),
  l('topology.istio.io/cluster', 'alpha', 'Pod', 'Cluster the workload runs in, in multi-cluster meshes.'),
  l('topology.istio.io/locality', 'alpha', 'Pod', 'Locality (region/zone/subzone) of the workload, overriding the node\'s.'),
  l('topology.istio.io/subzone', 'beta', 'Node', 'Subzone of a node, below Kubernetes\' region and zone.'),
  l('istio.io/dataplane-mode', 'stable', 'Pod,Namespace', 'Data plane of the workloads: "ambient" adds them to the ambient mesh, "none" keeps them out.', { values: ['ambient', 'none'] }),
  l('istio.io/use-waypoint', 'stable', 'Pod,WorkloadEntry,Service,ServiceEntry,Namespace', 'Waypoint proxy that handles traffic to these workloads ("none" for no waypoint).'),
  l('istio.io/use-waypoint-namespace', 'beta', 'Pod,WorkloadEntry,Service,ServiceEntry,Namespace', 'Namespace of the waypoint named by istio.io/use-waypoint.'),
  l('istio.io/use-waypoint-canary', 'alpha', 'Service,ServiceEntry,Namespace', 'Canary waypoint for a share of the traffic.'),
  l('istio.io/use-waypoint-canary-namespace', 'alpha', 'Service,ServiceEntry,Namespace', 'Namespace of the canary waypoint.'),
  l('istio.io/ingress-use-waypoint', 'beta', 'Service,ServiceEntry,Namespace', 'Makes ingress gateways send traffic through the service\'s waypoint.', { values: BOOL }),
  l('istio.io/waypoint-for', 'stable', 'GatewayClass,Gateway', 'What traffic a waypoint handles.', { values: ['service', 'workload', 'all', 'none'] }),
  l('istio.io/tag', 'alpha', 'MutatingWebhookConfiguration', 'Revision tag served by an injection webhook.'),
  l('networking.istio.io/gatewayPort', 'alpha', 'Service', 'Port of the network gateway for cross-network traffic.'),
  l('networking.istio.io/enable-autoallocate-ip', 'beta', 'ServiceEntry', 'Whether a ServiceEntry gets an automatically allocated virtual IP.', { values: BOOL }),
  l('gateway.istio.io/managed', 'stable', 'ServiceAccount,Deployment,Service', 'Marks resources Istio\'s gateway controller created and manages.'),
  l('gateway.networking.k8s.io/gateway-name', 'stable', 'ServiceAccount,Deployment,Service,PodDisruptionBudget,HorizontalPodAutoscaler', 'Gateway these generated resources belong to.'),
  l('gateway.networking.k8s.io/gateway-class-name', 'stable', 'ServiceAccount,Deployment,Service,PodDisruptionBudget,HorizontalPodAutoscaler', 'GatewayClass of the gateway these resources belong to.'),
  l('operator.istio.io/component', 'alpha', 'Any', 'Istio component a resource belongs to (set by the installer).', { hidden: true }),
  l('operator.istio.io/managed', 'alpha', 'Any', 'Whether the installer manages the resource.', { hidden: true }),
  l('operator.istio.io/version', 'alpha', 'Any', 'Istio version that installed the resource.', { hidden: true }),
];
