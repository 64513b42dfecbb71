/** Every command the client registers: one import and one entry per command. */
import type { CommandDefinition } from './command';
import { restartServer } from './restartServer';
import { showOutput } from './showOutput';

export const ALL_COMMANDS: readonly CommandDefinition[] = [restartServer, showOutput];
