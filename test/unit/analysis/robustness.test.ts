/** The analysis runs on every keystroke: it must never throw, whatever half-typed text it gets. */
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { completionsAt, hoverAt } from '../../../core/src/analysis';
import { splitYamlStream } from '../../../core/src/manifest/split';
import { analyze, injector, settings } from './helpers';

/** A small deterministic PRNG, so failures reproduce. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const ODD_VALUES = ['', 'true', '15001', '[1, 2]', '{a: 1}', '~', '"x"', '&a x', '*a', '|\n  block', '- item', ': :', '1337'];

test('analysis, hover and completion never throw on edited example documents', () => {
  const dir = path.resolve(process.cwd(), 'examples');
  const docs = fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).flatMap((n) => splitYamlStream(fs.readFileSync(path.join(dir, n), 'utf8')).chunks.map((c) => c.text));
  const rnd = random(42);
  let runs = 0;
  for (const doc of docs) {
    for (let i = 0; i < 12; i++) {
      const lines = doc.split('\n');
      const at = Math.floor(rnd() * lines.length);
      const line = lines[at];
      const colon = line.indexOf(': ');
      const mutation = Math.floor(rnd() * 4);
      if (mutation === 0) lines.splice(at, 1);
      else if (mutation === 1) lines[at] = line.slice(0, Math.floor(rnd() * line.length));
      else if (mutation === 2 && colon > 0) lines[at] = `${line.slice(0, colon + 2)}${ODD_VALUES[Math.floor(rnd() * ODD_VALUES.length)]}`;
      else lines.splice(at, 0, `${' '.repeat(Math.floor(rnd() * 10))}sidecar.istio.io/${rnd() > 0.5 ? 'inject' : 'x'}: ${ODD_VALUES[Math.floor(rnd() * ODD_VALUES.length)]}`);
      const text = lines.join('\n');
      const where = `${JSON.stringify(text)}`;
      const findings = analyze(text);
      for (const f of findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, where);
      for (let k = 0; k < 5; k++) {
        const offset = Math.floor(rnd() * (text.length + 1));
        hoverAt(text, offset, injector, settings);
        for (const c of completionsAt(text, offset)) assert.ok(c.start <= offset && c.end >= offset, where);
      }
      runs++;
    }
  }
  assert.ok(runs > 50);
});
