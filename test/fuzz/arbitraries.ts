/**
 * What the fuzzer feeds the core, as fast-check arbitraries: corpus documents under a few mutations, multi-document
 * streams of them, YAML printed from random objects (some shaped like workloads), and raw random text.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Seed } from './corpus';
import { API_VERSIONS, KINDS, ODD_VALUES, SEPARATORS, applyMutations, type Mutation } from './mutations';

/** One fuzz case: the text, the family it comes from (for per-family counts) and how it was made. */
export interface FuzzInput {
  family: string;
  text: string;
  /** The seed origins and mutations, for the counterexample report. */
  recipe: string;
  /** Inject with native sidecars on. */
  native: boolean;
}

const position = fc.nat({ max: 10_000 });

const oddText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('\u200b', '\u0085', '\u2028', '\ufeff', '😀', 'é', '\r', '\t', '"', "'", '\\', ': ', '- ', '#', '&a', '*a', '!!', '{{', '}}'),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('dropKey' as const), at: position }),
  fc.record({ op: fc.constant('duplicateKey' as const), at: position }),
  fc.record({ op: fc.constant('retype' as const), at: position, value: fc.oneof(fc.constantFrom(...ODD_VALUES), oddText.map((s) => JSON.stringify(s))) }),
  fc.record({ op: fc.constant('alias' as const), at: position, to: position }),
  fc.record({ op: fc.constant('swapKind' as const), kind: fc.constantFrom(...KINDS), apiVersion: fc.option(fc.constantFrom(...API_VERSIONS), { nil: undefined }) }, { requiredKeys: ['op', 'kind'] }),
  fc.record({ op: fc.constant('nestList' as const), at: position }),
  fc.record({ op: fc.constant('comment' as const), at: position, text: oddText, trailing: fc.boolean() }),
  fc.record({ op: fc.constant('separator' as const), at: position, line: fc.constantFrom(...SEPARATORS) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat({ max: 100_000 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat({ max: 100_000 }), text: oddText }),
  fc.record({ op: fc.constant('indent' as const), at: position, delta: fc.integer({ min: -4, max: 4 }), tabs: fc.boolean() }),
  fc.record({ op: fc.constant('encoding' as const), form: fc.constantFrom('crlf' as const, 'bom' as const, 'noFinalNewline' as const) }),
);

/** A corpus document under one to four mutations. */
export function mutatedSeed(seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  return fc
    .record({ seed: fc.nat({ max: seeds.length - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }), native: fc.boolean() })
    .map(({ seed, mutations, native }) => ({
      family: 'mutated',
      text: applyMutations(seeds[seed].text, mutations),
      recipe: `${seeds[seed].origin} + ${JSON.stringify(mutations)}`,
      native,
    }));
}

/** Two to four corpus documents, each maybe mutated, joined into one stream. */
export function mutatedStream(seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  const part = fc.record({ seed: fc.nat({ max: seeds.length - 1 }), mutations: fc.array(mutationArb, { maxLength: 2 }) });
  return fc.record({ parts: fc.array(part, { minLength: 2, maxLength: 4 }), separator: fc.constantFrom('---\n', '--- # doc\n', '\n---\n'), native: fc.boolean() })
    .map(({ parts, separator, native }) => ({
      family: 'stream',
      text: parts.map((p) => ensureNewline(applyMutations(seeds[p.seed].text, p.mutations))).join(separator),
      recipe: parts.map((p) => `${seeds[p.seed].origin} + ${JSON.stringify(p.mutations)}`).join(' | '),
      native,
    }));
}

const kindArb = fc.constantFrom(...KINDS.filter((k) => /^[A-Z]/.test(k)));

/** Random containers: mostly plausible fields, sometimes anything at all. */
const containerArb = fc.dictionary(
  fc.constantFrom('name', 'image', 'ports', 'env', 'args', 'readinessProbe', 'livenessProbe', 'securityContext', 'resources', 'volumeMounts', 'lifecycle'),
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('app', 'istio-proxy', 'istio-init', 'auto', 'nginx:1', '') },
    { weight: 2, arbitrary: fc.array(fc.record({ name: fc.constantFrom('http', 'x', 'ISTIO_META_X'), containerPort: fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constant('80')), value: fc.string({ maxLength: 4 }) }, { requiredKeys: [] }), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.record({ httpGet: fc.record({ path: fc.constantFrom('/', '/healthz'), port: fc.oneof(fc.nat({ max: 70000 }), fc.constantFrom('http', '')) }, { requiredKeys: [] }) }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  ),
  { maxKeys: 6 },
);

const annotationsArb = fc.dictionary(
  fc.constantFrom('sidecar.istio.io/inject', 'sidecar.istio.io/status', 'sidecar.istio.io/interceptionMode', 'traffic.sidecar.istio.io/includeOutboundIPRanges',
    'proxy.istio.io/config', 'sidecar.istio.io/proxyCPU', 'prometheus.io/scrape', 'inject.istio.io/templates', 'sidecar.istio.io/rewriteAppHTTPProbers', 'x'),
  fc.oneof(fc.constantFrom('true', 'false', '', '*', '10.0.0.0/8', 'REDIRECT', 'TPROXY', 'sidecar', 'gateway', '{}', '{"containers":["istio-proxy"]}', 'holdApplicationUntilProxyStarts: true', '100m'), fc.string({ maxLength: 6 }), fc.integer()),
  { maxKeys: 3 },
);

/** Workload-shaped random objects: the shape injection walks, with random leaves. */
const workloadArb = fc.record({
  apiVersion: fc.constantFrom(...API_VERSIONS),
  kind: kindArb,
  metadata: fc.record({ name: fc.oneof(fc.constantFrom('web', 'a', ''), fc.string({ maxLength: 8 })), namespace: fc.constantFrom('default', 'kube-system', 'shop'), annotations: annotationsArb }, { requiredKeys: [] }),
  spec: fc.record({
    hostNetwork: fc.boolean(),
    template: fc.record({
      metadata: fc.record({ labels: fc.dictionary(fc.constantFrom('app', 'version', 'sidecar.istio.io/inject'), fc.constantFrom('web', 'v1', 'true', 'false')), annotations: annotationsArb }, { requiredKeys: [] }),
      spec: fc.record({ containers: fc.array(containerArb, { maxLength: 3 }), initContainers: fc.array(containerArb, { maxLength: 2 }), volumes: fc.anything({ maxDepth: 2 }) }, { requiredKeys: ['containers'] }),
    }, { requiredKeys: ['spec'] }),
    containers: fc.array(containerArb, { maxLength: 2 }),
  }, { requiredKeys: [] }),
}, { requiredKeys: ['kind'] });

/** YAML printed from random values: any JSON-ish value, or a workload-shaped object. */
export function randomYaml(): fc.Arbitrary<FuzzInput> {
  return fc.record({
    value: fc.oneof({ weight: 3, arbitrary: workloadArb as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.anything({ maxDepth: 4 }) }, { weight: 1, arbitrary: fc.object() }),
    flow: fc.boolean(),
    native: fc.boolean(),
  }).map(({ value, flow, native }) => ({ family: 'random-yaml', text: printYaml(value, flow), recipe: 'yaml.stringify of a random value', native }));
}

const YAML_TOKENS = ['\n', ' ', '  ', '- ', ': ', 'a', 'kind', 'Pod', 'spec', 'containers', '[', ']', '{', '}', ',', '&x ', '*x', '!!str ', '|', '>', '#', '---\n', '...\n', '"', "'", '?', '<<', '\t', '%YAML 1.1\n', '%TAG ! tag:x:\n', '\\', 'é', '\u0085'];

/** Raw random text: arbitrary strings, and soups of YAML's own punctuation. */
export function rawText(): fc.Arbitrary<FuzzInput> {
  return fc.record({
    text: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }).map((t) => t.join('')),
    ),
    native: fc.boolean(),
  }).map(({ text, native }) => ({ family: 'raw-text', text, recipe: 'raw text', native }));
}

/** Every family, weighted towards mutated corpus documents (the inputs that reach the deepest code). */
export function fuzzInput(seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  const families: fc.WeightedArbitrary<FuzzInput>[] = [
    { weight: 2, arbitrary: randomYaml() },
    { weight: 1, arbitrary: rawText() },
  ];
  if (seeds.length) families.push({ weight: 5, arbitrary: mutatedSeed(seeds) }, { weight: 1, arbitrary: mutatedStream(seeds) });
  return fc.oneof(...families);
}

function printYaml(value: unknown, flow: boolean): string {
  try {
    return stringify(value, { collectionStyle: flow ? 'flow' : 'any' }) ?? '';
  } catch {
    return JSON.stringify(value) ?? '';
  }
}

function ensureNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
