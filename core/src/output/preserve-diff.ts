/**
 * The minimal edits between a parsed YAML node and the value it should now have. Unchanged entries keep their text;
 * changed scalars are replaced where they stand; block maps and sequences are edited entry by entry; anything else
 * that changed (flow collections, aliases, merge keys, a change of shape) is rewritten whole, in the file's style.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { alignItems } from './preserve-align';
import { findMoves, movedItemLines } from './preserve-move';
import type { ItemDiff, MoveSource } from './preserve-move';
import { isPlainObject, jsonEqual, presentKeys } from './preserve-json';
import {
  renderAfterKey,
  renderFlow,
  renderInlineScalar,
  renderInPlace,
  renderItemInPlace,
  renderItemLines,
  renderKeyLine,
  renderPairLines,
} from './preserve-render';
import type { FileStyle } from './preserve-render';
import { CannotPreserve, columnOf, contentEnd, endOfLine, firstOnLine, indentFollowingLines, itemDashes, lineStart } from './preserve-text';
import type { TextEdit } from './preserve-text';

export interface DiffContext {
  text: string;
  doc: Document;
  style: FileStyle;
  edits: TextEdit[];
  /** List items that moved from a sibling list, by their object in the new value (see preserve-move). */
  moves: Map<object, MoveSource>;
}

/** How to rewrite a node whole: its place as a map value, a sequence item, or the document root. */
type Slot =
  | { kind: 'value'; pair: Pair; keyCol: number }
  | { kind: 'item'; dash: number; col: number }
  | { kind: 'root' };

export function diffRoot(ctx: DiffContext, node: Node, after: unknown): void {
  diffNode(ctx, node, after, { kind: 'root' });
}

function valueOf(ctx: DiffContext, node: Node): unknown {
  return node.toJS(ctx.doc, { maxAliasCount: -1 });
}

function diffNode(ctx: DiffContext, node: Node, after: unknown, slot: Slot): void {
  if (jsonEqual(valueOf(ctx, node), after)) return;
  if (isScalar(node) || isAlias(node)) return replaceScalar(ctx, node, after, slot);
  const blockMap = isMap(node) && !node.flow && isPlainObject(after) && presentKeys(after).length > 0;
  if (blockMap && canEditEntries(node as YAMLMap)) return diffMap(ctx, node as YAMLMap, after as Record<string, unknown>, slot);
  if (isSeq(node) && !node.flow && Array.isArray(after) && after.length > 0) return diffSeq(ctx, node, after, slot);
  const nonEmptyFlow = (isMap(node) || isSeq(node)) && node.flow && node.items.length > 0;
  if (nonEmptyFlow && (Array.isArray(after) || isPlainObject(after)) && Array.isArray(after) === isSeq(node)) {
    return replaceFlow(ctx, node as YAMLSeq | YAMLMap, after);
  }
  replaceSlot(ctx, node, after, slot);
}

/**
 * A changed flow collection is written again whole, in flow style with the user's quoting and padding; one written
 * as indented JSON over several lines (a JSON manifest) stays indented JSON.
 */
function replaceFlow(ctx: DiffContext, node: YAMLSeq | YAMLMap, after: unknown): void {
  const { text } = ctx;
  const start = node.range![0];
  const end = contentEnd(text, node);
  const quote = commonQuote(node);
  const firstBreak = text.indexOf('\n', start);
  if (quote === 'QUOTE_DOUBLE' && firstBreak !== -1 && firstBreak < end) {
    const inner = /^[ \t]*/.exec(text.slice(firstBreak + 1))![0].length;
    const lineIndent = /^ */.exec(text.slice(lineStart(text, start)))![0].length;
    const unit = Math.max(1, inner - lineIndent);
    return replaceRange(ctx, start, end, indentFollowingLines(JSON.stringify(after, jsonNumbers, unit), lineIndent));
  }
  const padded = /^[[{][ \t]/.test(text.slice(start, start + 2));
  replaceRange(ctx, start, end, renderFlow(after, ctx.style, padded, quote));
}

function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}

/** The quoting shared by every string value of a flow collection, if it has one (`["a", "b"]`). */
function commonQuote(node: YAMLSeq | YAMLMap): 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | undefined {
  const values = (node.items as unknown[]).flatMap((item) => (isPair(item) ? [item.key, item.value] : [item]));
  const types = new Set(values.filter((v) => isScalar(v) && typeof v.value === 'string').map((v) => (v as Scalar).type));
  const [only] = types;
  return types.size === 1 && (only === 'QUOTE_DOUBLE' || only === 'QUOTE_SINGLE') ? only : undefined;
}

/** Entry-by-entry edits need plain keys: no merge keys (`<<`) and no repeated keys. */
function canEditEntries(map: YAMLMap): boolean {
  const seen = new Set<string>();
  for (const pair of map.items) {
    const key = keyString(pair.key);
    if (key === undefined || key === '<<' || seen.has(key) || !(pair.key as Node | null)?.range) return false;
    seen.add(key);
  }
  return true;
}

function keyString(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  return v === null ? '' : typeof v === 'object' ? undefined : String(v);
}

function replaceRange(ctx: DiffContext, start: number, end: number, newText: string): void {
  ctx.edits.push({ start, end, newText });
}

function replaceScalar(ctx: DiffContext, node: Node, after: unknown, slot: Slot): void {
  const range = node.range;
  // An explicit tag (`!!str 1`) would apply to the new text too: write the value again without it.
  if ((node as { tag?: string }).tag) {
    return replaceSlot(ctx, node, after, slot);
  }
  const inline = isPlainObject(after) || Array.isArray(after) ? undefined : renderInlineScalar(after, ctx.style, (node as { type?: string }).type);
  if (inline !== undefined && range && range[1] > range[0]) {
    return replaceRange(ctx, range[0], contentEnd(ctx.text, node), inline);
  }
  replaceSlot(ctx, node, after, slot);
}

/** Rewrite the node whole in its place, in block style. */
function replaceSlot(ctx: DiffContext, node: Node | null, after: unknown, slot: Slot): void {
  const { text, style } = ctx;
  switch (slot.kind) {
    case 'value': {
      const colon = colonAfterKey(text, slot.pair);
      const end = node?.range ? Math.max(colon, contentEnd(text, node)) : colon;
      return replaceKeepingComment(ctx, colon, end, renderAfterKey(after, style, slot.keyCol));
    }
    case 'item': {
      const end = node?.range ? Math.max(slot.dash + 1, contentEnd(text, node)) : slot.dash + 1;
      return replaceKeepingComment(ctx, slot.dash, end, renderItemInPlace(after, style, slot.col));
    }
    case 'root': {
      if (!node?.range) throw new CannotPreserve('document has no content to replace');
      const start = node.range[0];
      return replaceRange(ctx, start, contentEnd(text, node), renderInPlace(after, style, columnOf(text, start)));
    }
  }
}

/**
 * Replace [start, end) with `newText`. A comment after `end` on the same line would end up after the last line of a
 * multi-line replacement (inside a block scalar, even): it moves to the end of the replacement's first line.
 */
function replaceKeepingComment(ctx: DiffContext, start: number, end: number, newText: string): void {
  const firstBreak = newText.indexOf('\n');
  const comment = /^[ \t]+(#[^\r\n]*)/.exec(ctx.text.slice(end, endOfLine(ctx.text, end)));
  if (firstBreak === -1 || !comment) return replaceRange(ctx, start, end, newText);
  const firstLine = newText.slice(0, firstBreak).replace(/\r$/, '');
  const rest = newText.slice(firstLine.length);
  replaceRange(ctx, start, end + comment[0].length, `${firstLine} ${comment[1]}${rest}`);
}

/** Offset just past the `:` that follows a pair's key. */
function colonAfterKey(text: string, pair: Pair): number {
  const key = pair.key as Node;
  let i = contentEnd(text, key);
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] !== ':') throw new CannotPreserve(`no ':' after key at ${i}`);
  return i + 1;
}

// ---- block maps -------------------------------------------------------------------------------------------------

interface Entry {
  /** Where the entry starts: its key, or its dash. */
  start: number;
  /** End of the entry's own text. */
  end: number;
}

function pairEntry(text: string, pair: Pair): Entry {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const keyEnd = contentEnd(text, key);
  const end = value?.range ? Math.max(keyEnd, contentEnd(text, value)) : keyEnd;
  return { start: key.range![0], end: Math.max(end, keyEnd) };
}

/** Remove an entry with its lines; an entry that shares its first line (after `- `) gives that line to the next. */
function removeEntry(ctx: DiffContext, entries: Entry[], i: number): void {
  const { text } = ctx;
  const entry = entries[i];
  if (firstOnLine(text, entry.start)) {
    return replaceRange(ctx, lineStart(text, entry.start), endOfLine(text, entry.end), '');
  }
  const next = entries[i + 1];
  if (!next) throw new CannotPreserve('cannot remove the last entry of a compact collection');
  replaceRange(ctx, entry.start, next.start, '');
}

/** Insert whole lines at a line start (or at the end of a text that lacks a final line break). */
function insertLines(ctx: DiffContext, at: number, lines: string): void {
  const { text, style } = ctx;
  if (at === text.length && text.length > 0 && !text.endsWith('\n')) {
    return replaceRange(ctx, at, at, style.eol + lines.slice(0, -style.eol.length));
  }
  replaceRange(ctx, at, at, lines);
}

function diffMap(ctx: DiffContext, map: YAMLMap, after: Record<string, unknown>, slot: Slot): void {
  const { text } = ctx;
  const pairs = map.items as Pair[];
  const keys = pairs.map((p) => keyString(p.key)!);
  const kept = keys.filter((k) => after[k] !== undefined);
  if (kept.length === 0) return replaceSlot(ctx, map, after, slot);

  for (const [item, source] of findMoves(text, pairs, keys, after)) ctx.moves.set(item, source);
  const entries = pairs.map((p) => pairEntry(text, p));
  const col = columnOf(text, entries[0].start);
  // A first key written after `- ` keeps that line: removed keys before the first kept one go as one stretch.
  const firstKept = keys.findIndex((k) => after[k] !== undefined);
  const compactStart = !firstOnLine(text, entries[0].start);
  if (compactStart && firstKept > 0) replaceRange(ctx, entries[0].start, entries[firstKept].start, '');
  pairs.forEach((pair, i) => {
    const value = after[keys[i]];
    if (value === undefined) {
      if (!(compactStart && i < firstKept)) removeEntry(ctx, entries, i);
      return;
    }
    const node = pair.value as Node | null;
    const valueSlot: Slot = { kind: 'value', pair, keyCol: columnOf(text, entries[i].start) };
    if (node) diffNode(ctx, node, value, valueSlot);
    else replaceSlot(ctx, null, value, valueSlot);
  });

  const existing = new Set(keys);
  const added = presentKeys(after).filter((k) => !existing.has(k));
  const sorted = isSorted(keys);
  for (const key of sorted ? [...added].sort() : added) {
    const at = insertionPoint(text, keys, entries, key, sorted);
    insertLines(ctx, at, newPairLines(ctx, key, after[key], col));
  }
}

/** A new entry; a list that receives moved items is written item by item so they keep their text. */
function newPairLines(ctx: DiffContext, key: string, value: unknown, col: number): string {
  const { style } = ctx;
  if (!Array.isArray(value) || value.length === 0 || !value.some((item) => ctx.moves.has(item as object))) {
    return renderPairLines(key, value, style, col);
  }
  const itemCol = col + (style.indentSeq ? style.indent : 0);
  return renderKeyLine(key, style, col) + value.map((item) => itemLines(ctx, item, itemCol)).join('');
}

/** A new list item as whole lines: the moved item's own text when it has one, else written fresh. */
function itemLines(ctx: DiffContext, item: unknown, col: number): string {
  const source = item !== null && typeof item === 'object' ? ctx.moves.get(item) : undefined;
  const moved = source && movedItemLines(ctx.text, source, item, col, itemDiff(ctx), ctx.style.eol);
  return moved ?? renderItemLines(item, ctx.style, col);
}

function itemDiff(ctx: DiffContext): ItemDiff {
  return (source, after, edits) => diffNode({ ...ctx, edits }, source.node, after, { kind: 'item', dash: source.dash, col: source.col });
}

/** New keys that Kubernetes users expect next to an existing one, rather than at the end. */
const PLACE_AFTER: Readonly<Record<string, string>> = { initContainers: 'containers' };

/** Where a new key goes: after its natural neighbour, in order when the keys are sorted, else at the end. */
function insertionPoint(text: string, keys: string[], entries: Entry[], key: string, sorted: boolean): number {
  const after = (i: number): number => endOfLine(text, entries[i].end);
  const neighbour = Object.hasOwn(PLACE_AFTER, key) ? keys.indexOf(PLACE_AFTER[key]) : -1;
  if (neighbour !== -1) return after(neighbour);
  if (sorted) {
    const next = keys.findIndex((k) => k > key);
    if (next > 0) return after(next - 1);
    if (next === 0 && firstOnLine(text, entries[0].start)) return lineStart(text, entries[0].start);
    if (next === 0) return after(0);
  }
  return after(entries.length - 1);
}

function isSorted(keys: string[]): boolean {
  return keys.length >= 2 && keys.every((k, i) => i === 0 || keys[i - 1] <= k);
}

// ---- block sequences --------------------------------------------------------------------------------------------

function diffSeq(ctx: DiffContext, seq: YAMLSeq, after: unknown[], slot: Slot): void {
  const { text } = ctx;
  const items = seq.items as (Node | null)[];
  const before = items.map((n) => (n ? valueOf(ctx, n) : null));
  const steps = alignItems(before, after);
  if (!steps.some((s) => s.op === 'keep' || s.op === 'edit')) return replaceSlot(ctx, seq, after, slot);

  const dashes = itemDashes(text, seq);
  if (dashes.some((d) => text[d] !== '-')) throw new CannotPreserve('sequence item dash not found');
  const col = columnOf(text, dashes[0]);
  const entries: Entry[] = items.map((n, i) => ({ start: dashes[i], end: n?.range ? Math.max(dashes[i] + 1, contentEnd(text, n)) : dashes[i] + 1 }));

  // A first item written after another dash (`- - a`) keeps that place: removed items before the first kept one go
  // as one stretch, and items inserted before it go at its dash, the line break after them.
  const compactStart = !firstOnLine(text, dashes[0]);
  const firstKept = Math.min(...steps.map((s) => (s.op === 'keep' || s.op === 'edit' ? s.before : items.length)));
  if (compactStart && firstKept > 0) replaceRange(ctx, dashes[0], dashes[firstKept], '');

  // New items go after the last item of `before` seen so far, or before the first one.
  let lastBefore = -1;
  const insert = (lines: string): void => {
    if (lastBefore >= 0) return insertLines(ctx, endOfLine(text, entries[lastBefore].end), lines);
    if (!compactStart) return insertLines(ctx, lineStart(text, dashes[0]), lines);
    replaceRange(ctx, dashes[0], dashes[0], lines.slice(col) + ' '.repeat(col));
  };
  for (const step of steps) {
    if (step.op === 'insert') {
      insert(itemLines(ctx, after[step.after], col));
      continue;
    }
    const compactRemoved = compactStart && step.before < firstKept;
    if (!compactRemoved) lastBefore = step.before;
    if (step.op === 'remove') {
      if (!compactRemoved) removeEntry(ctx, entries, step.before);
    } else if (step.op === 'edit') {
      const node = items[step.before];
      const itemSlot: Slot = { kind: 'item', dash: dashes[step.before], col };
      if (node) diffNode(ctx, node, after[step.after], itemSlot);
      else replaceSlot(ctx, null, after[step.after], itemSlot);
    }
  }
}
