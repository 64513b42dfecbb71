import { randomBytes } from 'node:crypto';
import {
  CONNECTIVITY_MATRIX_REQUEST,
  EXPLAIN_TRAFFIC_REQUEST,
  WORKLOADS_REQUEST,
  type ConnectivityMatrixParams,
  type ConnectivityMatrixResult,
  type ExplainTrafficResult,
  type WorkloadsResult,
} from '../../../shared/src/protocol';
import type { CommandDefinition } from './command';
import { graphEndpoint } from './graphEndpoint';
import { isMatrixMessage, matrixHtml, type ExplanationMessage } from './matrixHtml';
import { MATRIX_MAX_WORKLOADS, namespaceChoices } from './matrixScope';

/**
 * "Show connectivity matrix": a webview table of who may connect to whom, filterable by
 * namespace, or as a graph (a tab); a cell the pointer rests on, a click on it or on an edge or
 * node of the graph explains, and the listing exports as the CLI prints it. A
 * workspace of more than MATRIX_MAX_WORKLOADS workloads is shown by the namespaces the user picks.
 */
export const showConnectivityMatrix: CommandDefinition = {
  id: 'netpolLens.showConnectivityMatrix',
  create: (ctx) => async () => {
    const { vscode } = ctx;
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const choices = namespaceChoices(await ctx.client.sendRequest<WorkloadsResult>(WORKLOADS_REQUEST, { uri }));
    let shown: string[] = [];
    if (choices) {
      const picked = await vscode.window.showQuickPick(choices, {
        title: `Connectivity matrix: more than ${MATRIX_MAX_WORKLOADS} workloads — which namespaces?`,
        canPickMany: true,
      });
      if (!picked || picked.length === 0) return;
      shown = picked.map((c) => c.label);
    }
    const params: ConnectivityMatrixParams = { uri, namespaces: shown };
    const data = await ctx.client.sendRequest<ConnectivityMatrixResult>(CONNECTIVITY_MATRIX_REQUEST, params);
    const panel = vscode.window.createWebviewPanel('netpolLens.matrix', 'Connectivity matrix', vscode.ViewColumn.Active, { enableScripts: true });
    panel.webview.html = matrixHtml(data, randomBytes(16).toString('hex'), panel.webview.cspSource);
    panel.webview.onDidReceiveMessage(async (message: unknown) => {
      if (!isMatrixMessage(message)) return;
      if (message.type === 'explain') {
        // Graph edges may end at address ranges: explained for one address, said in the answer.
        const source = graphEndpoint(message.src);
        const destination = graphEndpoint(message.dst);
        const result = await ctx.client.sendRequest<ExplainTrafficResult>(EXPLAIN_TRAFFIC_REQUEST, { uri, source: source.endpoint, destination: destination.endpoint });
        const notes = [source.note, destination.note].filter((n) => n !== undefined);
        const head = notes.length > 0 ? `${result.summary} (${notes.join('; ')})` : result.summary;
        const text = [head, ...result.steps.map((s) => `• ${s.text}`)].join('\n');
        const reply: ExplanationMessage = { type: 'explanation', src: message.src, dst: message.dst, text };
        await panel.webview.postMessage(reply);
        return;
      }
      // The page's filter ("" is every namespace the page shows).
      const namespaces = message.namespace ? [message.namespace] : shown;
      const filtered = await ctx.client.sendRequest<ConnectivityMatrixResult>(CONNECTIVITY_MATRIX_REQUEST, { uri, namespaces });
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `${filtered.listing.join('\n')}\n` });
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
    });
  },
};
