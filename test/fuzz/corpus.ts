/**
 * The seed documents the fuzzer mutates: our examples and YAML fixtures, plus Istio's inject corpus (inputs and
 * injected goldens) when the shared reference data is present. Each seed is one document's text, so a mutation
 * always works on something Kubernetes-shaped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MISSING_REFERENCE, REFERENCE_DIR, referenceAvailable } from '../conformance/reference';

export interface Seed {
  /** Where it came from, e.g. `examples/04-pod.yaml#1`. */
  origin: string;
  text: string;
}

export interface Corpus {
  seeds: Seed[];
  /** Why a source was left out (printed loudly by the runners). */
  skipped: string[];
}

/** Runners start in the repository root, as test/conformance/reference.ts assumes too. */
const REPO = process.cwd();

/** Every seed document; `repo` is the repository root (default: this checkout). */
export function loadCorpus(repo = REPO): Corpus {
  const skipped: string[] = [];
  const files: { rel: string; abs: string }[] = [];
  for (const dir of ['examples', 'test/fixtures']) {
    for (const abs of yamlFiles(path.join(repo, dir))) files.push({ rel: path.relative(repo, abs), abs });
  }
  if (referenceAvailable()) {
    const inject = path.join(REFERENCE_DIR, 'inject');
    for (const name of fs.readdirSync(inject).sort()) {
      if (/\.ya?ml(\.injected)?$/.test(name)) files.push({ rel: `istio-reference/inject/${name}`, abs: path.join(inject, name) });
    }
  } else {
    skipped.push(`${MISSING_REFERENCE}; fuzzing our own examples and fixtures only`);
  }
  const seeds: Seed[] = [];
  for (const f of files) {
    splitDocuments(fs.readFileSync(f.abs, 'utf8')).forEach((text, i) => seeds.push({ origin: `${f.rel}#${i + 1}`, text }));
  }
  return { seeds, skipped };
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(abs));
    else if (/\.ya?ml$/.test(entry.name)) out.push(abs);
  }
  return out.sort();
}

/** Non-blank documents of a stream, split on `---` lines the way Kubernetes' reader does. */
function splitDocuments(text: string): string[] {
  return text.split(/^---[ \t]*(?:#.*)?\r?\n/m).filter((d) => d.trim() !== '');
}
