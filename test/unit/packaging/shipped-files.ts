/**
 * What the .vsix may hold: the allow-list of .vscodeignore as rules the tests check, for `vsce ls` (unit test) and for
 * the packaged archive itself (end-to-end). Paths are relative to the extension folder, with '/' separators.
 */
import { builtinModules } from 'node:module';

/** Every shipped file must match one of these. */
export const ALLOWED: readonly RegExp[] = [
  /^package\.json$/,
  /^package\.nls(\.[a-z-]+)?\.json$/,
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^license(\.txt)?$/i, // vsce ships LICENSE as LICENSE.txt
  /^images\/icon\.png$/,
  /^images\/istio-activitybar\.svg$/,
  /^docs\/images\/[\w-]+\.png$/,
  /^dist\/[\w-]+\.js$/,
  /^l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/,
  /^syntaxes\/[\w.-]+\.json$/,
];

/** Files a working extension cannot do without (case-insensitive: vsce lower-cases readme and changelog). */
export const REQUIRED: readonly string[] = [
  'package.json', 'readme.md', 'changelog.md', 'images/icon.png', 'dist/extension.js', 'dist/server.js', 'package.nls.json',
];

/** The shipped files no rule allows, and the required ones that are missing. */
export function checkShipped(files: readonly string[]): { unexpected: string[]; missing: string[] } {
  const lower = new Set(files.map((f) => f.toLowerCase()));
  return {
    unexpected: files.filter((f) => !ALLOWED.some((re) => re.test(f))),
    missing: [
      ...REQUIRED.filter((f) => !lower.has(f)),
      ...(files.some((f) => /^license(\.txt)?$/i.test(f)) ? [] : ['LICENSE']),
    ],
  };
}

/**
 * The modules a bundle requires that neither Node nor VS Code provides and that are not another shipped bundle:
 * a self-contained bundle has none. A require that is the first thing in a `try` block is an optional accelerator
 * its library does without (ws's bufferutil, node-fetch's encoding) and does not count.
 */
export function foreignRequires(bundleText: string, shipped: readonly string[]): string[] {
  const builtins = new Set(builtinModules);
  const found = new Set<string>();
  for (const m of bundleText.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    const name = m[1];
    if (name === 'vscode' || builtins.has(name.replace(/^node:/, ''))) continue;
    if (/\btry\s*\{[^{}]*$/.test(bundleText.slice(Math.max(0, (m.index ?? 0) - 120), m.index))) continue;
    if (name.startsWith('./') && shipped.includes(`dist/${name.slice(2).replace(/(\.js)?$/, '.js')}`)) continue;
    found.add(name);
  }
  return [...found];
}
