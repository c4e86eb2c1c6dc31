import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertUnchangedEntriesKept, comments, contentDocs, preserveAll } from './preserve-helpers';

const REF = path.resolve(process.cwd(), '../shared/istio-reference');

interface GoldenCase {
  input: string;
  golden: string;
  goldenExists?: boolean;
  expectedError?: string;
  skipInjection?: boolean;
}

/** One golden per input: the istioctl output for it is the `after` value. */
function goldenPairs(): GoldenCase[] {
  const cases = (JSON.parse(fs.readFileSync(path.join(REF, 'cases.json'), 'utf8')) as { cases: GoldenCase[] }).cases;
  const byInput = new Map<string, GoldenCase>();
  for (const c of cases) {
    if (c.expectedError || c.skipInjection || !c.goldenExists || byInput.has(c.input)) continue;
    byInput.set(c.input, c);
  }
  return [...byInput.values()];
}

test('every kube-inject golden input, preserved into its injected value', (t) => {
  if (!fs.existsSync(REF)) {
    t.skip(`reference data not found at ${REF}: golden preserve round trips NOT RUN`);
    return;
  }
  const pairs = goldenPairs();
  assert.ok(pairs.length >= 90, `found ${pairs.length} golden inputs`);
  let keptEntries = 0;
  for (const c of pairs) {
    const text = fs.readFileSync(path.join(REF, c.input), 'utf8');
    const afters = contentDocs(fs.readFileSync(path.join(REF, c.golden), 'utf8')).map((d) => d.value);
    const result = preserveAll(text, afters);
    assert.equal(result.rewritten, false, `${c.input}: minimal edits, no whole rewrite`);
    keptEntries += assertUnchangedEntriesKept(text, result.out, afters);
    const lost = comments(text).filter((cm) => !result.out.includes(cm));
    assert.deepEqual(lost, [], `${c.input}: comments kept, also in a container moved to initContainers`);
    // Large deletions are real (a re-injected sidecar leaves `containers`); large replacements would be rewrites.
    const rewrites = result.edits.filter((e) => e.newText !== '' && e.end - e.start > 400);
    assert.deepEqual(rewrites, [], `${c.input}: no large replacements`);
  }
  assert.ok(keptEntries > 200, `checked ${keptEntries} unchanged top-level entries`);
});

test('golden: hello.yaml keeps its quoting and layout, and gains the sidecar in its own sequence style', (t) => {
  if (!fs.existsSync(REF)) {
    t.skip(`reference data not found at ${REF}`);
    return;
  }
  const text = fs.readFileSync(path.join(REF, 'inject/hello.yaml'), 'utf8');
  const after = contentDocs(fs.readFileSync(path.join(REF, 'inject/hello.yaml.injected'), 'utf8'))[0].value;
  const { out } = preserveAll(text, [after]);
  assert.ok(out.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: hello\nspec:\n  replicas: 7\n'));
  assert.ok(out.includes('    matchLabels: \n'), 'the trailing space after matchLabels: stays');
  assert.ok(out.includes('          image: "fake.docker.io/google-samples/hello-go-gke:1.0"\n'), 'quotes kept');
  assert.match(out, /\n {6}initContainers:\n {8}- /, 'sequences indented like the file');
  assert.ok(out.endsWith('status: {}\n'));
});

test('golden: a customised istio-proxy moved to initContainers keeps its own text', (t) => {
  if (!fs.existsSync(REF)) {
    t.skip(`reference data not found at ${REF}`);
    return;
  }
  const text = fs.readFileSync(path.join(REF, 'inject/proxy-override-runas.yaml'), 'utf8');
  const after = contentDocs(fs.readFileSync(path.join(REF, 'inject/proxy-override-runas.yaml.injected'), 'utf8'))[0].value;
  const { out } = preserveAll(text, [after]);
  const moved = '      - name: istio-proxy\n        image: registry.istio.io/testing/proxyv2:latest\n        securityContext:\n' +
    '          # iptables rules must honor this value, and must not use 1337\n          runAsUser: 1234\n          runAsGroup: 4321\n';
  assert.ok(out.includes(moved), 'the moved container keeps its comment and key order');
  assert.ok(out.indexOf(moved) > out.indexOf('      initContainers:\n'), 'and now sits in initContainers');
});
