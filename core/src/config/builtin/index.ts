/**
 * The built-in configuration: what a default-profile Istio install (images docker.io/istio, tag BUILTIN_ISTIO_TAG)
 * gives the injector, used when the caller has no cluster configuration. Written for this project: the templates
 * render the same pod patch as Istio's own for that profile, from the same template data and value paths.
 * Templates: `sidecar` (every workload), `gateway` (pods annotated inject.istio.io/templates: gateway), and the
 * proxyless gRPC ones `grpc-agent` and `grpc-simple`. Not provided: waypoint, kube-gateway and agentgateway (those
 * serve Gateway API deployments that istiod generates, not kube-inject).
 */
import type { InjectorConfig } from '../../inject/types';
import { GATEWAY_TEMPLATE_SOURCE } from './gateway-template';
import { GRPC_AGENT_TEMPLATE_SOURCE, GRPC_SIMPLE_TEMPLATE_SOURCE } from './grpc-templates';
import { SIDECAR_TEMPLATE_SOURCE } from './sidecar-template';

export { builtinMeshYaml } from './mesh';
export { builtinValues, BUILTIN_ISTIO_HUB, BUILTIN_ISTIO_TAG } from './values';
export { GATEWAY_TEMPLATE_SOURCE, GRPC_AGENT_TEMPLATE_SOURCE, GRPC_SIMPLE_TEMPLATE_SOURCE, SIDECAR_TEMPLATE_SOURCE };

/** A fresh copy of the built-in injector config. */
export function builtinInjectorConfig(): InjectorConfig {
  return {
    policy: 'enabled',
    alwaysInjectSelector: [],
    neverInjectSelector: [],
    injectedAnnotations: {},
    templates: {
      sidecar: SIDECAR_TEMPLATE_SOURCE,
      gateway: GATEWAY_TEMPLATE_SOURCE,
      'grpc-agent': GRPC_AGENT_TEMPLATE_SOURCE,
      'grpc-simple': GRPC_SIMPLE_TEMPLATE_SOURCE,
    },
    defaultTemplates: ['sidecar'],
    aliases: {},
  };
}
