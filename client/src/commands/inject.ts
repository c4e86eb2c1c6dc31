/** Inject Sidecar (the workload at the cursor, or the lens's), Inject All in File, Remove Sidecar. */
import type { CommandFactory } from './context';
import { runSidecarEdit } from './sidecar-edit';

export const injectSidecar: CommandFactory = (ctx) => (...args) => runSidecarEdit(ctx, args, 'inject', false);

export const injectAll: CommandFactory = (ctx) => (...args) => runSidecarEdit(ctx, args, 'inject', true);

export const removeSidecar: CommandFactory = (ctx) => (...args) => runSidecarEdit(ctx, args, 'remove', false);
