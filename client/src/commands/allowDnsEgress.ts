import { SERVER_COMMANDS, type AllowDnsEgressResult } from '../../../shared/src/protocol';
import type { CommandDefinition } from './command';

/** "Allow DNS egress for this policy": the NetworkPolicy under the cursor gets an egress rule to kube-dns. */
export const allowDnsEgress: CommandDefinition = {
  id: 'netpolLens.allowDnsEgress',
  create: (ctx) => async () => {
    const { vscode } = ctx;
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Netpol Lens: open a NetworkPolicy and put the cursor in it.');
      return;
    }
    const { line, character } = editor.selection.active;
    const result = (await ctx.client.sendRequest<unknown>('workspace/executeCommand', {
      command: SERVER_COMMANDS.allowDnsEgress,
      arguments: [editor.document.uri.toString(), { line, character }],
    })) as AllowDnsEgressResult | null;
    if (result && !result.applied) void vscode.window.showInformationMessage(`Netpol Lens: ${result.message}`);
  },
};
