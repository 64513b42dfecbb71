import { DEFAULT_DENY_REQUEST, WORKLOADS_REQUEST, type DefaultDenyParams, type DefaultDenyResult, type WorkloadsResult } from '../../../shared/src/protocol';
import type { CommandDefinition } from './command';
import { loadVscode } from './vscodeApi';

/** "Generate default-deny policy for namespace…": pick a namespace and directions, get a new YAML document to save. */
export const generateDefaultDeny: CommandDefinition = {
  id: 'netpolLens.generateDefaultDeny',
  create: (ctx) => async () => {
    const vscode = await loadVscode();
    const { namespaces } = await ctx.client.sendRequest<WorkloadsResult>(WORKLOADS_REQUEST, { uri: vscode.window.activeTextEditor?.document.uri.toString() });
    const namespace = await vscode.window.showQuickPick(namespaces, { title: 'Default-deny policy for namespace', placeHolder: 'Namespace (or type a new one)' });
    if (!namespace) return;
    const choice = await vscode.window.showQuickPick(
      [
        { label: 'Ingress and egress', directions: ['Ingress', 'Egress'] as const },
        { label: 'Ingress only', directions: ['Ingress'] as const },
        { label: 'Egress only', directions: ['Egress'] as const },
      ],
      { title: `Deny which traffic of ${namespace}?` },
    );
    if (!choice) return;
    const params: DefaultDenyParams = { namespace, directions: choice.directions };
    const result = await ctx.client.sendRequest<DefaultDenyResult | null>(DEFAULT_DENY_REQUEST, params);
    if (!result) {
      void vscode.window.showErrorMessage(`Netpol Lens: "${namespace}" is not a valid namespace name.`);
      return;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: result.text });
    await vscode.window.showTextDocument(doc);
  },
};
