/**
 * Parse tree of a Go template (the shapes of Go's text/template/parse nodes) and their canonical text, which Go
 * prints inside error messages (`executing "t" at <.Foo.Bar>`).
 */
import { quoteGo } from '../go/quote';
import { trimSpace } from '../go/strings';

export interface TextNode { readonly kind: 'text'; readonly pos: number; readonly text: string }
export interface CommentNode { readonly kind: 'comment'; readonly pos: number; readonly text: string }
export interface ActionNode { readonly kind: 'action'; readonly pos: number; readonly line: number; readonly pipe: PipeNode }
export interface BreakNode { readonly kind: 'break'; readonly pos: number; readonly line: number }
export interface ContinueNode { readonly kind: 'continue'; readonly pos: number; readonly line: number }
export interface ListNode { readonly kind: 'list'; readonly pos: number; readonly nodes: Node[] }
export interface BranchNode {
  readonly kind: 'if' | 'range' | 'with';
  readonly pos: number;
  readonly line: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
}
export interface TemplateNode {
  readonly kind: 'template';
  readonly pos: number;
  readonly line: number;
  readonly name: string;
  readonly pipe: PipeNode | null;
}
/** Markers produced while parsing `{{end}}` / `{{else}}`; never part of a finished tree. */
export interface EndNode { readonly kind: 'end'; readonly pos: number }
export interface ElseNode { readonly kind: 'else'; readonly pos: number; readonly line: number }

export type Node = TextNode | CommentNode | ActionNode | BreakNode | ContinueNode | ListNode | BranchNode | TemplateNode;

export interface PipeNode {
  readonly kind: 'pipe';
  readonly pos: number;
  readonly line: number;
  isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}
export interface CommandNode { readonly kind: 'command'; readonly pos: number; readonly args: ArgNode[] }
export interface IdentifierNode { readonly kind: 'identifier'; readonly pos: number; readonly ident: string }
/** `$x.A.B`: ident[0] is the variable name. */
export interface VariableNode { readonly kind: 'variable'; readonly pos: number; readonly ident: string[] }
export interface FieldNode { readonly kind: 'field'; readonly pos: number; readonly ident: string[] }
/** `(pipe).A.B` or `fn.A` */
export interface ChainNode { readonly kind: 'chain'; readonly pos: number; readonly node: ArgNode; readonly field: string[] }
export interface DotNode { readonly kind: 'dot'; readonly pos: number }
export interface NilNode { readonly kind: 'nil'; readonly pos: number }
export interface BoolNode { readonly kind: 'bool'; readonly pos: number; readonly value: boolean }
export interface StringNode { readonly kind: 'string'; readonly pos: number; readonly quoted: string; readonly text: string }
export interface NumberNode {
  readonly kind: 'number';
  readonly pos: number;
  readonly text: string;
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly isComplex: boolean;
  readonly int: bigint;
  readonly uint: bigint;
  readonly float: number;
  readonly complex: readonly [number, number];
}
export type ArgNode =
  | IdentifierNode | VariableNode | FieldNode | ChainNode | DotNode | NilNode | BoolNode | StringNode | NumberNode | PipeNode;

export type AnyNode = Node | PipeNode | CommandNode | ArgNode | EndNode | ElseNode;

/** Go's Node.String(): the node written back as template source. */
export function nodeString(n: AnyNode): string {
  switch (n.kind) {
    case 'text': return n.text;
    case 'comment': return `{{${n.text}}}`;
    case 'action': return `{{${nodeString(n.pipe)}}}`;
    case 'break': return '{{break}}';
    case 'continue': return '{{continue}}';
    case 'end': return '{{end}}';
    case 'else': return '{{else}}';
    case 'list': return n.nodes.map(nodeString).join('');
    case 'if': case 'range': case 'with': {
      const els = n.elseList ? `{{else}}${nodeString(n.elseList)}` : '';
      return `{{${n.kind} ${nodeString(n.pipe)}}}${nodeString(n.list)}${els}{{end}}`;
    }
    case 'template': return `{{template ${quoteGo(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
    case 'pipe': {
      const decl = n.decl.length ? n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ') : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command': return n.args.map((a) => (a.kind === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'identifier': return n.ident;
    case 'variable': return n.ident.join('.');
    case 'field': return n.ident.map((id) => '.' + id).join('');
    case 'chain': {
      const head = n.node.kind === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node);
      return head + n.field.map((f) => '.' + f).join('');
    }
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return n.value ? 'true' : 'false';
    case 'string': return n.quoted;
    case 'number': return n.text;
  }
}

/** Go's parse.IsEmptyTree: only whitespace text and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.kind) {
    case 'comment': return true;
    case 'list': return n.nodes.every(isEmptyTree);
    case 'text': return trimSpace(n.text) === '';
    default: return false;
  }
}
