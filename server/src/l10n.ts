/**
 * The server's user-visible strings go through the extension's message catalogue (l10n/bundle.l10n.<locale>.json),
 * the same one `vscode.l10n` reads in the client. The client passes the bundle's path (or just the UI language) in
 * initializationOptions; without either, or for English, messages stay as written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

export const t = l10n.t;

/** Loads the bundle named by `initializationOptions.l10n`; returns the bundle path used, or undefined for English. */
export function configureL10n(initializationOptions: unknown, log: (message: string) => void): string | undefined {
  const options = typeof initializationOptions === 'object' && initializationOptions !== null
    ? (initializationOptions as { l10n?: { locale?: unknown; bundlePath?: unknown } }).l10n
    : undefined;
  const bundlePath = typeof options?.bundlePath === 'string' ? options.bundlePath : bundleForLocale(options?.locale);
  try {
    if (bundlePath) {
      l10n.config({ fsPath: bundlePath });
      return bundlePath;
    }
  } catch (e) {
    log(`loading the message bundle ${bundlePath} failed: ${String(e)}`);
  }
  l10n.config({ contents: {} });
  return undefined;
}

/**
 * The bundle for a UI language, for clients that send only the language (other editors): l10n/ sits beside dist/
 * in the extension, and at the repository root when running from out/ or the sources.
 */
function bundleForLocale(locale: unknown): string | undefined {
  if (typeof locale !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(locale) || /^en(-|$)/i.test(locale)) return undefined;
  const name = `bundle.l10n.${locale.toLowerCase()}.json`;
  for (let dir = __dirname, up = 0; up < 4; up++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'l10n', name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** "2 workloads injected, 1 skipped" and the like, localised (shared by the preview title and the edits request). */
export function injectionSummary(counts: { injected: number; skipped?: number; failed?: number }): string {
  const parts = [counts.injected === 1 ? t('1 workload injected') : t('{0} workloads injected', counts.injected)];
  if (counts.skipped) parts.push(t('{0} skipped', counts.skipped));
  if (counts.failed) parts.push(t('{0} failed', counts.failed));
  return parts.join(t(', '));
}
