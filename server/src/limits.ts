/**
 * What the server refuses to analyse, and says so in one diagnostic instead of working for seconds or saying nothing:
 * a file over `istioInject.maxFileSizeMB`, and documents the core's parser refuses silently (binary data, a lone
 * UTF-16 surrogate, one document over the core's size limit). The checks are a scan at most, far cheaper than a parse.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../core/src/analysis/types';
import { DEFAULT_LIMITS, firstNul, formatSize, utf8SizeWithin } from '../../core/src/manifest/limits';
import { isObject } from '../../core/src/inject/json-access';
import type { Analysis } from './analysis-port';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Default of `istioInject.maxFileSizeMB`: the core's limit for one parse. */
export const DEFAULT_MAX_FILE_SIZE_MB = DEFAULT_LIMITS.maxBytes / (1024 * 1024);

/** The code of the diagnostic on a refused file. */
export const FILE_TOO_LARGE = 'file-too-large';

/** The file size limit in bytes from raw settings (`{ istioInject: {...} }` or the section itself); default 10 MB. */
export function maxFileBytes(raw: unknown): number {
  const o = isObject(raw) && isObject(raw.istioInject) ? raw.istioInject : raw;
  const mb = isObject(o) ? o.maxFileSizeMB : undefined;
  return Math.round((typeof mb === 'number' && Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024);
}

/**
 * Whether `text` takes more than `limit` bytes in UTF-8. UTF-8 takes one to three bytes per UTF-16 code unit, so an
 * ordinary file is decided by its length alone, without a scan.
 */
export function exceeds(text: string, limit: number): boolean {
  if (text.length * 3 <= limit) return false;
  return text.length > limit || utf8SizeWithin(text, limit) === undefined;
}

/** The one diagnostic of a file over `maxBytes`, or undefined when it is within the limit. */
export function fileSizeRefusal(doc: TextDocument, maxBytes: number): Diagnostic | undefined {
  const text = doc.getText();
  if (!exceeds(text, maxBytes)) return undefined;
  const size = Buffer.byteLength(text, 'utf8');
  // The first line, measured without positionAt (which would index every line of the huge text).
  const lineEnd = text.indexOf('\n');
  const firstLine = Math.min(lineEnd === -1 ? text.length : lineEnd, 200);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine } },
    severity: DiagnosticSeverity.Warning,
    code: FILE_TOO_LARGE,
    source: DIAGNOSTIC_SOURCE,
    message: `This file is ${formatSize(size)}, over the ${formatSize(maxBytes)} limit (setting istioInject.maxFileSizeMB): `
      + 'istio-inject does not analyse it.',
  };
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why one document's text is not YAML the parser should see, as a finding, or undefined. The core refuses binary
 * input and oversized documents with no document to attach findings to, so without this they would pass silently.
 */
export function refusedDocument(text: string): Finding | undefined {
  const nul = firstNul(text);
  if (nul !== -1) return refusal('This document looks binary (it contains a NUL character): expected YAML text.', nul);
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
    return refusal(`Invalid text: a lone UTF-16 surrogate (U+${code}); the file may be binary or decoded with the wrong encoding.`, lone.index);
  }
  if (exceeds(text, DEFAULT_LIMITS.maxBytes)) {
    const size = Buffer.byteLength(text, 'utf8');
    return refusal(`This document is ${formatSize(size)}, over the ${formatSize(DEFAULT_LIMITS.maxBytes)} limit of one document: it is not analysed.`, 0);
  }
  return undefined;
}

function refusal(message: string, at: number): Finding {
  return { code: 'yaml-syntax', severity: 'error', message, start: at, end: at + 1 };
}

/** `analysis` with refused documents answered by their one finding (and no hover or completion) before any parse. */
export function screenedAnalysis(analysis: Analysis): Analysis {
  return {
    analyzeDocument: (text, injector, settings) => {
      const refused = refusedDocument(text);
      return refused ? [refused] : analysis.analyzeDocument(text, injector, settings);
    },
    analyzeQuick: (text, injector, settings) => {
      const refused = refusedDocument(text);
      return refused ? [refused] : analysis.analyzeQuick(text, injector, settings);
    },
    hoverAt: (text, offset, injector, settings) => (refusedDocument(text) ? undefined : analysis.hoverAt(text, offset, injector, settings)),
    completionsAt: (text, offset) => (refusedDocument(text) ? [] : analysis.completionsAt(text, offset)),
  };
}
