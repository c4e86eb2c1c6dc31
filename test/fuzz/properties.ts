/**
 * The properties every fuzz case must keep, checked through the core's public API:
 *
 * - no-throw: no call throws; failures are results, worded for people (no JavaScript internals).
 * - time: one injectText call takes at most TIME_LIMIT_MS.
 * - reparse: when injection succeeded, each injected document of the `preserve` output parses without errors.
 * - pass-through: documents of kinds kube-inject does not decode (Service, ConfigMap, …) are byte-identical in both
 *   outputs.
 * - idempotent: injecting the `preserve` output again changes nothing; so does injecting the istioctl output.
 * - remove-identity: where removal would be offered (the language server offers it only when removing and
 *   injecting again gives the same bytes back), removing the injection gives back the text as written.
 * - reread: typing one character inside a scalar (the language server rereads such an edit from the previous parse,
 *   core/src/manifest/reparse.ts) gives what a parse of the edited text gives, or is declined.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, visit, type Document } from 'yaml';
import { type Injector, injectText, isDecodedKind, parseManifest, removeInjection, applyEdits } from '../../core/src/index';
import type { KubeObject, TextResult } from '../../core/src/index';
// Not in the public index: the language server uses it to turn removeInjection's object into text edits.
import { preserveEdits } from '../../core/src/output/preserve';
import { reparseScalarEdit } from '../../core/src/manifest/reparse';
import { splitYamlStream } from '../../core/src/manifest/split';
import { isDeepStrictEqual } from 'node:util';
import { manifestShape, scalarRanges } from '../support/manifest-shape';
import { knownIssue } from './known-issues';

export const TIME_LIMIT_MS = 1000;

export const PROPERTIES = ['no-throw', 'time', 'reparse', 'pass-through', 'idempotent', 'remove-identity', 'reread'] as const;
export type Property = (typeof PROPERTIES)[number];

export interface Violation {
  property: Property;
  message: string;
  /** Set when the violation is a known, reported core issue (see known-issues.ts): counted, not failed. */
  known?: string;
  /** For text comparisons: the first differing line of each text, and the expected text's next line. */
  diff?: LineDifference;
}

export interface LineDifference {
  expected: string;
  got: string;
  expectedNext: string;
  gotNext: string;
}


/** Running counts over all cases (how often each property was actually exercised). */
export interface Stats {
  cases: number;
  documents: number;
  families: Record<string, number>;
  outcomes: Record<string, number>;
  checked: Record<Property, number>;
  /** Documents where removal is not offered (removeInjection finds nothing, or the round trip is not exact). */
  removalNotOffered: number;
  /** Inputs left out of idempotent / remove-identity because they carry a previous injection (see below). */
  priorInjection: number;
  /** Documents left out of remove-identity because `preserve` rewrites whole nodes there by design (see below). */
  notPlainYaml: number;
  /** Documents left out of remove-identity because a probe names its port. */
  namedProbePort: number;
  /** Inputs left out of idempotent because they hold YAML 1.1 line breaks (NEL, LS, PS). */
  yaml11Breaks: number;
  maxMs: number;
  maxMsPerDocument: number;
  totalMs: number;
}

export function newStats(): Stats {
  return {
    cases: 0, documents: 0, families: {}, outcomes: {}, removalNotOffered: 0, priorInjection: 0, notPlainYaml: 0, namedProbePort: 0, yaml11Breaks: 0,
    maxMs: 0, maxMsPerDocument: 0, totalMs: 0,
    checked: Object.fromEntries(PROPERTIES.map((p) => [p, 0])) as Record<Property, number>,
  };
}

/** JavaScript's own error texts: a message like these means a bug escaped as a result. */
const INTERNAL_ERROR = /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read|Cannot set|is not a function|is not iterable|\bundefined\b|Maximum call stack|\[object Object\]/;

/**
 * YAML 1.1 line breaks that YAML 1.2 reads as ordinary characters: go-yaml (and so istioctl) breaks lines at them,
 * the yaml package does not, so values holding them do not survive istioctl's printing and our reading.
 */
const YAML11_BREAKS = /[\u0085\u2028\u2029]/;

/** Probe ports given by name: injection resolves them to numbers, and removal cannot know which form was written. */
const NAMED_PROBE_PORT = /^\s*port:\s*["']?[A-Za-z]/m;

/** A previous injection: its status annotation, or containers named like the injected ones. */
const PRIOR_INJECTION = /sidecar\.istio\.io\/status|name:\s*(&\S+\s+)?["']?istio-(proxy|init|validation)\b/;

/** Checks one text; returns every violation (empty when all properties hold) and updates `stats`. */
export function checkText(text: string, injector: Injector, stats: Stats, family = 'adhoc'): Violation[] {
  const out: Violation[] = [];
  stats.cases++;
  stats.families[family] = (stats.families[family] ?? 0) + 1;
  checkReread(out, text, stats);
  const started = performance.now();
  const result = guard(out, 'injectText', () => injectText(text, injector));
  const ms = performance.now() - started;
  stats.totalMs += ms;
  stats.maxMs = Math.max(stats.maxMs, ms);
  stats.checked['no-throw']++;
  stats.checked.time++;
  if (ms > TIME_LIMIT_MS) out.push({ property: 'time', message: `injectText took ${ms.toFixed(0)} ms (limit ${TIME_LIMIT_MS} ms)` });
  if (!result) return out;
  stats.documents += result.documents.length;
  stats.maxMsPerDocument = Math.max(stats.maxMsPerDocument, ms / Math.max(1, result.documents.length));
  for (const d of result.documents) stats.outcomes[d.outcome.kind] = (stats.outcomes[d.outcome.kind] ?? 0) + 1;
  checkMessages(out, result);
  checkPassThrough(out, text, result, stats);
  if (result.preserved === undefined || result.istioctl === undefined) return out;
  checkReparse(out, text, result, stats);
  // A text that carries injected containers or a status annotation already is stripped by what its status says and
  // injected again, as Istio does; a status that does not match its containers (edited, or mutated here) legitimately
  // drifts on each round, so these two properties are about clean inputs.
  if (PRIOR_INJECTION.test(text)) {
    stats.priorInjection++;
    return out;
  }
  if (YAML11_BREAKS.test(text)) stats.yaml11Breaks++;
  else checkIdempotent(out, result, injector, stats);
  checkRemoval(out, text, result, injector, stats);
  for (const v of out) v.known = knownIssue(v, text);
  return out;
}

/** Characters the reread edit types: ordinary ones, and ones that change how YAML reads a line. */
const TYPED = ['x', '7', '.', '-', ' ', ':', '#', '"', "'", '&', '*', '!', '[', '{', ',', '\\', '%', '|', '>', '?', '@', '\t', '\u00e9'];

/** One edit inside a scalar of each of the first two documents, chosen from the text so that a case replays. */
function checkReread(out: Violation[], text: string, stats: Stats): void {
  for (const chunk of splitYamlStream(text).chunks.slice(0, 2)) {
    const before = guard(out, 'parseManifest', () => parseManifest(chunk.text));
    const ranges = before ? scalarRanges(before) : [];
    if (!before || before.problems.length > 0 || ranges.length === 0) continue;
    const h = hash(chunk.text);
    const [from, to] = ranges[h % ranges.length]!;
    const at = from + ((h >>> 8) % (to - from + 1));
    const removed = (h >>> 16) % 3 === 0 ? Math.min(1, to - at) : 0;
    const typed = TYPED[(h >>> 20) % TYPED.length]!;
    const after = chunk.text.slice(0, at) + typed + chunk.text.slice(at + removed);
    stats.checked.reread++;
    const reread = guard(out, 'reparseScalarEdit', () => reparseScalarEdit(before, after));
    if (reread && !isDeepStrictEqual(manifestShape(reread), manifestShape(parseManifest(after)))) {
      out.push({ property: 'reread', message: `rereading differs from parsing after typing ${JSON.stringify(typed)} at ${at}:\n${after}` });
    }
  }
}

/** FNV-1a of the text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function checkMessages(out: Violation[], r: TextResult): void {
  const messages = [...r.errors, ...r.documents.flatMap((d) => (d.outcome.kind === 'error' ? [d.outcome.message] : []))];
  for (const m of messages) {
    if (INTERNAL_ERROR.test(m)) out.push({ property: 'no-throw', message: `error text shows a JavaScript internal: ${m}` });
    if (m.trim() === '') out.push({ property: 'no-throw', message: 'an error with an empty message' });
  }
}

function checkPassThrough(out: Violation[], text: string, r: TextResult, stats: Stats): void {
  for (const d of r.documents) {
    if (d.kind === undefined || isDecodedKind(d.kind)) continue;
    stats.checked['pass-through']++;
    const original = text.slice(d.start, d.end);
    if (d.edits.length || d.newText !== original) out.push({ property: 'pass-through', message: `document ${d.index} (${d.kind}): preserve changed it` });
    if (d.istioctlText !== original) out.push({ property: 'pass-through', message: `document ${d.index} (${d.kind}): istioctl output differs from the input` });
  }
}

function checkReparse(out: Violation[], text: string, r: TextResult, stats: Stats): void {
  for (const d of r.documents) {
    if (!d.edits.length) continue;
    // Errors the input had already (that the Go-like decoder tolerates) are not the output's doing.
    if (hasErrors(text.slice(d.start, d.end))) continue;
    stats.checked.reparse++;
    const errors = parseManifest(d.newText).problems.filter((p) => p.severity === 'error');
    if (errors.length) out.push({ property: 'reparse', message: `document ${d.index}: preserve output does not parse: ${errors[0].message}\n${d.newText}` });
  }
}

function checkIdempotent(out: Violation[], r: TextResult, injector: Injector, stats: Stats): void {
  if (!r.documents.some((d) => d.outcome.kind === 'injected')) return;
  stats.checked.idempotent++;
  const again = guard(out, 'injectText (preserve output)', () => injectText(r.preserved!, injector));
  if (again && again.preserved !== r.preserved) {
    out.push(differs('idempotent', 're-injecting the preserve output changed', r.preserved!, again.preserved ?? again.errors.join('\n')));
  }
  // istioctl echoes a last document without its final newline and glues its `---` to that line, as Kubernetes'
  // reader and istioctl do; such output is a different stream when read again.
  if (!r.istioctl!.split('---\n').every((d) => d === '' || d.endsWith('\n'))) return;
  const printed = guard(out, 'injectText (istioctl output)', () => injectText(r.istioctl!, injector));
  if (printed && printed.istioctl !== r.istioctl) {
    out.push(differs('idempotent', 're-injecting the istioctl output changed', r.istioctl!, printed.istioctl ?? printed.errors.join('\n')));
  }
}

/** The server's removal, per injected document: parse, removeInjection, minimal edits, and its round-trip check. */
function checkRemoval(out: Violation[], text: string, r: TextResult, injector: Injector, stats: Stats): void {
  for (const d of r.documents) {
    if (d.outcome.kind !== 'injected' || !d.edits.length) continue;
    const original = text.slice(d.start, d.end);
    if (!plainYaml(original)) {
      stats.notPlainYaml++;
      continue;
    }
    if (NAMED_PROBE_PORT.test(original)) {
      stats.namedProbePort++;
      continue;
    }
    const doc = guard(out, 'parseManifest', () => parseManifest(d.newText).documents[0]);
    if (!doc || doc.problems.some((p) => p.severity === 'error') || !isMapping(doc.value)) continue;
    const removed = guard(out, 'removeInjection', () => removeInjection(doc.value as KubeObject));
    if (!removed || removed.outcome.kind !== 'removed') {
      stats.removalNotOffered++;
      continue;
    }
    const without = guard(out, 'preserveEdits', () => applyEdits(d.newText, preserveEdits(d.newText, doc, removed.object)));
    if (without === undefined) continue;
    stats.checked['remove-identity']++;
    if (without === original) continue;
    const reinjected = guard(out, 'injectText (removed)', () => injectText(without, injector));
    if (reinjected?.documents[0]?.newText === d.newText) {
      out.push(differs('remove-identity', `document ${d.index}: removal is offered but does not give back the input:`, original, without));
    } else {
      stats.removalNotOffered++;
    }
  }
}

function guard<T>(out: Violation[], what: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (e) {
    out.push({ property: 'no-throw', message: `${what} threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
    return undefined;
  }
}

function hasErrors(text: string): boolean {
  return parseManifest(text).problems.some((p) => p.severity === 'error');
}

/**
 * No repeated keys, merge keys, anchors, aliases, explicit tags or non-empty flow collections. Where injection changes a node holding one of
 * these, `preserve` rewrites that node whole (core/src/output/preserve-diff.ts), so removal gives back the
 * rewritten node, not the bytes as first written.
 */
function plainYaml(text: string): boolean {
  const doc = parseManifest(text).documents[0]?.yaml as Document | undefined;
  if (!doc) return true;
  let plain = true;
  visit(doc, (_key, node) => {
    if (isAlias(node) || (isNode(node) && (node.anchor || node.tag))) plain = false;
    if ((isMap(node) || isSeq(node)) && node.flow && node.items.length > 0) plain = false;
    if (isMap(node)) {
      const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?'));
      if (keys.includes('<<') || new Set(keys).size !== keys.length) plain = false;
    }
    return plain ? undefined : visit.BREAK;
  });
  return plain;
}

function isMapping(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A violation saying how `got` differs from `expected`: the first differing line, then context from both. */
function differs(property: Property, what: string, expected: string, got: string): Violation {
  const le = expected.split('\n');
  const lg = got.split('\n');
  let i = 0;
  while (i < le.length && i < lg.length && le[i] === lg[i]) i++;
  const diff = { expected: le[i] ?? '', got: lg[i] ?? '', expectedNext: le[i + 1] ?? '', gotNext: lg[i + 1] ?? '' };
  const show = (lines: string[]) => lines.slice(Math.max(0, i - 2), i + 3).map((l) => JSON.stringify(l)).join('\n    ');
  const message = `${what} line ${i + 1}: ${JSON.stringify(diff.expected)} → ${JSON.stringify(diff.got)}\n  expected:\n    ${show(le)}\n  got:\n    ${show(lg)}`;
  return { property, message, diff };
}
