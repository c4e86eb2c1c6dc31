/**
 * Go text/template for TypeScript: parse once, execute many times with Go's exact output and error texts.
 *
 *   const t = parseTemplate('inject', text, funcs);   // throws TemplateError on parse errors
 *   const out = t.execute(data, { maxSteps: 1e6 });   // throws TemplateError on execution errors / limits
 */
import { DEFAULT_LIMITS, execute, Limits } from './exec';
import { parseSet } from './parser';
import { BUILTINS } from './builtins';
import type { FuncMap } from './value';

export * from './value';
export { TemplateError, GoFuncError } from './errors';
export type { Limits } from './exec';
export { DEFAULT_LIMITS } from './exec';
export { formatValue, sprint, sprintf, sprintln } from './printf';
export { isTrue } from './truth';

/** A parsed template set; the template named at parse time runs, and `{{template}}` can call every `define`. */
export interface Template {
  readonly name: string;
  /** Names of all templates in the set (the top-level one and every `define` / `block`). */
  readonly templateNames: readonly string[];
  /** Runs the template over `data` (Go's `t.Execute(w, data)`), returning the output. */
  execute(data: unknown, limits?: Partial<Limits>): string;
}

/**
 * Parses `text` as Go's `template.New(name).Funcs(funcs).Parse(text)` would. Functions must be known at parse
 * time (an unknown identifier is Go's `function "x" not defined` error). Throws TemplateError.
 */
export function parseTemplate(name: string, text: string, funcs: FuncMap): Template {
  const has = (n: string): boolean =>
    (Object.prototype.hasOwnProperty.call(funcs, n) && typeof funcs[n] === 'function') ||
    Object.prototype.hasOwnProperty.call(BUILTINS, n);
  const set = parseSet(name, text, has);
  const prog = { name, text, trees: set.trees, funcs };
  return {
    name,
    templateNames: [...set.trees.keys()],
    execute(data: unknown, limits?: Partial<Limits>): string {
      return execute(prog, data, { ...DEFAULT_LIMITS, ...limits });
    },
  };
}
