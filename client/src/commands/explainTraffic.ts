import type * as vscode from 'vscode';
import {
  EXPLAIN_TRAFFIC_REQUEST,
  WORKLOADS_REQUEST,
  type ExplainTrafficParams,
  type ExplainTrafficResult,
  type TrafficEndpoint,
  type WorkloadsResult,
} from '../../../shared/src/protocol';
import type { CommandDefinition } from './command';
import type { VsCode } from './vscodeApi';
import { looksLikeAddress, parsePortInput } from './trafficInput';

const ADDRESS = 'Type an address…';

async function pickEndpoint(vscode: VsCode, workloads: WorkloadsResult, title: string): Promise<TrafficEndpoint | undefined> {
  const items: (vscode.QuickPickItem & { id?: string })[] = [
    ...workloads.workloads.map((w) => ({ label: `${w.namespace}/${w.name}`, description: w.kind, id: w.id })),
    { label: ADDRESS, description: 'an IP address outside the cluster' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true });
  if (!picked) return undefined;
  if (picked.id) return { workload: picked.id };
  const address = await vscode.window.showInputBox({
    title,
    prompt: 'IPv4 or IPv6 address',
    validateInput: (v) => (looksLikeAddress(v) ? undefined : 'An address such as 10.0.0.1 or 2001:db8::1'),
  });
  return address ? { address: address.trim() } : undefined;
}

/** Shows the explanation: a notification, with the chain of reasons in a markdown preview on demand. */
export async function showExplanation(vscode: VsCode, result: ExplainTrafficResult): Promise<void> {
  const show = result.verdict === 'allowed' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  const choice = await show(`Netpol Lens: ${result.summary}`, ...(result.markdown ? ['Show reasons'] : []));
  if (choice !== 'Show reasons') return;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
}

/** "Explain traffic…": source, destination (workloads or an address), port → allowed or denied, and why. */
export const explainTraffic: CommandDefinition = {
  id: 'netpolLens.explainTraffic',
  create: (ctx) => async () => {
    const { vscode } = ctx;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const workloads = await ctx.client.sendRequest<WorkloadsResult>(WORKLOADS_REQUEST, { uri });
    const source = await pickEndpoint(vscode, workloads, 'Explain traffic: source');
    if (!source) return;
    const destination = await pickEndpoint(vscode, workloads, 'Explain traffic: destination');
    if (!destination) return;
    const portText = await vscode.window.showInputBox({
      title: 'Explain traffic: port',
      prompt: 'A port such as 443, TCP 80 or 53/UDP; empty for every port',
      validateInput: (v) => (parsePortInput(v) ? undefined : 'A port between 1 and 65535, optionally with TCP, UDP or SCTP'),
    });
    if (portText === undefined) return;
    const port = parsePortInput(portText) ?? {};
    const params: ExplainTrafficParams = { uri, source, destination, ...port };
    await showExplanation(vscode, await ctx.client.sendRequest<ExplainTrafficResult>(EXPLAIN_TRAFFIC_REQUEST, params));
  },
};
