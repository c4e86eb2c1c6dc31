/**
 * The fast YAML decoder against the `yaml` package on real texts: every injector template output produced while
 * injecting Istio's corpus (with each case's rendered configuration, and with the built-in one), and every YAML
 * document of the reference data. It must give the same value whenever it does not decline, and must not decline
 * template output at all.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import type { createInjector as CreateInjector } from '../../../core/src/inject';
import type { InjectionSettings } from '../../../core/src/inject/types';
import type { injectManifest as InjectManifest } from '../../../core/src/run/inject-manifest';
import type { CorpusCase } from '../../conformance/cases';
import { declineCount, tally } from './differential';

const REF = path.resolve(process.cwd(), '../shared/istio-reference');
const MISSING = `SKIPPED: ${REF} is absent, so the reference corpus cannot be decoded`;

/**
 * Records every text yamlToJson is asked to decode. The modules that use it are loaded after the recorder is in
 * place (each test file runs in its own process).
 */
const seen = new Set<string>();
// Modules loaded by hand, in order: static imports would load the injector before the recorder exists.
const load = createRequire(__filename);
const yamlJsonPath = load.resolve('../../../core/src/config/yaml-json');
const yamlJson = load(yamlJsonPath) as typeof import('../../../core/src/config/yaml-json');
load.cache[yamlJsonPath]!.exports = {
  ...yamlJson,
  yamlToJson(text: string): unknown {
    seen.add(text);
    return yamlJson.yamlToJson(text);
  },
};
const { createInjector } = load('../../../core/src/inject') as { createInjector: typeof CreateInjector };
const { injectManifest } = load('../../../core/src/run/inject-manifest') as { injectManifest: typeof InjectManifest };
const { builtinSettings, settingsFromSources } = load('../../../core/src/config/sources') as typeof import('../../../core/src/config/sources');

function readRef(rel: string): string {
  return fs.readFileSync(path.join(REF, rel), 'utf8');
}

function inject(text: string, settings: InjectionSettings): void {
  try {
    injectManifest(text, createInjector(settings));
  } catch {
    // Failures are the inject tests' business; the texts seen so far still count.
  }
}

/** Template outputs (and configuration texts) decoded while injecting the corpus in several configurations. */
function injectionTexts(): Set<string> {
  seen.clear();
  const { corpusCases } = load('../../conformance/cases') as { corpusCases(): CorpusCase[] };
  const { settingsForCase } = load('../../conformance/settings-for-case') as { settingsForCase(c: CorpusCase): InjectionSettings };
  const cases = corpusCases();
  for (const c of cases) if (!c.skipInjection) inject(readRef(c.input), settingsForCase(c));
  // Every rendered configuration and the built-in one over a spread of inputs.
  const inputs = [...new Set(cases.map((c) => c.input))].filter((_, i) => i % 12 === 0);
  const configs = fs.readdirSync(path.join(REF, 'rendered')).map((dir) => settingsFromSources({
    config: readRef(`rendered/${dir}/config.yaml`),
    values: readRef(`rendered/${dir}/values.json`),
    mesh: readRef(`rendered/${dir}/mesh.yaml`),
  }));
  for (const settings of [builtinSettings(), ...configs]) for (const input of inputs) inject(readRef(input), settings);
  return new Set(seen);
}

/** Each YAML document of every reference file, cut at `---` lines. */
function referenceDocuments(): string[] {
  const docs: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml(\.|$)/.test(e.name)) docs.push(...fs.readFileSync(p, 'utf8').split(/^---[^\n]*\n/m));
    }
  };
  walk(REF);
  return docs;
}

function describe(t: ReturnType<typeof tally>): string {
  return `${t.same} same, ${declineCount(t)} declined ${JSON.stringify([...t.declined])}`;
}

test('template outputs decode exactly as with the yaml package, with no declines', (t) => {
  if (!fs.existsSync(path.join(REF, 'cases.json'))) return t.skip(MISSING);
  const texts = injectionTexts();
  const result = tally(texts);
  t.diagnostic(`${texts.size} distinct texts: ${describe(result)}`);
  assert.deepEqual(result.mismatches, []);
  assert.ok(texts.size > 100, `only ${texts.size} texts`);
  // Configuration files may decline (they are read once); template outputs may not.
  const templateTexts = [...texts].filter((x) => /^\s*(?:metadata|spec):/m.test(x) && !/^templates:/m.test(x));
  const templates = tally(templateTexts);
  t.diagnostic(`${templateTexts.length} template outputs`);
  assert.ok(templateTexts.length > 50, `only ${templateTexts.length} template outputs`);
  assert.equal(declineCount(templates), 0, describe(templates));
});

test('reference YAML documents decode exactly as with the yaml package', (t) => {
  if (!fs.existsSync(path.join(REF, 'cases.json'))) return t.skip(MISSING);
  const docs = referenceDocuments();
  const result = tally(docs);
  t.diagnostic(`${docs.length} documents: ${describe(result)}`);
  assert.deepEqual(result.mismatches, []);
  assert.ok(result.same > docs.length * 0.8, describe(result));
});
