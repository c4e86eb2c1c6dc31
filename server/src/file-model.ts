/**
 * The parse cache: per open file (URI + version) its text split into documents exactly as Kubernetes' reader does.
 * Splitting is a single linear scan; everything expensive is cached per chunk text elsewhere, so an edit costs the
 * split plus the analysis of the chunks whose text changed.
 */
import type { Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { splitYamlStream, type RawChunk, type SplitError } from '../../core/src/manifest/split';
import { detached, resplit, type Replacement } from './incremental-split';

export interface FileModel {
  uri: string;
  version: number;
  text: string;
  /** The documents of the stream, in order (offsets into `text`). */
  chunks: RawChunk[];
  /** An invalid `---` line: Kubernetes' reader stops there. */
  splitError?: SplitError;
}

export class FileModels {
  private readonly models = new Map<string, FileModel>();
  /** The last edit of each URI, when it was one ranged change: from version `from` to `to`. */
  private readonly edits = new Map<string, { from: number; to: number; replacement: Replacement }>();
  private readonly onSuperseded: (texts: () => string[]) => void;

  /**
   * `onSuperseded` hears of the document texts a new version of a file no longer has (caches keyed by text drop
   * them), as a function: working them out can wait until the edit is answered.
   */
  constructor(onSuperseded: (texts: () => string[]) => void = () => {}) {
    this.onSuperseded = onSuperseded;
  }

  /** Records an edit before it is applied to `doc` (TextDocuments' update hook), so the split can follow it. */
  noteEdit(doc: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const change = changes.length === 1 ? changes[0]! : undefined;
    const range = change && 'range' in change ? change.range as Range : undefined;
    if (!change || !range) {
      this.edits.delete(doc.uri);
      return;
    }
    const replacement = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end), text: change.text };
    this.edits.set(doc.uri, { from: doc.version, to: version, replacement });
  }

  get(doc: TextDocument): FileModel {
    const cached = this.models.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const model = (cached && this.following(cached, doc.version, text)) ?? this.split(doc, text, cached);
    this.models.set(doc.uri, model);
    if (cached) this.reportSuperseded(cached, model);
    return model;
  }

  delete(uri: string): void {
    this.models.delete(uri);
    this.edits.delete(uri);
  }

  private reportSuperseded(previous: FileModel, current: FileModel): void {
    this.onSuperseded(() => {
      const kept = new Set(current.chunks.map((c) => c.text));
      return previous.chunks.filter((c) => !kept.has(c.text)).map((c) => c.text);
    });
  }

  /** The model of `version` derived from the previous one by re-splitting around the edit between them. */
  private following(previous: FileModel, version: number, text: string): FileModel | undefined {
    const edit = this.edits.get(previous.uri);
    if (!edit || edit.from !== previous.version || edit.to !== version || previous.splitError) return undefined;
    const chunks = resplit(previous.chunks, previous.text, edit.replacement, text);
    return chunks && { uri: previous.uri, version, text, chunks };
  }

  private split(doc: TextDocument, text: string, previous: FileModel | undefined): FileModel {
    const split = splitYamlStream(text);
    if (previous) reuseTexts(split.chunks, previous.chunks);
    const model: FileModel = { uri: doc.uri, version: doc.version, text, chunks: split.chunks };
    if (split.error) model.splitError = split.error;
    return model;
  }
}

/**
 * Chunks whose text did not change take the previous version's string object. The caches key on chunk text: a fresh
 * substring would be hashed in full on every lookup (the whole file per edit), a reused one has its hash already.
 * Comparing is a plain character compare, much cheaper. Unchanged chunks line up by index before the edit and by
 * index from the end after it.
 */
function reuseTexts(chunks: RawChunk[], previous: readonly RawChunk[]): void {
  const shift = previous.length - chunks.length;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const old = previous[i]?.text === chunk.text ? previous[i] : previous[i + shift]?.text === chunk.text ? previous[i + shift] : undefined;
    chunk.text = old ? old.text : detached(chunk.text);
  }
}

/** The document containing `offset` (its end counts, so a cursor at the end of a document still belongs to it). */
export function chunkAt(model: FileModel, offset: number): RawChunk | undefined {
  let lo = 0;
  let hi = model.chunks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = model.chunks[mid]!;
    if (offset < c.start) hi = mid - 1;
    else if (offset > c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/** The documents a range [start, end] touches. */
export function chunksIn(model: FileModel, start: number, end: number): RawChunk[] {
  return model.chunks.filter((c) => c.end >= start && c.start <= end);
}

/** The YAML language documents the server works on: language id `yaml`, or a .yaml/.yml file. */
export function isYamlDocument(doc: TextDocument): boolean {
  return doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.uri);
}
