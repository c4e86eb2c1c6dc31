/**
 * The quick analysis rereads an edit inside one scalar from the previous parse (core/src/manifest/reparse.ts): its
 * findings must be those of a fresh parse, keystroke after keystroke, and the full analysis must not depend on it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../core/src/analysis';
import { DEFAULT_SETTINGS } from '../../protocol/src/protocol';
import { defaultAnalysis, quickManifests } from '../../server/src/analysis-port';
import { ConfigManager } from '../../server/src/settings';

const { injector, injection } = new ConfigManager().resolve(DEFAULT_SETTINGS);

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    sidecar.istio.io/inject: "true"
    traffic.sidecar.istio.io/excludeInboundPorts: "9090"
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - containerPort: 8080
`;

/** Every intermediate text of typing `typed` over `from` one character at a time (delete, then type). */
function keystrokes(text: string, from: string, typed: string): string[] {
  const at = text.indexOf(from);
  assert.ok(at >= 0, from);
  const out: string[] = [];
  for (let n = from.length - 1; n >= 0; n--) out.push(text.slice(0, at) + from.slice(0, n) + text.slice(at + from.length));
  for (let n = 1; n <= typed.length; n++) out.push(text.slice(0, at) + typed.slice(0, n) + text.slice(at + from.length));
  return out;
}

test('typing inside scalars: each quick analysis is reread, and finds what a fresh parse finds', () => {
  const runs = [
    keystrokes(POD, '8080', '15001'), // a reserved port appears
    keystrokes(POD, 'true', 'tru'), // an invalid value
    keystrokes(POD, 'excludeInboundPorts', 'excludeInboundPort'), // an unknown key
    keystrokes(POD, '9090', '90x90'),
  ];
  const before = { ...quickManifests };
  const codes = new Set<string>();
  for (const run of runs) {
    defaultAnalysis.analyzeDocument(POD, injector, injection);
    for (const text of run) {
      const quick = defaultAnalysis.analyzeQuick(text, injector, injection);
      assert.deepEqual(quick, analyzeDocument(text, injector, injection, { injection: false }), text);
      for (const f of quick) codes.add(f.code);
      const full = defaultAnalysis.analyzeDocument(text, injector, injection);
      assert.deepEqual(full, analyzeDocument(text, injector, injection), `full findings of\n${text}`);
    }
  }
  const edits = runs.flat().length;
  const reread = quickManifests.reread - before.reread;
  // Each run empties a scalar once: the empty text is parsed, and so may be the first character typed into it (unless
  // an older parse of the same document is still at hand).
  assert.ok(reread >= edits - 2 * runs.length, `reread ${reread}, parsed ${quickManifests.parsed - before.parsed} of ${edits}`);
  assert.ok(codes.size >= 3, `the edits produced findings: ${[...codes].join(', ')}`);
});

test('an edit that is not inside one scalar is parsed, and the base parse stays usable', () => {
  defaultAnalysis.analyzeDocument(POD, injector, injection);
  const before = { ...quickManifests };
  const newLine = POD.replace('      image: nginx:1.27\n', '      image: nginx:1.27\n      imagePullPolicy: Always\n');
  assert.deepEqual(defaultAnalysis.analyzeQuick(newLine, injector, injection), analyzeDocument(newLine, injector, injection, { injection: false }));
  assert.equal(quickManifests.parsed - before.parsed, 1);
  const typed = POD.replace('nginx:1.27', 'nginx:1.28');
  assert.deepEqual(defaultAnalysis.analyzeQuick(typed, injector, injection), analyzeDocument(typed, injector, injection, { injection: false }));
  assert.equal(quickManifests.reread - before.reread, 1, 'the declined attempt left the base intact for the next edit');
});
