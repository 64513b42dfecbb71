import { SERVER_COMMANDS, type MigrateResult } from '../../../shared/src/protocol';
import type { CommandDefinition } from './command';

/** "Migrate all deprecated APIs": every `deprecated-api-version` fix of the workspace, in one edit. */
export const migrateDeprecatedApis: CommandDefinition = {
  id: 'netpolLens.migrateDeprecatedApis',
  create: (ctx) => async () => {
    const { vscode } = ctx;
    const result = (await ctx.client.sendRequest<unknown>('workspace/executeCommand', { command: SERVER_COMMANDS.migrateDeprecatedApis, arguments: [] })) as MigrateResult | null;
    const text =
      !result || result.files === 0 ? 'no deprecated API version with a fix in this workspace.' : `migrated ${result.fixes} object(s) in ${result.files} file(s); review and save them.`;
    void vscode.window.showInformationMessage(`Netpol Lens: ${text}`);
  },
};
