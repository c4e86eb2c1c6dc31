import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../cli/src/run';

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

function tmpFile(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'istio-iptables-')), name);
  fs.writeFileSync(file, text);
  return file;
}

const FIXTURES = path.join(process.cwd(), 'test/fixtures/iptables-1.12');

const TWO = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: "nginx:1.27"}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
---
apiVersion: v1
kind: Pod
metadata:
  name: tools
  annotations: {traffic.sidecar.istio.io/excludeOutboundIPRanges: "10.96.0.0/12"}
spec:
  containers: [{name: tools, image: busybox}]
`;

test('iptables: # Kind/name and the restore input of each injected workload, in document order', () => {
  const r = cli('iptables', '-f', tmpFile('app.yaml', TWO));
  assert.equal(r.code, 0, r.stderr);
  const heads = r.stdout.split('\n').filter((l) => l.startsWith('# '));
  assert.deepEqual(heads, ['# Deployment/web', '# Pod/tools']);
  const [web, tools] = r.stdout.split(/^(?=# )/m);
  assert.ok(web.startsWith('# Deployment/web\n* nat\n-N ISTIO_INBOUND\n'));
  assert.ok(web.endsWith('-A ISTIO_OUTPUT -j ISTIO_REDIRECT\nCOMMIT\n'));
  assert.ok(tools.includes('\n-A ISTIO_OUTPUT -d 10.96.0.0/12 -j RETURN\n'));
  assert.equal(r.stderr, '');
});

test('iptables: the config flags of inject apply (an operator file turning CNI on)', () => {
  const op = tmpFile('op.yaml', 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    pilot:\n      cni:\n        enabled: true\n');
  const r = cli('iptables', '-f', tmpFile('app.yaml', TWO), '--operatorFileName', op);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes('\n-A ISTIO_INBOUND -p tcp --dport 15090 -j RETURN\n'));
  assert.match(r.stderr, /^Deployment\/web: Istio CNI programs this pod/m);
});

test('iptables: --ipv6 adds the ip6tables-restore input; --cluster-dns sets the resolver for DNS capture', () => {
  const dns = TWO.replace('annotations: {', 'annotations: {proxy.istio.io/config: "proxyMetadata: {ISTIO_META_DNS_CAPTURE: \\"true\\"}", ');
  const r = cli('iptables', '-f', tmpFile('app.yaml', dns), '--ipv6', '--cluster-dns', '10.0.0.10');
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes('# Pod/tools (ip6tables-restore)\n* nat\n'));
  assert.ok(r.stdout.includes('-A ISTIO_OUTPUT_DNS -p tcp --dport 53 -d 10.0.0.10/32 -j REDIRECT --to-ports 15053'));
  assert.match(r.stderr, /Pod\/tools: DNS capture: assuming the cluster DNS service is 10\.0\.0\.10/);
});

test('iptables: errors name the file and line, as inject does; usage errors', () => {
  const bad = tmpFile('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: "x"\n');
  const r = cli('iptables', '-f', bad);
  assert.equal(r.code, 1);
  assert.ok(r.stderr.startsWith(`Error: ${bad}: document 1, line 1: `), r.stderr);
  assert.equal(r.stdout, '');
  assert.match(cli('iptables').stderr, /^Error: filename not specified \(see --filename or -f\)/);
  assert.match(cli('iptables', '-f', '/nonexistent.yaml').stderr, /^Error: open \/nonexistent.yaml: no such file or directory/);
  assert.match(cli('iptables', '-f', bad, '--diff').stderr, /--diff and --format apply to inject/);
  assert.match(cli('iptables', '--help').stdout, /^istio-inject iptables:/);
});

test('iptables: our 1.12 goldens (test/fixtures/iptables-1.12), byte for byte', () => {
  const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
  assert.ok(names.length >= 4);
  for (const name of names) {
    const flags = name.startsWith('ipv6-') ? ['--ipv6'] : [];
    const r = cli('iptables', '-f', path.join(FIXTURES, `${name}.yaml`), ...flags);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, fs.readFileSync(path.join(FIXTURES, `${name}.iptables`), 'utf8'), name);
    assert.ok(r.stdout.includes('\n-A OUTPUT -p tcp -j ISTIO_OUTPUT\n'), `${name}: 1.12 jumps to ISTIO_OUTPUT for tcp only`);
  }
});
