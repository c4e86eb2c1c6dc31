/**
 * The text of a Show Traffic Capture Rules document: each workload's rules one after the other, and the hover
 * notes renumbered to the combined text's lines. No `vscode` import.
 */
import type { CaptureRulesDocument } from '../../../protocol/src/protocol';

export interface CaptureRulesText {
  text: string;
  /** 0-based line of `text` → its note. */
  notes: Map<number, string>;
}

export function combineCaptureRules(documents: readonly CaptureRulesDocument[]): CaptureRulesText {
  let text = '';
  let lines = 0;
  const notes = new Map<number, string>();
  for (const d of documents) {
    for (const n of d.notes) notes.set(lines + n.line, n.note);
    const body = d.text.endsWith('\n') ? d.text : `${d.text}\n`;
    text += body;
    lines += body.split('\n').length - 1;
  }
  return { text, notes };
}
