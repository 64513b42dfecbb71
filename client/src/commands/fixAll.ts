import { SERVER_COMMANDS } from '../../../shared/src/protocol';
import type { CommandDefinition } from './command';

/** "Fix all": every safe fix of the active file (what `source.fixAll.netpolLens` does on save). */
export const fixAll: CommandDefinition = {
  id: 'netpolLens.fixAll',
  create: (ctx) => async () => {
    const { vscode } = ctx;
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    await ctx.client.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.fixAll, arguments: [editor.document.uri.toString()] });
  },
};
