import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseManifest } from '../../../core/src/manifest/parse';
import { applyEdits, preserveDocument } from '../../../core/src/output/preserve';
import { jsonEqual } from '../../../core/src/output/preserve-json';

/** Bits of YAML syntax, glued at random: odd but sometimes valid documents. */
const TOKENS = ['- ', ': ', '\n', '  ', '    ', '{', '}', '[', ']', ', ', '&a ', '*a', '!!str ', '# c', "'q'", '"d"', '---\n',
  '...\n', '%YAML 1.2\n', '? ', '|\n', '>-\n', '<<: *a', 'k', 'x', 'name', '1', 'yes', '\t', '\r\n', 'é', '~'];

test('token soup: parsing never throws, and preserve is exact even where it must rewrite', () => {
  let s = 12345;
  const r = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
  let mappings = 0;
  for (let i = 0; i < 4000; i++) {
    const text = Array.from({ length: 5 + Math.floor(r() * 40) }, () => TOKENS[Math.floor(r() * TOKENS.length)]).join('');
    const manifest = parseManifest(text);
    for (const doc of manifest.documents) {
      const value = doc.value;
      if (doc.problems.some((p) => p.severity === 'error') || value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      mappings++;
      const after = structuredClone(value) as Record<string, unknown>;
      const keys = Object.keys(after);
      if (keys.length > 0 && r() < 0.5) delete after[keys[0]];
      after[`new${i % 3}`] = r() < 0.5 ? { a: [1, 'x'] } : 'v';
      if (keys.length > 1) after[keys[1]] = r() < 0.5 ? ['z'] : 'changed';
      const out = applyEdits(text, preserveDocument(text, doc, after).edits);
      const reparsed = parseManifest(out).documents[doc.index - 1];
      assert.ok(reparsed && jsonEqual(reparsed.value, after), `${JSON.stringify(text)} → ${JSON.stringify(out)}`);
    }
  }
  assert.ok(mappings > 20, `${mappings} documents were mappings`);
});
