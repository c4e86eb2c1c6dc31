/**
 * `npm run conformance`: every golden case of Istio's kube-inject corpus through the core, and istioctl's own CLI
 * cases through our CLI. Prints PASS/FAIL per case with a short diff and ends with exactly one summary line.
 * With --floor, exits 1 when a count drops below test/conformance/floor.json.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { unifiedDiff } from '../../cli/src/diff';
import { createInjector } from '../../core/src/inject';
import { injectManifest } from '../../core/src/run/inject-manifest';
import { caseName, cliCases, CLI_CASES_DIR, corpusCases, type CorpusCase } from './cases';
import { MISSING_REFERENCE, readReference, referenceAvailable, stripVersion } from './reference';
import { settingsForCase } from './settings-for-case';

interface Tally { byte: number; semantic: number; total: number; errMatched: number; errTotal: number }

const CLI = path.resolve(process.cwd(), 'dist/cli.js');
const verbose = process.argv.includes('--verbose');

function semanticEqual(a: string, b: string): boolean {
  try {
    const docs = (t: string) => parseAllDocuments(t).map((d) => d.toJS());
    return isDeepStrictEqual(docs(a), docs(b));
  } catch {
    return false;
  }
}

function shortDiff(want: string, got: string): string {
  const lines = unifiedDiff(want, got, 'golden', 'ours').split('\n');
  const shown = verbose ? lines : lines.slice(0, 24);
  return shown.map((l) => `    ${l}`).join('\n') + (lines.length > shown.length ? `\n    … ${lines.length - shown.length} more lines` : '');
}

function runCorpusCase(c: CorpusCase, t: Tally): void {
  const name = caseName(c);
  let report;
  try {
    report = injectManifest(readReference(c.input), createInjector(settingsForCase(c)));
  } catch (e) {
    report = { errors: [`crash: ${(e as Error).stack ?? e}`], istioctl: undefined, documents: [] };
  }
  if (c.expectedError) {
    t.errTotal++;
    const matched = report.errors.some((e) => e.toLowerCase().includes(c.expectedError as string));
    if (matched) t.errMatched++;
    console.log(`${matched ? 'PASS' : 'FAIL'} ${name} (expects error "${c.expectedError}")${matched ? '' : `: got ${report.errors.join('; ') || 'no error'}`}`);
    return;
  }
  if (!c.golden) return;
  t.total++;
  const want = readReference(c.golden);
  if (report.istioctl === undefined) {
    console.log(`FAIL ${name}: ${report.errors.join('; ')}`);
    return;
  }
  const got = stripVersion(report.istioctl);
  const logOk = !c.expectedLog || report.documents.some((d) => d.warnings.some((w) => w.includes(c.expectedLog as string)));
  if (got === want && logOk) {
    t.byte++;
    t.semantic++;
    console.log(`PASS ${name}`);
  } else if (semanticEqual(got, want) && logOk) {
    t.semantic++;
    console.log(`SEMANTIC ${name}: equal as YAML, bytes differ\n${shortDiff(want, got)}`);
  } else {
    console.log(`FAIL ${name}${logOk ? '' : ` (missing log "${c.expectedLog}")`}\n${shortDiff(want, got)}`);
  }
}

function runCliCase(args: string[], golden: string | undefined, error: string | undefined, t: Tally): void {
  const name = `[cli] istio-inject ${args.join(' ')}`;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: CLI_CASES_DIR, encoding: 'utf8' });
  if (error !== undefined) {
    t.errTotal++;
    const ok = r.status === 1 && new RegExp(error).test(r.stderr);
    if (ok) t.errMatched++;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${name} (expects error /${error}/)${ok ? '' : `: exit ${r.status}, stderr ${JSON.stringify(r.stderr.slice(0, 300))}`}`);
    return;
  }
  t.total++;
  const want = fs.readFileSync(path.join(CLI_CASES_DIR, golden as string), 'utf8');
  const got = stripVersion(r.stdout);
  if (r.status === 0 && got === want) {
    t.byte++;
    t.semantic++;
    console.log(`PASS ${name}`);
  } else if (r.status === 0 && semanticEqual(got, want)) {
    t.semantic++;
    console.log(`SEMANTIC ${name}\n${shortDiff(want, got)}`);
  } else {
    console.log(`FAIL ${name}: exit ${r.status} ${r.stderr.trim().slice(0, 300)}\n${shortDiff(want, got)}`);
  }
}

function main(): number {
  if (!referenceAvailable()) {
    console.log(MISSING_REFERENCE);
    console.log('conformance: SKIPPED (no reference corpus)');
    return 0;
  }
  const t: Tally = { byte: 0, semantic: 0, total: 0, errMatched: 0, errTotal: 0 };
  for (const c of corpusCases()) runCorpusCase(c, t);
  for (const c of cliCases()) runCliCase(c.args, c.golden, c.error, t);
  console.log(`conformance: ${t.byte}/${t.total} byte-equal, ${t.semantic}/${t.total} semantic-equal, ${t.errMatched}/${t.errTotal} error cases matched`);
  if (process.argv.includes('--floor')) {
    const floor = JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'test/conformance/floor.json'), 'utf8')) as Record<string, number>;
    const below = [
      t.byte < floor.byteEqual && `byte-equal ${t.byte} < floor ${floor.byteEqual}`,
      t.semantic < floor.semanticEqual && `semantic-equal ${t.semantic} < floor ${floor.semanticEqual}`,
      t.errMatched < floor.errorsMatched && `errors matched ${t.errMatched} < floor ${floor.errorsMatched}`,
    ].filter(Boolean);
    if (below.length) {
      console.log(`conformance FLOOR BROKEN: ${below.join(', ')} (test/conformance/floor.json)`);
      return 1;
    }
  }
  return 0;
}

process.exitCode = main();
