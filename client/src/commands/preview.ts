/**
 * Preview Injection: the diff of the document against its injection. With a range (code lens, code action) only
 * the workloads it touches are injected; from the palette or the context menu, the whole file.
 */
import type { CommandFactory } from './context';
import { resolveTarget } from './resolve-target';

export const previewInjection: CommandFactory = (ctx) => async (...args) => {
  const target = await resolveTarget(args, false);
  if (target) await ctx.preview.show(target.document, target.range);
};
