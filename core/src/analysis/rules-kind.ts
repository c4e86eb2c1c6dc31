/** Findings about the document as a whole: kinds injection leaves alone, Namespaces, and the core's errors. */
import { isDecodedKind } from '../manifest/kinds';
import { preserveEdits } from '../output/preserve';
import { isObject } from '../inject/json-access';
import { type AnalysisContext, add, kindRange, objAtPath } from './context';
import { cloneJson, ensureObjAt } from './fixes';
import type { Fix } from './types';

const INJECTION_LABEL = 'istio-injection';
const REVISION_LABEL = 'istio.io/rev';

/** no-pod-template / namespace-injection, for kinds the core passes through unchanged. */
export function checkKind(ctx: AnalysisContext): void {
  if (isDecodedKind(ctx.kind)) return;
  if (ctx.kind === 'Namespace') return checkNamespace(ctx);
  add(ctx, 'no-pod-template', `${ctx.kind} has no pod template: kube-inject leaves it unchanged (only pods and pod templates get a sidecar).`, kindRange(ctx));
}

function checkNamespace(ctx: AnalysisContext): void {
  const labels = objAtPath(ctx.value, ['metadata', 'labels']) ?? {};
  const injection = labels[INJECTION_LABEL];
  const revision = labels[REVISION_LABEL];
  const head = 'kube-inject leaves a Namespace unchanged; in a cluster, the injection webhook adds sidecars to pods created here';
  let message: string;
  let offerFix = false;
  if (injection === 'enabled') message = `${head}: automatic injection is on (${INJECTION_LABEL}=enabled).`;
  else if (injection === 'disabled') {
    message = `${head} only when turned on: ${INJECTION_LABEL}=disabled turns it off for this namespace.`;
    offerFix = true;
  } else if (typeof revision === 'string' && revision !== '') message = `${head}: automatic injection is on for revision "${revision}" (${REVISION_LABEL}).`;
  else {
    message = `${head} once it is turned on with the label ${INJECTION_LABEL}=enabled (or ${REVISION_LABEL}=<revision>).`;
    offerFix = true;
  }
  const fix = offerFix ? enableInjectionFix(ctx) : undefined;
  add(ctx, 'namespace-injection', message, kindRange(ctx), fix ? { fixes: [fix] } : {});
}

function enableInjectionFix(ctx: AnalysisContext): Fix | undefined {
  const after = cloneJson(ctx.doc.value);
  const labels = isObject(after) ? ensureObjAt(after, ['metadata', 'labels']) : undefined;
  if (!labels) return undefined;
  labels[INJECTION_LABEL] = 'enabled';
  const edits = preserveEdits(ctx.text, ctx.doc, after);
  return edits.length ? { title: `Add label ${INJECTION_LABEL}: enabled`, edits, preferred: true } : undefined;
}

/** injection-error, when the core fails on the document and no more precise finding explains why. */
export function checkInjectionError(ctx: AnalysisContext): void {
  const outcome = ctx.outcome;
  if (outcome?.kind !== 'error') return;
  if (ctx.findings.some((f) => f.code === 'invalid-value')) return;
  add(ctx, 'injection-error', `kube-inject fails on this document: ${outcome.message.trim()}`, kindRange(ctx));
}
