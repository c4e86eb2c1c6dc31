/**
 * A parse or execution failure of a Go template. `message` reads exactly like Go's error text, e.g.
 * `template: inject:12:5: executing "inject" at <.Foo.Bar>: can't evaluate field Bar in type string`.
 */
export class TemplateError extends Error {
  /** Name of the template being parsed or executed (Go's ParseName / template name). */
  readonly templateName: string;
  /** 1-based line of the failure in the template text, 0 when unknown. */
  readonly line: number;

  constructor(message: string, templateName: string, line: number) {
    super(message);
    this.name = 'TemplateError';
    this.templateName = templateName;
    this.line = line;
  }
}

/** Thrown by builtins (and usable by template functions) for a Go `error` result; exec wraps it as `error calling X: …`. */
export class GoFuncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoFuncError';
  }
}
