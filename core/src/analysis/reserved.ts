/** Ports Istio's sidecar and agent listen on in every injected pod, and what each is for. */
export const RESERVED_PORTS: ReadonlyMap<number, string> = new Map([
  [15000, 'Envoy\'s admin interface (localhost only)'],
  [15001, 'Envoy\'s outbound listener: the app\'s outgoing traffic is captured to it'],
  [15004, 'the agent\'s debug interface'],
  [15006, 'Envoy\'s inbound listener: incoming traffic is captured to it'],
  [15008, 'the HBONE tunnel port (mTLS tunnelling)'],
  [15009, 'the secure HBONE port'],
  [15020, 'pilot-agent\'s status port: health checks and merged Prometheus metrics'],
  [15021, 'the sidecar\'s health check (readiness) port'],
  [15053, 'the agent\'s DNS proxy'],
  [15090, 'Envoy\'s Prometheus metrics (/stats/prometheus)'],
]);
