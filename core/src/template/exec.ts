/**
 * Template execution: walks the parse tree (text, actions, if/with/range, template calls, break/continue) and
 * writes the output, within the step, depth and output limits. Expressions are evaluated by eval.ts.
 */
import * as A from './ast';
import { BREAK, CONTINUE, Evaluator, LimitError, Limits, Program } from './eval';
import { formatValue } from './printf';
import { quoteGo } from '../go/quote';
import { isGoMap, isTrue } from './truth';
import { compareGoStrings } from '../go/utf8';
import { GO_MAP_ZERO, goTypeName } from './value';

export { DEFAULT_LIMITS } from './eval';
export type { Limits, Program } from './eval';

/** Runs template `prog.name` over `data` (Go's Execute); throws TemplateError. */
export function execute(prog: Program, data: unknown, limits: Limits): string {
  const st = new State(prog, limits, data === null ? undefined : data);
  const root = prog.trees.get(prog.name);
  if (!root) return st.errorf(`${quoteGo(prog.name)} is an incomplete or empty template`);
  try {
    st.walk(root);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new LimitError(`template: ${prog.name}: exceeded maximum nesting (call stack exhausted)`, prog.name, 0);
    }
    throw e;
  }
  return st.out.join('');
}

class State extends Evaluator {
  readonly out: string[] = [];
  private outLen = 0;
  private depth = 0;

  private write(s: string): void {
    this.outLen += s.length;
    if (this.outLen > this.limits.maxOutput) this.errorf(`exceeded maximum output size (${this.limits.maxOutput})`, LimitError);
    this.out.push(s);
  }

  // ---- walking
  walk(node: A.Node): void {
    this.step();
    this.node = node;
    switch (node.kind) {
      case 'action': {
        const v = this.evalPipeline(node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, v);
        return;
      }
      case 'text': this.write(node.text); return;
      case 'list': for (const n of node.nodes) this.walk(n); return;
      case 'if': case 'with': return this.walkIfOrWith(node);
      case 'range': return this.walkRange(node);
      case 'template': return this.walkTemplate(node);
      case 'break': throw BREAK;
      case 'continue': throw CONTINUE;
      case 'comment': return;
    }
  }

  private walkIfOrWith(node: A.BranchNode): void {
    const mark = this.vars.length;
    const val = this.evalPipeline(node.pipe);
    if (isTrue(val)) {
      if (node.kind === 'with') {
        const dot = this.dot, iface = this.dotIface;
        this.dot = val;
        this.dotIface = false;
        this.walk(node.list);
        this.dot = dot;
        this.dotIface = iface;
      } else {
        this.walk(node.list);
      }
    } else if (node.elseList) {
      this.walk(node.elseList);
    }
    this.vars.length = mark;
  }

  private walkRange(r: A.BranchNode): void {
    this.node = r;
    const outerMark = this.vars.length;
    const dot = this.dot, dotIface = this.dotIface;
    const val = this.evalPipeline(r.pipe);
    const mark = this.vars.length;
    const { decl, isAssign } = r.pipe;
    const one = (index: unknown, elem: unknown, elemIface: boolean): void => {
      if (decl.length > 0) {
        if (isAssign) {
          if (decl.length > 1) this.setVar(decl[0].ident[0], index, false);
          else this.setVar(decl[0].ident[0], elem, elemIface);
        } else {
          this.setTopVar(1, elem, elemIface);
        }
      }
      if (decl.length > 1) {
        if (isAssign) this.setVar(decl[1].ident[0], elem, elemIface);
        else this.setTopVar(2, index, false);
      }
      this.dot = elem;
      this.dotIface = elemIface;
      try {
        this.walk(r.list);
      } catch (e) {
        if (e !== CONTINUE) throw e;
      }
      this.vars.length = mark;
    };
    let ran = false;
    try {
      ran = this.iterate(r, val, one);
    } catch (e) {
      if (e !== BREAK) throw e;
      ran = true;
    }
    this.dot = dot;
    this.dotIface = dotIface;
    if (!ran && r.elseList) this.walk(r.elseList);
    this.vars.length = outerMark;
  }

  /** Runs `one` per element; false when there was nothing to iterate (the else branch runs). */
  private iterate(r: A.BranchNode, val: unknown, one: (i: unknown, e: unknown, iface: boolean) => void): boolean {
    if (typeof val === 'bigint') {
      if (r.pipe.decl.length > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
      for (let i = 0n; i < val; i++) one(undefined, i, false);
      return val > 0n;
    }
    if (val === undefined) return false;
    if (Array.isArray(val)) {
      const elemIface = goTypeName(val) === '[]interface {}';
      for (let i = 0; i < val.length; i++) one(BigInt(i), val[i], elemIface);
      return val.length > 0;
    }
    if (isGoMap(val)) {
      const elemIface = !(GO_MAP_ZERO in val);
      const keys = Object.keys(val).sort(compareGoStrings);
      for (const k of keys) one(k, val[k], elemIface);
      return keys.length > 0;
    }
    return this.errorf(`range can't iterate over ${formatValue(val)}`);
  }

  private walkTemplate(t: A.TemplateNode): void {
    this.node = t;
    const tree = this.prog.trees.get(t.name);
    if (!tree) this.errorf(`template ${quoteGo(t.name)} not defined`);
    if (this.depth >= this.limits.maxDepth) this.errorf(`exceeded maximum template depth (${this.limits.maxDepth})`, LimitError);
    const dot = t.pipe ? this.evalPipeline(t.pipe) : undefined;
    const saved = { vars: this.vars, dot: this.dot, iface: this.dotIface, name: this.tmplName };
    this.vars = [{ name: '$', value: dot, iface: false }];
    this.dot = dot;
    this.dotIface = false;
    this.tmplName = t.name;
    this.depth++;
    this.walk(tree);
    this.depth--;
    this.vars = saved.vars;
    this.dot = saved.dot;
    this.dotIface = saved.iface;
    this.tmplName = saved.name;
  }

  private printValue(node: A.ActionNode, v: unknown): void {
    this.node = node;
    if (v === undefined) this.write('<no value>');
    else if (typeof v === 'function') this.errorf(`can't print ${A.nodeString(node)} of type ${goTypeName(v)}`);
    else this.write(formatValue(v, true));
  }

}
