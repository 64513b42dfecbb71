/**
 * Feeds the server's "vs HEAD" CodeLens: for each git repository VS Code's git extension has
 * open, the HEAD text of every manifest (under a workspace folder, within the size cap) whose
 * text on disk differs from HEAD, sent as `netpolLens/headTexts` whenever the repository's state
 * changes (a save, a stage, a commit, a checkout), debounced. git runs in the git extension; the
 * server runs none. HEAD texts are read once per commit and path.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HEAD_TEXTS_NOTIFICATION, type HeadTextsParams } from '../../shared/src/protocol';
import { baseFiles, baseFileTexts, openGitApi, workspaceBaseFileOptions, type GitRepository } from './commands/gitApi';
import type { VsCode } from './commands/vscodeApi';

/** The git extension reports a burst of state changes for one save or commit: send once after them. */
const DEBOUNCE_MS = 400;

export class HeadTextsSender implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private started = false;
  private readonly repositories = new Map<string, { repo: GitRepository; timer?: NodeJS.Timeout; sent?: string; shown: { commit?: string; texts: Map<string, Promise<string>> } }>();

  constructor(
    private readonly vs: VsCode,
    private readonly client: LanguageClient,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts watching the git extension's repositories (nothing happens without the extension). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const api = await openGitApi(this.vs);
    if (!api) return;
    for (const repo of api.repositories) this.watch(repo);
    if (api.onDidOpenRepository) this.disposables.push(api.onDidOpenRepository((repo) => this.watch(repo)));
    if (api.onDidCloseRepository) this.disposables.push(api.onDidCloseRepository((repo) => this.close(repo)));
    this.disposables.push(
      this.vs.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('netpolLens.codeLens') || e.affectsConfiguration('netpolLens.maxFileSizeKb')) this.resendAll();
      }),
      this.vs.workspace.onDidChangeWorkspaceFolders(() => this.resendAll()),
    );
  }

  /** Sends every repository's list again (a restarted server knows none). */
  resendAll(): void {
    for (const entry of this.repositories.values()) {
      entry.sent = undefined;
      this.schedule(entry.repo);
    }
  }

  dispose(): void {
    for (const entry of this.repositories.values()) clearTimeout(entry.timer);
    for (const d of this.disposables) d.dispose();
  }

  private watch(repo: GitRepository): void {
    const key = repo.rootUri.toString();
    if (this.repositories.has(key)) return;
    this.repositories.set(key, { repo, shown: { texts: new Map() } });
    if (repo.state.onDidChange) this.disposables.push(repo.state.onDidChange(() => this.schedule(repo)));
    this.schedule(repo);
  }

  private close(repo: GitRepository): void {
    const key = repo.rootUri.toString();
    const entry = this.repositories.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.repositories.delete(key);
    void this.notify({ repository: this.asUri(repo.rootUri), files: [] });
  }

  private schedule(repo: GitRepository): void {
    const entry = this.repositories.get(repo.rootUri.toString());
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.send(repo), DEBOUNCE_MS);
  }

  private async send(repo: GitRepository): Promise<void> {
    const entry = this.repositories.get(repo.rootUri.toString());
    if (!entry) return;
    let params: HeadTextsParams = { repository: this.asUri(repo.rootUri), files: [] };
    if (this.enabled()) {
      try {
        const files = await baseFiles(this.cachingShow(repo, entry.shown), 'HEAD', workspaceBaseFileOptions(this.vs));
        params = { ...params, files: baseFileTexts(files, (uri) => this.asUri(uri)) };
      } catch (error) {
        // No commit yet, or git failed: nothing to compare with.
        this.log(`HEAD texts of ${repo.rootUri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const key = JSON.stringify(params);
    if (key === entry.sent) return;
    if (await this.notify(params)) entry.sent = key;
  }

  /** Whether some workspace folder wants the lens. */
  private enabled(): boolean {
    const folders = this.vs.workspace.workspaceFolders ?? [];
    return folders.some((f) => {
      const c = this.vs.workspace.getConfiguration('netpolLens', f.uri);
      return c.get<boolean>('codeLens.enabled') !== false && c.get<boolean>('codeLens.compareWithHead') !== false;
    });
  }

  /** The repository with `show` remembered per path while HEAD stays on one commit. */
  private cachingShow(repo: GitRepository, shown: { commit?: string; texts: Map<string, Promise<string>> }): GitRepository {
    const commit = repo.state.HEAD?.commit;
    if (shown.commit !== commit) {
      shown.commit = commit;
      shown.texts.clear();
    }
    return {
      rootUri: repo.rootUri,
      state: repo.state,
      diffWith: (ref) => repo.diffWith(ref),
      show: (ref, path) => {
        let text = shown.texts.get(path);
        if (!text) shown.texts.set(path, (text = repo.show(ref, path)));
        return text;
      },
    };
  }

  private async notify(params: HeadTextsParams): Promise<boolean> {
    try {
      await this.client.sendNotification(HEAD_TEXTS_NOTIFICATION, params);
      return true;
    } catch {
      // The server is not running: the list is sent again when it is (resendAll).
      return false;
    }
  }

  private asUri(uri: vscode.Uri): string {
    return this.client.code2ProtocolConverter.asUri(uri);
  }
}
