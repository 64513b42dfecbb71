/**
 * "Compare connectivity with…": what the workspace opens and closes against HEAD, a branch, a tag
 * or a commit the user picks. The base version of the changed manifests is read through VS Code's
 * git extension (the server runs no git) and sent to the server, whose answer opens in a webview
 * grouped by namespace, each change linked to the policy lines behind it.
 */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';
import { COMPARE_CONNECTIVITY_REQUEST, type CompareConnectivityParams, type CompareConnectivityResult } from '../../../shared/src/protocol';
import type { CommandDefinition } from './command';
import { compareHtml, isOpenLocationMessage } from './compareHtml';
import { baseFiles, baseFileTexts, openGitApi, workspaceBaseFileOptions, type GitRepository } from './gitApi';

const ENTER_REF = 'Another commit, branch or tag…';

export const compareConnectivity: CommandDefinition = {
  id: 'netpolLens.compareConnectivity',
  create: (ctx) => async (ref?: unknown) => {
    const { vscode } = ctx;
    const api = await openGitApi(vscode);
    if (!api) {
      await vscode.window.showErrorMessage('Compare connectivity needs the Git extension (vscode.git), which is disabled or missing.');
      return;
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    const repo = (active && api.getRepository(active)) ?? api.repositories[0];
    if (!repo) {
      await vscode.window.showErrorMessage('Compare connectivity: no git repository is open in this window.');
      return;
    }
    const base = typeof ref === 'string' ? ref : await pickRef(vscode, repo);
    if (!base) return;
    let files;
    try {
      files = await baseFiles(repo, base, workspaceBaseFileOptions(vscode));
    } catch (error) {
      await vscode.window.showErrorMessage(`Compare connectivity: git could not compare with "${base}": ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const params: CompareConnectivityParams = {
      uri: active?.toString(),
      baseLabel: base,
      files: baseFileTexts(files, (uri) => ctx.client.code2ProtocolConverter.asUri(uri)),
    };
    const data = await ctx.client.sendRequest<CompareConnectivityResult>(COMPARE_CONNECTIVITY_REQUEST, params);
    const panel = vscode.window.createWebviewPanel('netpolLens.compare', `Connectivity vs ${base}`, vscode.ViewColumn.Active, { enableScripts: true });
    panel.webview.html = compareHtml(data, randomBytes(16).toString('hex'), panel.webview.cspSource);
    panel.webview.onDidReceiveMessage(async (message: unknown) => {
      if (!isOpenLocationMessage(message)) return;
      const uri = ctx.client.protocol2CodeConverter.asUri(message.uri);
      const position = new vscode.Position(message.line, 0);
      if (message.base) {
        // A rule as it was: the base text, read-only, at its line.
        const text = await repo.show(base, uri.fsPath).catch(() => '');
        const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(position, position) });
        return;
      }
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(position, position) });
    });
  },
};

/** HEAD first, then the repository's branches and tags, then a free entry. */
async function pickRef(vs: typeof vscode, repo: GitRepository): Promise<string | undefined> {
  const head = repo.state.HEAD;
  const items: vscode.QuickPickItem[] = [
    { label: 'HEAD', description: head?.name ? `${head.name} ${head.commit?.slice(0, 8) ?? ''}` : head?.commit?.slice(0, 8) },
    ...repo.state.refs
      .filter((r) => r.name && r.name !== head?.name)
      .map((r) => ({ label: r.name as string, description: `${r.type === 2 ? 'tag' : r.type === 1 ? 'remote branch' : 'branch'} ${r.commit?.slice(0, 8) ?? ''}` })),
    { label: ENTER_REF },
  ];
  const picked = await vs.window.showQuickPick(items, { title: 'Compare connectivity with…', placeHolder: 'HEAD: the last commit' });
  if (!picked) return undefined;
  if (picked.label !== ENTER_REF) return picked.label;
  const typed = await vs.window.showInputBox({ title: 'Compare connectivity with…', prompt: 'A commit, branch or tag', validateInput: (v) => (v.trim() === '' ? 'Name a commit, branch or tag' : undefined) });
  return typed?.trim() || undefined;
}
