/**
 * Remembering injected pods. With one injector's settings fixed, injecting a pod is a pure function of the pod (its
 * metadata and spec) and the owner's names and type: the templates, the mesh and the pod's ProxyConfig follow from
 * those. Editing anything else of a workload (replicas, the selector, the Deployment's own labels) leaves that input
 * unchanged, so the injected pod is reused instead of rendering, decoding and merging the templates again.
 */
import { deepClone, type JsonObject } from './json-access';
import type { PodJson } from './pod';

/** Entries per injector: enough for the workloads of the files being edited, small next to the server's caches. */
const CAPACITY = 256;

export interface MemoInput {
  pod: PodJson;
  typeMeta: { kind: string; apiVersion: string };
  deployMeta: { name: string; namespace: string };
}

export class InjectionMemo {
  private readonly pods = new Map<string, PodJson>();

  /** The memo key of an injection input, or undefined when it holds a value JSON cannot tell apart (never cached). */
  keyOf(input: MemoInput): string | undefined {
    return canonicalJson([input.typeMeta.kind, input.typeMeta.apiVersion, input.deployMeta.name, input.deployMeta.namespace, input.pod.metadata, input.pod.spec]);
  }

  /** A private copy of the injected pod remembered for `key` (callers may change it freely). */
  get(key: string): PodJson | undefined {
    const pod = this.pods.get(key);
    return pod && deepClone(pod);
  }

  set(key: string, pod: PodJson): void {
    if (this.pods.size >= CAPACITY) this.pods.delete(this.pods.keys().next().value as string);
    this.pods.set(key, deepClone(pod));
  }
}

/** A decoded template output and the pod made of the template outputs so far (runTemplates' `templatePod`). */
export interface DecodedRender {
  patch: JsonObject;
  templatePod: PodJson;
}

/**
 * Decoded template outputs by the texts the templates printed. Most pod edits (an image, resources, env) change the
 * pod but not what the templates print, so the printed text is decoded, merged into the template pod and type-checked
 * once. Keys hold every text printed so far, since the template pod of a step builds on the steps before it.
 */
export class RenderMemo {
  private readonly steps = new Map<string, DecodedRender>();

  /** A private copy of what was remembered for `key`. */
  get(key: string): DecodedRender | undefined {
    const step = this.steps.get(key);
    return step && deepClone(step);
  }

  set(key: string, step: DecodedRender): void {
    if (this.steps.size >= RENDER_CAPACITY) this.steps.delete(this.steps.keys().next().value as string);
    this.steps.set(key, deepClone(step));
  }
}

/** Rendered outputs per injector: the workloads being edited; each entry holds a few kilobytes of text. */
const RENDER_CAPACITY = 64;

/**
 * JSON text of a plain JSON value, or undefined when the value holds anything JSON would blur: undefined, NaN or
 * ±Infinity (JSON says null), -0 (JSON says 0), bigints, or objects other than plain ones and arrays.
 */
export function canonicalJson(v: unknown): string | undefined {
  const parts: string[] = [];
  return write(v, parts) ? parts.join('') : undefined;
}

function write(v: unknown, out: string[]): boolean {
  switch (typeof v) {
    case 'string':
      out.push(JSON.stringify(v));
      return true;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return true;
    case 'number':
      if (!Number.isFinite(v) || Object.is(v, -0)) return false;
      out.push(String(v));
      return true;
    case 'object':
      if (v === null) {
        out.push('null');
        return true;
      }
      if (Array.isArray(v)) {
        out.push('[');
        for (let i = 0; i < v.length; i++) {
          if (i > 0) out.push(',');
          if (!(i in v) || !write(v[i], out)) return false;
        }
        out.push(']');
        return true;
      }
      if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return false;
      out.push('{');
      for (const k of Object.keys(v)) {
        out.push(JSON.stringify(k), ':');
        if (!write((v as Record<string, unknown>)[k], out)) return false;
        out.push(',');
      }
      out.push('}');
      return true;
    default:
      return false;
  }
}
