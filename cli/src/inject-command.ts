/** `istio-inject inject`: read, inject every document, then print, diff or write the result. */
import { createInjector } from '../../core/src/inject';
import { injectManifest } from '../../core/src/run/inject-manifest';
import { preserveManifest } from '../../core/src/run/preserve-manifest';
import type { InjectArgs } from './args';
import { loadSettings } from './config-flags';
import { unifiedDiff } from './diff';
import { readInputs, writeAtomically } from './files';
import type { Io } from './run';

export function runInject(args: InjectArgs, io: Io): number {
  if (!args.filename) throw new Error('filename not specified (see --filename or -f)');
  const injector = createInjector(loadSettings(args));
  const inputs = readInputs(args.filename);
  const warnings: string[] = [];
  const results = inputs.map((input) => {
    const report = injectManifest(input.text, injector);
    if (report.errors.length) {
      throw new Error(report.errors.map((e) => `${input.name}: ${e}`).join('\n'));
    }
    for (const d of report.documents) warnings.push(...d.warnings);
    const text = args.format === 'preserve' ? preserveManifest(input.text, report) : report.istioctl ?? '';
    return { input, text };
  });

  if (args.diff) {
    for (const { input, text } of results) io.stdout(unifiedDiff(input.text, text, input.name, `${input.name} (injected)`));
  } else if (args.output) {
    writeAtomically(args.output, results.map((r) => r.text).join(''));
  } else {
    for (const r of results) io.stdout(r.text);
  }
  // istioctl prints an empty line, then each warning (which ends in its own newline).
  if (warnings.length) io.stderr('\n' + warnings.map((w) => `${w}\n`).join(''));
  return 0;
}
