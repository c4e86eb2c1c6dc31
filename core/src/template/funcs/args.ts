/**
 * Go's text/template checks each argument against the function's parameter type before the call. These helpers
 * do that check for our untyped functions and fail with the messages Go uses.
 */
import { goTypeName } from '../value';
import { isGoMap, isStringMap } from './go-values';

/**
 * An argument Go's text/template would reject before calling the function (wrong type or count). Go reports these
 * without the "error calling X:" prefix that a function's own error gets.
 */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

function wrongType(expected: string, v: unknown): Error {
  if (v === undefined) return new ArgumentError(`invalid value; expected ${expected}`);
  return new ArgumentError(`wrong type for value; expected ${expected}; got ${v === null ? 'interface {}' : goTypeName(v)}`);
}

/** An interface{} parameter: a missing value arrives as nil. */
export function anyArg(v: unknown): unknown {
  return v === undefined ? null : v;
}

export function stringArg(v: unknown): string {
  if (typeof v === 'string') return v;
  throw wrongType('string', v);
}

/** An `int` parameter (bigint in our model), as a JS number. */
export function intArg(v: unknown): number {
  if (typeof v === 'bigint') return Number(v);
  throw wrongType('int', v);
}

export function boolArg(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  throw wrongType('bool', v);
}

/** A map[string]interface{} parameter; nil arrives as null. */
export function mapArg(v: unknown): Record<string, unknown> | null {
  if (v === null || v === undefined) return null;
  if (isGoMap(v) && goTypeName(v) === 'map[string]interface {}') return v;
  throw wrongType('map[string]interface {}', v);
}

/** A map[string]string parameter; nil arrives as null. */
export function stringMapArg(v: unknown): Record<string, string> | null {
  if (v === null || v === undefined) return null;
  if (isStringMap(v)) return v;
  throw wrongType('map[string]string', v);
}

/** A function with its Go arity: `params` parameters, the last one variadic when `variadic`. */
export interface FuncSpec {
  params: number;
  variadic: boolean;
  impl: (...args: unknown[]) => unknown;
}

export function fixed(params: number, impl: (...args: unknown[]) => unknown): FuncSpec {
  return { params, variadic: false, impl };
}

/** `params` counts the variadic parameter, which may receive no argument. */
export function variadic(params: number, impl: (...args: unknown[]) => unknown): FuncSpec {
  return { params, variadic: true, impl };
}

/** Turns specs into template functions that fail like Go on a wrong argument count. */
export function toFuncMap(specs: Record<string, FuncSpec>): Record<string, (...args: unknown[]) => unknown> {
  const out: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const min = spec.variadic ? spec.params - 1 : spec.params;
    out[name] = (...args: unknown[]) => {
      if (spec.variadic ? args.length < min : args.length !== min) {
        throw new ArgumentError(`wrong number of args for ${name}: want ${spec.variadic ? 'at least ' : ''}${min} got ${args.length}`);
      }
      return spec.impl(...args);
    };
  }
  return out;
}
