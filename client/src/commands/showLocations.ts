import type { CLIENT_COMMANDS, Location, Position } from '../../../shared/src/protocol';
import type { CommandDefinition } from './command';

/**
 * What a CodeLens click shows: the server's locations (the workloads a policy selects, the
 * policies selecting a workload) in a peek under the lens.
 */
export const showLocations: CommandDefinition = {
  // The literal (checked against the shared constant the server's lenses name) is what the manifest test looks for.
  id: 'netpolLens.showLocations' satisfies typeof CLIENT_COMMANDS.showLocations,
  create: (ctx) => async (uri: unknown, position: unknown, locations: unknown) => {
    const { vscode } = ctx;
    if (typeof uri !== 'string' || !Array.isArray(locations)) return;
    const converter = ctx.client.protocol2CodeConverter;
    const targets = (locations as Location[]).map((l) => converter.asLocation(l));
    if (targets.length === 0) {
      void vscode.window.showInformationMessage('Netpol Lens: nothing to show in this workspace.');
      return;
    }
    await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), converter.asPosition(position as Position), targets);
  },
};
