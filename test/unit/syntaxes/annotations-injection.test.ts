import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { ANNOTATIONS } from '../../../core/src/analysis/catalogue-annotations';
import { LABELS } from '../../../core/src/analysis/catalogue-labels';
import { registry, scopesOf, SYNTAXES, tokenize } from './textmate';

const INJECTION = 'istio-inject.annotations.injection';
const KEY_SCOPE = 'support.type.property-name.istio.yaml';
const injectionFile = path.join(SYNTAXES, 'istio-annotations.injection.tmLanguage.json');

/** A small stand-in for VS Code's YAML grammar: keys, comments, quoted strings and block scalars. */
const MINI_YAML = {
  scopeName: 'source.yaml',
  patterns: [
    { match: '#.*$', name: 'comment.line.number-sign.yaml' },
    { begin: '"', end: '"', name: 'string.quoted.double.yaml' },
    // Good enough for the sample: the block's content is indented more than four spaces.
    { begin: '(?<=:\\s)\\|$', end: '^(?=\\s{0,4}\\S)', name: 'string.unquoted.block.yaml' },
    { match: '[^\\s:#"{}\\[\\],-][^\\s:"]*(?=\\s*:)', name: 'entity.name.tag.yaml' },
  ],
};

async function yamlGrammar(yamlFile: string) {
  const g = await registry({ 'source.yaml': yamlFile, [INJECTION]: injectionFile }, { 'source.yaml': [INJECTION] }).loadGrammar('source.yaml');
  assert.ok(g);
  return g;
}

const SAMPLE = `metadata:
  labels:
    istio.io/rev: canary
    app: web
  annotations:
    sidecar.istio.io/inject: "true"
    "traffic.sidecar.istio.io/excludeOutboundPorts": "5432"
    # sidecar.istio.io/inject: not a key in a comment
    example.com/sidecar.istio.io/inject: "x"
    proxy.istio.io/config: |
      holdApplicationUntilProxyStarts: true
  selector: {matchLabels: {istio-injection: enabled}}`;

function checkSample(lines: ReturnType<typeof tokenize>): void {
  const has = (scopes: string[], scope: string, yes = true) => assert.equal(scopes.includes(scope), yes, `${scope} ${yes ? 'missing from' : 'wrongly in'} ${scopes.join(' ')}`);
  has(scopesOf(lines[2], 'istio.io/rev'), KEY_SCOPE);
  has(scopesOf(lines[5], 'sidecar.istio.io/inject'), KEY_SCOPE);
  has(scopesOf(lines[6], 'traffic.sidecar.istio.io/excludeOutboundPorts'), KEY_SCOPE);
  has(scopesOf(lines[9], 'proxy.istio.io/config'), KEY_SCOPE);
  has(scopesOf(lines[11], 'istio-injection'), KEY_SCOPE);
  assert.ok(!lines[3].some((t) => t.scopes.includes(KEY_SCOPE)), 'app is not an Istio key');
  assert.ok(!lines[7].some((t) => t.scopes.includes(KEY_SCOPE)), 'comments are left alone');
  assert.ok(!lines[8].some((t) => t.scopes.includes(KEY_SCOPE)), 'a longer key that merely ends in an Istio key is not one');
  assert.ok(!lines[10].some((t) => t.scopes.includes(KEY_SCOPE)), 'block scalar content is left alone');
}

test('injection grammar highlights Istio keys inside YAML (stand-in YAML grammar)', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-')), 'yaml.tmLanguage.json');
  fs.writeFileSync(file, JSON.stringify(MINI_YAML));
  checkSample(tokenize(await yamlGrammar(file), SAMPLE));
});

test('injection grammar with VS Code\'s own YAML grammar (from the code-server test host)', async (t) => {
  const file = path.join(process.cwd(), 'test/e2e/host/node_modules/code-server/lib/vscode/extensions/yaml/syntaxes/yaml.tmLanguage.json');
  if (!fs.existsSync(file)) return t.skip(`SKIPPED: ${file} is absent (code-server not installed), so only the stand-in YAML grammar was used`);
  const dir = path.dirname(file);
  const files: Record<string, string> = { [INJECTION]: injectionFile };
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    files[JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).scopeName] = path.join(dir, f);
  }
  const g = await registry(files, { 'source.yaml': [INJECTION] }).loadGrammar('source.yaml');
  assert.ok(g);
  checkSample(tokenize(g, SAMPLE));
});

test('every annotation and label key of the catalogue is highlighted, and only as a whole key', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-')), 'yaml.tmLanguage.json');
  fs.writeFileSync(file, JSON.stringify(MINI_YAML));
  const g = await yamlGrammar(file);
  const names = [...new Set([...ANNOTATIONS, ...LABELS].map((k) => k.name))];
  assert.ok(names.length > 50);
  const lines = tokenize(g, names.map((n) => `    ${n}: x`).join('\n'));
  names.forEach((n, i) => assert.ok(scopesOf(lines[i], n).includes(KEY_SCOPE), n));
  const near = tokenize(g, '    sidecar.istio.io/injectx: y\n    traffic.sidecar.istio.io/unknown: z');
  assert.ok(!near.flat().some((t) => t.scopes.includes(KEY_SCOPE)), 'unknown keys are not highlighted');
});
