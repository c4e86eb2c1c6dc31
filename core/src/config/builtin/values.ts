/**
 * Helm values of the built-in install: what an Istio default-profile install hands the injector, written out by us
 * for the keys injection reads (facts: names and defaults; grouped and commented our own way).
 */
import type { JsonObject } from '../proto-json';

/** The Istio release the built-in configuration stands for (images come from docker.io/istio). */
export const BUILTIN_ISTIO_HUB = 'docker.io/istio';
export const BUILTIN_ISTIO_TAG = '1.28.0';

/** A fresh copy of the built-in values (callers may modify it). */
export function builtinValues(): JsonObject {
  return {
    global: {
      // Where images come from: <hub>/<image>:<tag>[-<variant>]
      hub: BUILTIN_ISTIO_HUB,
      tag: BUILTIN_ISTIO_TAG,
      variant: '',
      imagePullPolicy: '',
      imagePullSecrets: [],

      // Control plane identity and certificates
      istioNamespace: 'istio-system',
      pilotCertProvider: 'istiod',
      caAddress: '',
      caName: '',
      remotePilotAddress: '',
      sds: { token: { aud: 'istio-ca' } },
      sts: { servicePort: 0 },
      mountMtlsCerts: false,

      // Topology
      meshID: '',
      network: '',
      multiCluster: { clusterName: '' },

      // Logging of the agent and of istio-iptables
      logging: { level: 'default:info' },
      logAsJson: false,
      nativeNftables: false,

      proxy: {
        image: 'proxyv2',
        autoInject: 'enabled',
        clusterDomain: 'cluster.local',
        privileged: false,
        tracer: 'none',
        // Envoy logging
        logLevel: 'warning',
        componentLogLevel: 'misc:error',
        outlierLogPath: '',
        // Traffic capture (istio-iptables)
        includeIPRanges: '*',
        excludeIPRanges: '',
        includeInboundPorts: '*',
        excludeInboundPorts: '',
        includeOutboundPorts: '',
        excludeOutboundPorts: '',
        // Health checking of the agent
        statusPort: 15020,
        readinessInitialDelaySeconds: 0,
        readinessPeriodSeconds: 15,
        readinessFailureThreshold: 4,
        startupProbe: { enabled: true, failureThreshold: 600 },
        resources: {
          requests: { cpu: '100m', memory: '128Mi' },
          limits: { cpu: '2000m', memory: '1024Mi' },
        },
        seccompProfile: {},
      },
      proxy_init: { image: 'proxyv2', forceApplyIptables: false },
    },
    pilot: {
      cni: { enabled: false, provider: 'default' },
      env: {},
    },
    gateways: { securityContext: {}, seccompProfile: {} },
    sidecarInjectorWebhook: {
      rewriteAppHTTPProbe: true,
      enableNamespacesByDefault: false,
      reinvocationPolicy: 'Never',
      defaultTemplates: [],
      templates: {},
      injectedAnnotations: {},
      alwaysInjectSelector: [],
      neverInjectSelector: [],
    },
    revision: '',
  };
}
