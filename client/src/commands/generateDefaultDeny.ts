import { DEFAULT_DENY_REQUEST, WORKLOADS_REQUEST, type DefaultDenyParams, type DefaultDenyResult, type WorkloadsResult } from '../../../shared/src/protocol';
import type { CommandDefinition } from './command';
import type { VsCode } from './vscodeApi';

const OTHER = 'Another namespace…';
/** A namespace name (DNS-1123 label); the server checks it again. */
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A namespace of the workspace, or one the user types (a namespace the workspace does not hold yet). */
async function pickNamespace(vscode: VsCode, namespaces: readonly string[]): Promise<string | undefined> {
  const title = 'Default-deny policy for namespace';
  const picked = await vscode.window.showQuickPick([...namespaces, OTHER], { title, placeHolder: 'Namespace' });
  if (picked !== OTHER) return picked;
  const typed = await vscode.window.showInputBox({
    title,
    prompt: 'Namespace name',
    validateInput: (v) => (NAMESPACE_NAME.test(v.trim()) ? undefined : 'A namespace name: lower-case letters, digits and -, at most 63 characters'),
  });
  return typed?.trim() || undefined;
}

/** "Generate default-deny policy for namespace…": pick a namespace and directions, get a new YAML document to save. */
export const generateDefaultDeny: CommandDefinition = {
  id: 'netpolLens.generateDefaultDeny',
  create: (ctx) => async () => {
    const { vscode } = ctx;
    const { namespaces } = await ctx.client.sendRequest<WorkloadsResult>(WORKLOADS_REQUEST, { uri: vscode.window.activeTextEditor?.document.uri.toString() });
    const namespace = await pickNamespace(vscode, namespaces);
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
