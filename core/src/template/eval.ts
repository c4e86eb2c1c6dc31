/**
 * Expression evaluation for template execution (Go's evalPipeline, evalCommand, evalField, evalCall, evalArg):
 * same evaluation order, same "no value" rules for missing map keys, same error texts and error positions.
 *
 * Go distinguishes a value's static type from its dynamic one: a value read out of a map[string]interface{} or
 * []interface{} is an interface, which matters for error texts (`in type interface {}`) and for nil (a nil
 * interface becomes "no value" at the end of a pipeline command). The evaluator tracks that as an `iface` flag
 * next to dot, variables and field-chain receivers; function results are treated as interface{} results.
 */
import * as A from './ast';
import { Builtin, BUILTINS } from './builtins';
import { TemplateError } from './errors';
import { quoteGo } from '../go/quote';
import { isGoMap, isTrue } from './truth';
import { utf8Length } from '../go/utf8';
import {
  FuncMap, GO_MAP_ZERO, GoComplex, GoParamKind, GoSignature, goSignature, goTypeName, isGoStruct, NOT_FOUND, TemplateFunc,
} from './value';

/** Execution bounds; exceeding one throws a TemplateError. */
export interface Limits {
  /** Evaluation steps (nodes walked + commands evaluated). */
  maxSteps: number;
  /** Nesting of `{{template}}` calls (Go allows 100000). */
  maxDepth: number;
  /** Output length in characters. */
  maxOutput: number;
}
// Istio's sidecar template needs about 500 steps; a million leaves room for large pods while a hostile loop ends in
// well under a second.
export const DEFAULT_LIMITS: Readonly<Limits> = { maxSteps: 1_000_000, maxDepth: 200, maxOutput: 16 * 1024 * 1024 };

export interface Program {
  /** Name of the template that `execute` runs (also Go's ParseName used in locations). */
  readonly name: string;
  readonly text: string;
  readonly trees: ReadonlyMap<string, A.ListNode>;
  readonly funcs: FuncMap;
}

/** Thrown when a limit is exceeded; never wrapped as "error calling …". */
export class LimitError extends TemplateError {}

const MISSING: unique symbol = Symbol('missing');
type Final = unknown; // a value, or MISSING when no pipeline value is passed on
export const BREAK = { signal: 'break' };
export const CONTINUE = { signal: 'continue' };

export interface Variable { name: string; value: unknown; iface: boolean }

/** Evaluation state shared with the walker in exec.ts. */
export class Evaluator {
  protected steps = 0;
  protected vars: Variable[];
  protected dot: unknown;
  protected dotIface = false;
  protected tmplName: string;
  protected node: A.AnyNode | null = null;
  /** Whether the value most recently produced by a command/field has static type interface{}. */
  protected lastIface = false;
  protected readonly prog: Program;
  protected readonly limits: Limits;

  constructor(prog: Program, limits: Limits, data: unknown) {
    this.prog = prog;
    this.limits = limits;
    this.vars = [{ name: '$', value: data, iface: false }];
    this.dot = data;
    this.tmplName = prog.name;
  }

  // ---- errors and limits
  errorf(msg: string, Cls: typeof TemplateError = TemplateError): never {
    const name = this.tmplName;
    const node = this.node;
    if (!node) throw new Cls(`template: ${name}: ${msg}`, name, 0);
    const text = this.prog.text.slice(0, node.pos);
    const nl = text.lastIndexOf('\n');
    const line = 1 + (text.match(/\n/g)?.length ?? 0);
    const col = nl < 0 ? utf8Length(text) : utf8Length(text.slice(nl + 1));
    const where = `${this.prog.name}:${line}:${col}`;
    throw new Cls(`template: ${where}: executing ${quoteGo(name)} at <${A.nodeString(node)}>: ${msg}`, name, line);
  }
  protected step(): void {
    if (++this.steps > this.limits.maxSteps) this.errorf(`exceeded maximum number of steps (${this.limits.maxSteps})`, LimitError);
  }

  // ---- variables
  protected setVar(name: string, value: unknown, iface: boolean): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        this.vars[i].iface = iface;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  protected setTopVar(n: number, value: unknown, iface: boolean): void {
    const v = this.vars[this.vars.length - n];
    v.value = value;
    v.iface = iface;
  }
  protected varLookup(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i];
    return this.errorf(`undefined variable: ${name}`);
  }

  // ---- evaluation
  protected evalPipeline(pipe: A.PipeNode): unknown {
    this.node = pipe;
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(cmd, value);
      if (this.lastIface && value === null) value = undefined; // a nil interface{} is "no value"
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value, false);
      else this.vars.push({ name: v.ident[0], value, iface: false });
    }
    this.lastIface = false;
    return value;
  }

  protected notAFunction(args: A.ArgNode[] | null, final: Final): void {
    if ((args && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${A.nodeString(args![0])}`);
    }
  }

  protected evalCommand(cmd: A.CommandNode, final: Final): unknown {
    this.step();
    const first = cmd.args[0];
    switch (first.kind) {
      case 'field': return this.evalFieldNode(first, cmd.args, final);
      case 'chain': return this.evalChainNode(first, cmd.args, final);
      case 'identifier': return this.evalFunction(first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(first);
      case 'variable': return this.evalVariableNode(first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    this.lastIface = false;
    switch (first.kind) {
      case 'bool': return first.value;
      case 'dot':
        this.lastIface = this.dotIface;
        return this.dot;
      case 'nil': return this.errorf('nil is not a command');
      case 'number': return this.idealConstant(first);
      case 'string': return first.text;
    }
  }

  /** An untyped number constant becomes int or float64 as Go's syntax decides. */
  protected idealConstant(n: A.NumberNode): unknown {
    this.node = n;
    this.lastIface = false;
    const t = n.text;
    if (n.isComplex) return new GoComplex(n.complex[0], n.complex[1]);
    const hexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
    if (n.isFloat && !hexInt && t[0] !== "'" && /[.eEpP]/.test(t)) return n.float;
    if (n.isInt) return n.int;
    if (n.isUint) this.errorf(`${t} overflows int`);
    return undefined;
  }

  protected evalFieldNode(field: A.FieldNode, args: A.ArgNode[] | null, final: Final): unknown {
    this.node = field;
    return this.evalFieldChain(this.dot, this.dotIface, field, field.ident, 0, args, final);
  }

  protected evalChainNode(chain: A.ChainNode, args: A.ArgNode[] | null, final: Final): unknown {
    this.node = chain;
    if (chain.node.kind === 'nil') this.errorf(`indirection through explicit nil in ${A.nodeString(chain)}`);
    const receiver = this.evalArg(chain.node, null);
    return this.evalFieldChain(receiver, this.lastIface, chain, chain.field, 0, args, final);
  }

  protected evalVariableNode(v: A.VariableNode, args: A.ArgNode[] | null, final: Final): unknown {
    this.node = v;
    const variable = this.varLookup(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      this.lastIface = variable.iface;
      return variable.value;
    }
    return this.evalFieldChain(variable.value, variable.iface, v, v.ident, 1, args, final);
  }

  protected evalFieldChain(
    receiver: unknown, iface: boolean, node: A.ArgNode, ident: string[], start: number, args: A.ArgNode[] | null, final: Final,
  ): unknown {
    const last = ident.length - 1;
    for (let i = start; i < last; i++) {
      receiver = this.evalField(ident[i], node, null, MISSING, receiver, iface);
      iface = this.lastIface;
    }
    return this.evalField(ident[last], node, args, final, receiver, iface);
  }

  protected evalField(name: string, node: A.ArgNode, args: A.ArgNode[] | null, final: Final, receiver: unknown, iface: boolean): unknown {
    if (receiver === undefined) {
      this.lastIface = false;
      return undefined;
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (isGoStruct(receiver)) {
      const method = receiver.goMethod?.(name);
      if (method) {
        const v = this.callFunc(method, node, name, args, final);
        this.lastIface = false;
        return v;
      }
      const typ = iface ? 'interface {}' : receiver.goTypeName;
      const v = receiver.goField(name);
      if (v === NOT_FOUND) this.errorf(`can't evaluate field ${name} in type ${typ}`);
      if (receiver.goNil) this.errorf(`nil pointer evaluating ${typ}.${name}`);
      if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
      // undefined from a struct is a nil interface{} field: "no value" when printed, an error when dereferenced
      this.lastIface = v === undefined;
      return v === undefined ? null : v;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${name}`);
    if (isGoMap(receiver)) {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      this.lastIface = !(GO_MAP_ZERO in receiver);
      return Object.prototype.hasOwnProperty.call(receiver, name) ? receiver[name] : undefined;
    }
    return this.errorf(`can't evaluate field ${name} in type ${iface ? 'interface {}' : goTypeName(receiver)}`);
  }

  protected evalFunction(node: A.IdentifierNode, cmd: A.AnyNode, args: A.ArgNode[] | null, final: Final): unknown {
    this.node = node;
    const name = node.ident;
    const fn = Object.prototype.hasOwnProperty.call(this.prog.funcs, name) ? this.prog.funcs[name] : undefined;
    let v: unknown;
    if (fn) v = this.callFunc(fn, cmd, name, args, final);
    else if (Object.prototype.hasOwnProperty.call(BUILTINS, name)) v = this.callBuiltin(BUILTINS[name], cmd, name, args, final);
    else this.errorf(`${quoteGo(name)} is not a defined function`);
    this.lastIface = true;
    return v;
  }

  /**
   * A FuncMap function or a method; a thrown Error is Go's error result. Without a declared Go signature every
   * parameter is a variadic interface{}.
   */
  protected callFunc(fn: TemplateFunc, node: A.AnyNode, name: string, args: A.ArgNode[] | null, final: Final): unknown {
    const sig = goSignature(fn);
    if (sig) return this.callTyped(sig, fn, false, node, name, args, final);
    const argv: unknown[] = [];
    if (args) for (let i = 1; i < args.length; i++) argv.push(this.evalArg(args[i], 'any'));
    if (final !== MISSING) argv.push(final === undefined ? null : final);
    return this.invoke(() => fn(...argv), node, name);
  }

  protected invoke(f: () => unknown, node: A.AnyNode, name: string): unknown {
    try {
      return f();
    } catch (e) {
      if (e instanceof LimitError || e === BREAK || e === CONTINUE) throw e;
      if (e instanceof RangeError && /call stack/i.test(e.message)) throw e; // reported once, by execute
      this.node = node;
      return this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  protected callBuiltin(b: Builtin, node: A.AnyNode, name: string, args: A.ArgNode[] | null, final: Final): unknown {
    return this.callTyped(b, b.fn, true, node, name, args, final);
  }

  /** Go's evalCall for a function with a known signature (builtins get and/or short-circuit and call's name). */
  protected callTyped(
    b: GoSignature, fn: TemplateFunc, builtin: boolean, node: A.AnyNode, name: string, args: A.ArgNode[] | null, final: Final,
  ): unknown {
    const nargs = args ? args.length - 1 : 0;
    const numIn = nargs + (final !== MISSING ? 1 : 0);
    const fixed = b.params.length;
    if (b.variadic) {
      if (numIn < fixed) this.errorf(`wrong number of args for ${name}: want at least ${fixed} got ${nargs}`);
    } else if (numIn !== fixed) {
      this.errorf(`wrong number of args for ${name}: want ${fixed} got ${numIn}`);
    }
    if (builtin && (name === 'and' || name === 'or')) {
      let v: unknown = undefined;
      for (let i = 1; i <= nargs; i++) {
        v = this.evalArg(args![i], 'value');
        if (isTrue(v) === (name === 'or')) return v;
      }
      return final !== MISSING ? final : v;
    }
    const argv: unknown[] = [];
    for (let i = 0; i < nargs; i++) argv.push(this.evalArg(args![i + 1], i < fixed ? b.params[i] : b.variadic!));
    if (final !== MISSING) {
      const kind = b.variadic && numIn - 1 >= fixed ? b.variadic : b.params[numIn - 1];
      argv.push(this.validate(final, kind));
    }
    if (builtin && name === 'call') argv.unshift(nargs === 0 ? String(final) : A.nodeString(args![1]));
    return this.invoke(() => fn(...argv), node, name);
  }

  /** Go's validateType: may `v` be passed as a parameter of this kind? */
  protected validate(v: unknown, kind: GoParamKind | null): unknown {
    if (kind === null || kind === 'value') return v;
    if (kind === 'any') return v === undefined ? null : v;
    const ok =
      kind === 'string' ? typeof v === 'string'
      : kind === 'int' ? typeof v === 'bigint'
      : kind === 'float64' ? typeof v === 'number'
      : typeof v === 'boolean';
    if (ok) return v;
    if (v === undefined) this.errorf(`invalid value; expected ${kind}`);
    return this.errorf(`wrong type for value; expected ${kind}; got ${v === null ? 'interface {}' : goTypeName(v)}`);
  }

  /** Evaluates one argument; kind null means "no parameter type" (a chain receiver). */
  protected evalArg(n: A.ArgNode, kind: GoParamKind | null): unknown {
    this.node = n;
    switch (n.kind) {
      case 'dot':
        this.lastIface = this.dotIface;
        return this.validate(this.dot, kind);
      case 'nil':
        if (kind !== null && kind !== 'any' && kind !== 'value') this.errorf(`cannot assign nil to ${kind}`);
        this.lastIface = false;
        return kind === 'any' ? null : undefined;
      case 'field': return this.validate(this.evalFieldNode(n, [n], MISSING), kind);
      case 'variable': return this.validate(this.evalVariableNode(n, null, MISSING), kind);
      case 'pipe': return this.validate(this.evalPipeline(n), kind);
      case 'identifier': return this.validate(this.evalFunction(n, n, null, MISSING), kind);
      case 'chain': return this.validate(this.evalChainNode(n, null, MISSING), kind);
    }
    this.lastIface = false;
    switch (kind) {
      case 'string':
        if (n.kind === 'string') return n.text;
        return this.errorf(`expected string; found ${A.nodeString(n)}`);
      case 'bool':
        if (n.kind === 'bool') return n.value;
        return this.errorf(`expected bool; found ${A.nodeString(n)}`);
      case 'int':
        if (n.kind === 'number' && n.isInt) return n.int;
        return this.errorf(`expected integer; found ${A.nodeString(n)}`);
      case 'float64':
        if (n.kind === 'number' && n.isFloat) return n.float;
        return this.errorf(`expected float; found ${A.nodeString(n)}`);
    }
    switch (n.kind) {
      case 'bool': return n.value;
      case 'number': return this.idealConstant(n);
      case 'string': return n.text;
    }
  }
}
