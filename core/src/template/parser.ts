/**
 * Recursive-descent parser producing the template set (top-level template plus `define`/`block` templates).
 * It mirrors Go's parse.Tree closely, including its 3-token look-ahead, because Go's parse error texts report the
 * line of the most recently scanned token.
 */
import * as A from './ast';
import { TemplateError } from './errors';
import { lex } from './lexer';
import type { Token, TokenType } from './tokens';
import { numberNode } from './number-literal';
import { quoteGo } from '../go/quote';
import { TokenCursor, type Shared } from './token-cursor';

/** Maximum nesting of parenthesised pipelines (Go allows 10000; JavaScript stacks are smaller). */
const MAX_PAREN_DEPTH = 1000;
const MAX_PIPELINE_CMDS = 100000;

export interface ParsedSet {
  /** Every template by name: the top-level one and each `define` / `block`. */
  readonly trees: Map<string, A.ListNode>;
  readonly text: string;
}

/** Parses `text` as template `name`; `hasFunction` tells which identifiers are functions. Throws TemplateError. */
export function parseSet(name: string, text: string, hasFunction: (n: string) => boolean): ParsedSet {
  const tokens = lex(text, { breakOK: !hasFunction('break'), continueOK: !hasFunction('continue') });
  const shared: Shared = { tokens, index: 0, trees: new Map(), hasFunction, parseName: name };
  const top = new Tree(name, shared);
  try {
    top.parse();
    top.add();
  } catch (e) {
    // Go's parser has no nesting limit; a JavaScript stack does. Report it like any other parse error.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      const line = tokens[Math.min(shared.index, tokens.length) - 1]?.line ?? 0;
      throw new TemplateError(`template: ${name}:${line}: actions nested too deeply`, name, line);
    }
    throw e;
  }
  return { trees: shared.trees, text };
}

type Item = A.Node | A.EndNode | A.ElseNode;

class Tree extends TokenCursor {
  root: A.ListNode | null = null;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private parenDepth = 0;

  name: string;

  constructor(name: string, s: Shared) {
    super(s);
    this.name = name;
  }

  add(): void {
    const existing = this.s.trees.get(this.name);
    if (!existing || A.isEmptyTree(existing)) {
      this.s.trees.set(this.name, this.root!);
      return;
    }
    if (!A.isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${quoteGo(this.name)}`);
  }

  /** Top level: like itemList, but also accepts `{{define}}` and runs to EOF. */
  parse(): void {
    const root: A.ListNode = { kind: 'list', pos: this.peek().pos, nodes: [] };
    this.root = root;
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().type === 'define') {
          const def = new Tree('definition', this.s);
          def.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') this.errorf(`unexpected ${A.nodeString(n)}`);
      root.nodes.push(n);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.type !== 'string' && t.type !== 'rawString') this.unexpected(t, context);
    this.name = this.unquoteOrFail(t);
    this.expect('rightDelim', context);
    const { list, next } = this.itemList();
    if (next.kind !== 'end') this.errorf(`unexpected ${A.nodeString(next)} in ${context}`);
    this.root = list;
    this.add();
  }

  private itemList(): { list: A.ListNode; next: A.EndNode | A.ElseNode } {
    const list: A.ListNode = { kind: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') return { list, next: n };
      list.nodes.push(n);
    }
    return this.errorf('unexpected EOF');
  }

  private textOrAction(): Item {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'text': return { kind: 'text', pos: t.pos, text: t.val };
      case 'leftDelim': {
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default: return this.unexpected(t, 'input');
    }
  }

  private action(): Item {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'block': return this.blockControl();
      case 'break': case 'continue': {
        const word = t.type;
        const close = this.nextNonSpace();
        if (close.type !== 'rightDelim') this.unexpected(close, `{{${word}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
        return { kind: word, pos: t.pos, line: t.line };
      }
      case 'else': return this.elseControl();
      case 'end': return { kind: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if': case 'range': case 'with': return this.branchControl(t.type);
      case 'template': return this.templateControl();
    }
    this.backup();
    const start = this.peek();
    return { kind: 'action', pos: start.pos, line: start.line, pipe: this.pipeline('command', 'rightDelim') };
  }

  private pipeline(context: string, end: TokenType): A.PipeNode {
    const start = this.peekNonSpace();
    const pipe: A.PipeNode = { kind: 'pipe', pos: start.pos, line: start.line, isAssign: false, decl: [], cmds: [] };
    for (;;) { // declarations: `$x :=`, `$x =`, `$i, $v :=`
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      this.next();
      const afterVariable = this.peek();
      const nxt = this.peekNonSpace();
      if (nxt.type === 'assign' || nxt.type === 'declare') {
        pipe.isAssign = nxt.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push(this.variableNode(v.pos, v.val));
        this.vars.push(v.val);
      } else if (nxt.type === 'char' && nxt.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.variableNode(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().type;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (afterVariable.type === 'space') {
        this.backup3(v, afterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.type) {
        case 'bool': case 'charConstant': case 'complex': case 'dot': case 'field': case 'identifier': case 'number':
        case 'nil': case 'rawString': case 'string': case 'variable': case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          if (pipe.cmds.length > MAX_PIPELINE_CMDS) this.errorf('pipeline too long');
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: A.PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const k = c.args[0].kind;
      if (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private branchControl(kind: 'if' | 'range' | 'with'): A.BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(kind, 'rightDelim');
      if (kind === 'range') this.rangeDepth++;
      const { list, next } = this.itemList();
      if (kind === 'range') this.rangeDepth--;
      let elseList: A.ListNode | null = null;
      if (next.kind === 'else') {
        // `{{else if …}}` / `{{else with …}}` nest a new branch in the else list, closed by the same {{end}}.
        if ((kind === 'if' || kind === 'with') && this.peek().type === kind) {
          this.next();
          elseList = { kind: 'list', pos: next.pos, nodes: [this.branchControl(kind)] };
        } else {
          const rest = this.itemList();
          if (rest.next.kind !== 'end') this.errorf(`expected end; found ${A.nodeString(rest.next)}`);
          elseList = rest.list;
        }
      }
      return { kind, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private elseControl(): A.ElseNode {
    const p = this.peekNonSpace();
    if (p.type === 'if' || p.type === 'with') return { kind: 'else', pos: p.pos, line: p.line };
    const t = this.expect('rightDelim', 'else');
    return { kind: 'else', pos: t.pos, line: t.line };
  }

  private blockControl(): A.TemplateNode {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const block = new Tree(name, this.s);
    const { list, next } = block.itemList();
    if (next.kind !== 'end') this.errorf(`unexpected ${A.nodeString(next)} in ${context}`);
    block.root = list;
    block.add();
    return { kind: 'template', pos: t.pos, line: t.line, name, pipe };
  }

  private templateControl(): A.TemplateNode {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: A.PipeNode | null = null;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { kind: 'template', pos: t.pos, line: t.line, name, pipe };
  }

  private templateName(t: Token, context: string): string {
    if (t.type !== 'string' && t.type !== 'rawString') this.unexpected(t, context);
    return this.unquoteOrFail(t);
  }

  private command(): A.CommandNode {
    const cmd: A.CommandNode = { kind: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') this.backup();
      else if (t.type !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): A.ArgNode | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().type !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
    switch (node.kind) {
      case 'field': return { kind: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable': return { kind: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool': case 'string': case 'number': case 'nil': case 'dot':
        return this.errorf(`unexpected . after term ${quoteGo(A.nodeString(node))}`);
      default: return { kind: 'chain', pos, node, field: fields };
    }
  }

  private term(): A.ArgNode | null {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'identifier':
        if (!this.s.hasFunction(t.val)) this.errorf(`function ${quoteGo(t.val)} not defined`);
        return { kind: 'identifier', pos: t.pos, ident: t.val };
      case 'dot': return { kind: 'dot', pos: t.pos };
      case 'nil': return { kind: 'nil', pos: t.pos };
      case 'variable': return this.useVar(t.pos, t.val);
      case 'field': return { kind: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case 'bool': return { kind: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant': case 'complex': case 'number':
        try {
          return numberNode(t.pos, t.val, t.type);
        } catch (e) {
          if (e instanceof RangeError) throw e;
          return this.errorf((e as Error).message);
        }
      case 'leftParen': {
        if (this.parenDepth >= MAX_PAREN_DEPTH) this.errorf('max expression depth exceeded');
        this.parenDepth++;
        try {
          return this.pipeline('parenthesized pipeline', 'rightParen');
        } finally {
          this.parenDepth--;
        }
      }
      case 'string': case 'rawString':
        return { kind: 'string', pos: t.pos, quoted: t.val, text: this.unquoteOrFail(t) };
    }
    this.backup();
    return null;
  }

  private variableNode(pos: number, name: string): A.VariableNode {
    return { kind: 'variable', pos, ident: name.split('.') };
  }

  private useVar(pos: number, name: string): A.VariableNode {
    const v = this.variableNode(pos, name);
    if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${quoteGo(v.ident[0])}`);
    return v;
  }
}
