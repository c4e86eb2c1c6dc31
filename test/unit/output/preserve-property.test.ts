import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertUnchangedEntriesKept, contentDocs, preserveAll } from './preserve-helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FIXTURES = [
  `# A deployment with the usual shapes
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # trailing comment
  labels: {app: web, tier: "front"}
spec:
  replicas: 3

  template:
    metadata:
      annotations:
        note: 'single quoted'
    spec:
      containers:
        - name: app
          image: "nginx:1.25"
          args: ["--port", "8080"]
          env:
            - name: A
              value: "1"
        - name: helper
          command:
          - sleep
          - "3600"
      volumes: []
`,
  `kind: Pod\r\nmetadata:\r\n  name: crlf\r\nspec:\r\n  containers:\r\n  - name: c\r\n    ports:\r\n    - containerPort: 80\r\n`,
  `apiVersion: v1
kind: ConfigMap
data:
  script: |
    #!/bin/sh
    echo hi
  folded: >
    one
    two
  empty:
  quoted: "a\\tb"
---
# second document
kind: Service
spec:
  ports:
  - port: 80
    targetPort: 8080
  selector: {}`,
];

/** Deterministic pseudo-random numbers (a linear congruential generator), so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const TRICKY_STRINGS = ['', 'yes', 'on', 'y', 'null', '~', '0777', '1e3', '15020', '- item', 'a: b', '#hash', ' lead', 'trail ',
  'multi\nline', 'multi\nline\n', '"dq"', "it's", '*', '&anchor', '{x}', '[1]', 'ünïcödé', '%tag', '@at', '`tick', 'x'.repeat(120)];
const KEYS = ['name', 'image', 'newKey', 'initContainers', 'a.b/c', 'y', 'true', '123', 'with space', 'k'];

function randomScalar(r: () => number): Json {
  const pick = r();
  if (pick < 0.45) return TRICKY_STRINGS[Math.floor(r() * TRICKY_STRINGS.length)];
  if (pick < 0.6) return Math.floor(r() * 100000) - 50;
  if (pick < 0.7) return r() * 10;
  if (pick < 0.8) return r() < 0.5;
  if (pick < 0.85) return null;
  return `s${Math.floor(r() * 1000)}`;
}

function randomValue(r: () => number, depth: number): Json {
  const pick = r();
  if (depth <= 0 || pick < 0.5) return randomScalar(r);
  const size = Math.floor(r() * 4);
  if (pick < 0.75) return Array.from({ length: size }, () => randomValue(r, depth - 1));
  const obj: Record<string, Json> = {};
  for (let i = 0; i < size; i++) obj[KEYS[Math.floor(r() * KEYS.length)] + (r() < 0.3 ? i : '')] = randomValue(r, depth - 1);
  return obj;
}

/** Every collection inside `v` (including itself). */
function collections(v: Json, out: (Json[] | Record<string, Json>)[] = []): (Json[] | Record<string, Json>)[] {
  if (v !== null && typeof v === 'object') {
    out.push(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) collections(child, out);
  }
  return out;
}

/** One random change somewhere in the value: set, add, delete, insert, move or empty. */
function mutate(root: Json, r: () => number): void {
  const all = collections(root);
  const target = all[Math.floor(r() * all.length)];
  const op = r();
  if (Array.isArray(target)) {
    const i = Math.floor(r() * (target.length + 1));
    if (op < 0.3 || target.length === 0) target.splice(i, 0, randomValue(r, 2));
    else if (op < 0.5) target.splice(Math.min(i, target.length - 1), 1);
    else if (op < 0.75) target[Math.min(i, target.length - 1)] = randomValue(r, 2);
    else if (op < 0.9) target.push(target.shift()!);
    else target.length = 0;
    return;
  }
  const keys = Object.keys(target);
  const key = keys[Math.floor(r() * keys.length)];
  if (op < 0.3 || keys.length === 0) target[KEYS[Math.floor(r() * KEYS.length)] + Math.floor(r() * 3)] = randomValue(r, 3);
  else if (op < 0.5 && keys.length > 1) delete target[key];
  else if (op < 0.85) target[key] = randomValue(r, 2);
  else for (const k of keys) delete target[k];
}

function fixtures(): string[] {
  const ref = path.resolve(process.cwd(), '../shared/istio-reference/inject');
  if (!fs.existsSync(ref)) return FIXTURES;
  const inputs = ['hello.yaml', 'proxy-override.yaml', 'multi-container.yaml', 'cronjob.yaml', 'list.yaml', 'frontend.yaml'];
  return [...FIXTURES, ...inputs.filter((f) => fs.existsSync(path.join(ref, f))).map((f) => fs.readFileSync(path.join(ref, f), 'utf8'))];
}

test('random JSON changes to fixtures re-parse deep-equal, mostly with minimal edits', () => {
  const r = rng(20261126);
  let runs = 0;
  let rewritten = 0;
  for (const text of fixtures()) {
    const originals = contentDocs(text).map((d) => d.value as Json);
    for (let round = 0; round < 60; round++) {
      const afters = originals.map((v) => structuredClone(v));
      const target = Math.floor(r() * afters.length);
      const changes = 1 + Math.floor(r() * 4);
      for (let i = 0; i < changes; i++) mutate(afters[target], r);
      const result = preserveAll(text, afters); // asserts the re-parse equals `afters`
      runs++;
      if (result.rewritten) rewritten++;
      else assertUnchangedEntriesKept(text, result.out, afters);
    }
  }
  assert.ok(runs >= 180);
  assert.ok(rewritten / runs <= 0.01, `${rewritten} of ${runs} changes needed a whole rewrite`);
});
