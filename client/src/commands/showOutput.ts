import type { CommandDefinition } from './command';

/** "Netpol Lens: Show output": the server log, skipped files, and the protocol trace when enabled. */
export const showOutput: CommandDefinition = {
  id: 'netpolLens.showOutput',
  create: (ctx) => () => ctx.output.show(),
};
