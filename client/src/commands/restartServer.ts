import type { CommandDefinition } from './command';

/** "Netpol Lens: Restart server": also the way back after the client gave up on a crashing server. */
export const restartServer: CommandDefinition = {
  id: 'netpolLens.restartServer',
  create: (ctx) => () => ctx.restartServer(),
};
