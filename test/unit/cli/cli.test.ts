import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { runCli } from '../../../cli/src/run';
import { printIstioctl } from '../../../core/src/output/istioctl';

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

function tmpFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-inject-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const DEPLOYMENT = `# my app
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # the name
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: "nginx:1.27"
`;

test('injects every example: workloads get a sidecar, other kinds pass through byte for byte', async () => {
  const r = await cli('-f', 'examples');
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout.split(/^---\n/m).filter((d) => d.trim());
  const injectedKinds = docs.filter((d) => d.includes('name: istio-proxy')).map((d) => /^kind: (\w+)/m.exec(d)?.[1]);
  assert.deepEqual(new Set(injectedKinds), new Set(['Deployment', 'Pod', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController', 'DeploymentConfig', 'List']));
  const source = fs.readFileSync('examples/03-service-configmap-secret.yaml', 'utf8');
  for (const chunk of source.split(/^---\n/m)) assert.ok(r.stdout.includes(chunk), `passed through unchanged:\n${chunk}`);
  // Two app containers plus the proxy: READY 3/3 once deployed.
  const twoApps = docs.find((d) => d.includes('name: web-with-poller')) ?? '';
  assert.match(twoApps, /ISTIO_META_APP_CONTAINERS\n\s+value: nginx,poller/);
});

test('istioctl error texts and exit code 1', async () => {
  assert.deepEqual(await cli(), { code: 1, stdout: '', stderr: 'Error: filename not specified (see --filename or -f)\n' });
  const missing = await cli('-f', 'no-such-file.yaml');
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, 'Error: open no-such-file.yaml: no such file or directory\n');
});

test('preserve keeps comments and quoting, and reads back as the istioctl result', async () => {
  const file = tmpFile('app.yaml', DEPLOYMENT);
  const preserved = await cli('-f', file, '--format', 'preserve');
  const istioctl = await cli('-f', file);
  assert.equal(preserved.code, 0, preserved.stderr);
  assert.ok(preserved.stdout.startsWith('# my app\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web   # the name\n'));
  assert.match(preserved.stdout, /image: "nginx:1\.27"/);
  const obj = parseAllDocuments(preserved.stdout)[0].toJS() as Record<string, unknown>;
  assert.equal(printIstioctl(obj), istioctl.stdout);
});

test('-o over its own input replaces it atomically; a failed run leaves it untouched', async () => {
  const file = tmpFile('app.yaml', DEPLOYMENT);
  const r = await cli('-f', file, '-o', file);
  assert.equal(r.code, 0, r.stderr);
  assert.match(fs.readFileSync(file, 'utf8'), /name: istio-proxy/);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['app.yaml'], 'no temporary file left behind');

  const bad = tmpFile('bad.yaml', DEPLOYMENT + '---\nkind: [unclosed\n');
  const failed = await cli('-f', bad, '-o', bad);
  assert.equal(failed.code, 1);
  assert.equal(fs.readFileSync(bad, 'utf8'), DEPLOYMENT + '---\nkind: [unclosed\n');
});

test('--diff prints a unified diff of the change', async () => {
  const file = tmpFile('app.yaml', DEPLOYMENT);
  const r = await cli('-f', file, '--diff', '--format', 'preserve');
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith(`--- ${file}\n+++ ${file} (injected)\n@@ `));
  assert.match(r.stdout, /^\+ +- name: istio-proxy$/m);
  assert.match(r.stdout, /^ +- name: web$/m, 'unchanged lines are context');
});

test('bad input: a clear error naming the file, document and line, and no partial output', async () => {
  const cases: [string, RegExp][] = [
    ['apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [\n', /bad\.yaml: document 2, line \d+: .*\(column \d+\)/],
    ['- just\n- a list\n', /document 1, line 1: a Kubernetes object must be a mapping, not a sequence/],
    ['apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: "x"\n', /cannot unmarshal string into Go struct field Deployment\.spec\.template\.spec\.containers of type \[\]v1\.Container/],
    ['apiVersion: v1\nkind: Pod\nx: \u0000\n', /binary data/],
    [`a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nkind: Pod\napiVersion: v1\n`, /document 1, line 1: .*alias/i],
  ];
  for (const [text, want] of cases) {
    const r = await cli('-f', tmpFile('bad.yaml', text));
    assert.equal(r.code, 1, text);
    assert.equal(r.stdout, '', 'no partial output');
    assert.match(r.stderr, want);
  }
});

test('a 50 MB file is refused quickly with the limit named', async () => {
  const big = 'apiVersion: v1\nkind: ConfigMap\ndata:\n' + '  k: "' + 'x'.repeat(50 * 1024 * 1024) + '"\n';
  const started = Date.now();
  const r = await cli('-f', tmpFile('big.yaml', big));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /larger than 10 MB/);
  assert.ok(Date.now() - started < 5000, 'refused without parsing');
});

test('hostNetwork: skipped with istioctl’s warning on stderr', async () => {
  const file = tmpFile('host.yaml', DEPLOYMENT.replace('    spec:\n      containers:', '    spec:\n      hostNetwork: true\n      containers:'));
  const r = await cli('-f', file);
  assert.equal(r.code, 0);
  assert.doesNotMatch(r.stdout, /istio-proxy/);
  assert.equal(r.stderr, '\n===> Skipping injection because Deployment "web" has host networking enabled\n\n');
});

test('--version names the package and the built-in Istio release', async () => {
  const r = await cli('--version');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^istio-inject \d+\.\d+\.\d+ \(built-in configuration: Istio \d+\.\d+\.\d+\)\n$/);
});

test('the bundled CLI runs as a program', { skip: !fs.existsSync('dist/cli.js') && 'dist/cli.js not built (npm run build)' }, () => {
  const r = spawnSync(process.execPath, ['dist/cli.js', '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Usage:\n {2}istio-inject \[inject\] -f FILE\|DIR\|-/);
});
