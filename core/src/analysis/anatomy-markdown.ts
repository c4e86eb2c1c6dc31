/** The sidecar's anatomy as markdown: a port table per process, then the user, the init step and the notes. */
import type { SidecarAnatomy } from './anatomy';

/** Markdown for one pod's sidecar; `title` names the workload (e.g. "Deployment `web`"). */
export function anatomyMarkdown(a: SidecarAnatomy, title = ''): string {
  const head = `**Sidecar anatomy**${title ? ` of ${title}` : ''}: container \`istio-proxy\`${a.image ? ` (\`${a.image}\`)` : ''}, ${a.native
    ? 'a native sidecar (an init container with `restartPolicy: Always`: it starts before the app containers and stops after them)'
    : 'a regular container next to the app'}.`;
  const processes = a.envoy
    ? 'Processes: `pilot-agent` (PID 1 of the container: it fetches configuration and certificates, then starts and supervises Envoy) and `envoy` (the proxy).'
    : 'Processes: `pilot-agent` alone: Envoy is off (`DISABLE_ENVOY`), as for proxyless gRPC, where the agent serves xDS and certificates to the application.';
  const lines = [head, '', processes, ''];
  lines.push('| port | process | listens on | what |', '|---:|---|---|---|');
  for (const p of a.ports) {
    lines.push(`| ${p.port} | ${p.process} | ${p.scope === 'localhost' ? 'localhost only' : 'all interfaces (the pod IP)'} | ${p.purpose} |`);
  }
  if (!a.ports.some((p) => p.process === 'pilot-agent' && p.scope === 'pod')) lines.push('', 'The status port is 0: the agent\'s status server is off, so nothing answers readiness or merged metrics.');
  lines.push('');
  lines.push(`- User: ${idText('UID', a.uid)}, ${idText('GID', a.gid)}. The capture rules let this UID's traffic out uncaptured, so Envoy does not capture itself.`);
  lines.push(`- Traffic capture: ${captureText(a)}`);
  if (a.discoveryAddress) lines.push(`- Control plane: pilot-agent connects to \`${a.discoveryAddress}\` for xDS and certificates, and serves them to ${a.envoy ? 'Envoy' : 'the application'} over Unix sockets (\`/etc/istio/proxy/XDS\`, \`/var/run/secrets/workload-spiffe-uds/socket\`).`);
  if (!a.dnsCapture) lines.push('- DNS: not captured (set `ISTIO_META_DNS_CAPTURE: "true"` in proxyMetadata for the agent\'s DNS proxy on 15053).');
  if (!a.hbone && a.envoy) lines.push('- HBONE (15008): off (`ISTIO_META_ENABLE_HBONE` is not "true").');
  return lines.join('\n');
}

function idText(what: string, id: number | undefined): string {
  return id === undefined ? `${what} not set (the platform picks one, e.g. OpenShift)` : `${what} ${id}`;
}

function captureText(a: SidecarAnatomy): string {
  const flags = a.init ? argFlags(a.init.args) : new Map<string, string>();
  if (a.init?.name === 'istio-validation') return `the Istio CNI plugin writes the iptables rules (\`${a.interceptionMode}\`); the \`istio-validation\` init container checks they are in place.`;
  if (a.interceptionMode === 'NONE') return 'none (interception mode `NONE`): no iptables rules, applications reach Envoy explicitly.';
  if (!a.init) return `mode \`${a.interceptionMode}\`, but the pod has no \`istio-init\` container.`;
  const parts = [`\`istio-init\` runs \`istio-iptables\` as root (NET_ADMIN, NET_RAW) before the app starts, in mode \`${a.interceptionMode}\``];
  const inbound = flags.get('-b');
  if (inbound !== undefined) parts.push(`inbound ports captured: ${inbound === '*' ? 'all' : `\`${inbound || 'none'}\``}`);
  const excluded = flags.get('-d');
  if (excluded) parts.push(`not captured inbound: \`${excluded}\``);
  const ranges = flags.get('-i');
  if (ranges !== undefined) parts.push(`outbound IP ranges captured: ${ranges === '*' ? 'all' : `\`${ranges || 'none'}\``}`);
  const uid = flags.get('-u');
  if (uid) parts.push(`traffic of UID ${uid} passes uncaptured`);
  return `${parts.join('; ')}.`;
}

/** `-x value` pairs of the istio-iptables arguments. */
function argFlags(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length - 1; i++) if (/^-[a-z]$/.test(args[i])) out.set(args[i], args[i + 1]);
  return out;
}
