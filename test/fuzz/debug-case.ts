/** Developer aid: shows each step of the properties for one input file (`node --import tsx test/fuzz/debug-case.ts FILE [--native]`). */
import * as fs from 'node:fs';
import { applyEdits, builtinSettings, createInjector, injectText, parseManifest, removeInjection, type KubeObject } from '../../core/src/index';
import { preserveEdits } from '../../core/src/output/preserve';
import { checkText, newStats } from './properties';

const text = fs.readFileSync(process.argv[2], 'utf8');
const injector = createInjector(builtinSettings(process.argv.includes('--native') ? { ENABLE_NATIVE_SIDECARS: 'true' } : {}));
const r = injectText(text, injector);
console.log('errors:', r.errors, 'outcomes:', r.documents.map((d) => d.outcome));
console.log('===== preserved\n' + r.preserved);
for (const d of r.documents) {
  if (d.outcome.kind !== 'injected') continue;
  const doc = parseManifest(d.newText).documents[0];
  const removed = removeInjection(doc.value as KubeObject);
  const without = applyEdits(d.newText, preserveEdits(d.newText, doc, removed.object));
  console.log(`===== document ${d.index} after removal (${removed.outcome.kind})\n${without}`);
  const again = injectText(r.preserved ?? '', injector);
  console.log('===== preserve re-injected\n' + (again.preserved ?? again.errors.join('\n')));
}
console.log('===== violations', checkText(text, injector, newStats()));
