/** Parsing the injector's templates once, with Istio's function library. */
import { parseTemplate } from '../template';
import { injectionFuncMap } from '../template/funcs';
import type { CompiledTemplate } from './render';

export interface CompiledTemplates {
  templates: Map<string, CompiledTemplate>;
  /** The first parse error (Istio refuses the whole configuration then), or undefined. */
  error?: string;
}

export function compileTemplates(raw: Record<string, string>): CompiledTemplates {
  const funcs = injectionFuncMap();
  const templates = new Map<string, CompiledTemplate>();
  for (const name of Object.keys(raw).sort()) {
    try {
      const t = parseTemplate('inject', raw[name], funcs);
      templates.set(name, { execute: (data) => t.execute(data) });
    } catch (e) {
      return { templates, error: e instanceof Error ? e.message : String(e) };
    }
  }
  return { templates };
}
