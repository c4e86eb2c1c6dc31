/** Restart Language Server and Show Output. */
import type { CommandFactory } from './context';

export const restartServer: CommandFactory = (ctx) => async () => {
  ctx.output.info('restarting the language server on request');
  await ctx.client.restart();
};

export const showOutput: CommandFactory = (ctx) => () => ctx.output.show(true);
