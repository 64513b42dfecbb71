/**
 * The "vs HEAD" CodeLens: receives the HEAD texts the client reads through VS Code's git
 * extension (`netpolLens/headTexts`; the server runs no git) and answers the lens of a changed
 * manifest. The diff is not computed on every keystroke: a lens request waits until edits have
 * settled, and the diff reuses the analyses the diagnostics already computed (`EditorDiff`).
 */
import { CodeLensRefreshRequest, NotificationType, type CancellationToken, type CodeLens } from 'vscode-languageserver';
import { CLIENT_COMMANDS, HEAD_TEXTS_NOTIFICATION, type BaseFileText, type HeadTextsParams } from '../../../shared/src/protocol';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { diffCounts } from '../features/diff/editorDiff';
import { HeadTexts } from '../features/diff/headTexts';
import { changedFiles, headLensTitle, readsConnectivity } from '../features/headLens';
import type { FileModel } from '../model/fileModel';
import type { ServerContext } from '../startServer';

/** How long edits must pause before the diff is computed for a lens. */
const SETTLE_MS = 300;

export class HeadLenses {
  private readonly headTexts = new HeadTexts();
  private lastEdit = 0;

  constructor(
    private readonly ctx: ServerContext,
    private readonly canRefresh: () => boolean,
  ) {
    ctx.connection.onNotification(new NotificationType<HeadTextsParams>(HEAD_TEXTS_NOTIFICATION), (params) =>
      void this.received(params).catch((error: unknown) => ctx.log.error(`${HEAD_TEXTS_NOTIFICATION} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)),
    );
  }

  /** An editor changed a document: lens requests wait until the edits settle. */
  noteEdit(): void {
    this.lastEdit = Date.now();
  }

  /** The lens for `file` (none when it has no uncommitted change, or nothing connectivity reads). */
  async lenses(file: FileModel, settings: NetpolLensSettings, token: CancellationToken): Promise<CodeLens[]> {
    if (!settings.codeLensCompareWithHead || !this.headTexts.known || this.ctx.publisher.indexingProgress) return [];
    await this.settled(token);
    const { index } = this.ctx;
    const current = index.manifests;
    const now = current.getFile(file.uri);
    if (token.isCancellationRequested || !now) return [];
    const base = this.headTexts.baseManifests(index, current);
    const changed = changedFiles(current, base);
    if (!changed.includes(file.uri) || !(readsConnectivity(now) || readsConnectivity(base.getFile(file.uri)))) return [];
    const counts = diffCounts(this.ctx.editorDiff.diff(current, base, settings));
    const start = { line: 0, character: 0 };
    return [{ range: { start, end: start }, command: { title: headLensTitle(counts, changed.length - 1), command: CLIENT_COMMANDS.compareConnectivity, arguments: ['HEAD'] } }];
  }

  private async received(params: HeadTextsParams): Promise<void> {
    const { ctx } = this;
    const files = await indexedOnly(ctx, params.files);
    const changed = this.headTexts.setRepository(params.repository, files, (uri) => ctx.maxBytesFor(uri));
    if (changed && this.canRefresh()) await ctx.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  private async settled(token: CancellationToken): Promise<void> {
    for (;;) {
      const wait = this.lastEdit + SETTLE_MS - Date.now();
      if (wait <= 0 || token.isCancellationRequested) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** The base texts of files the workspace indexes (its folders, include and exclude globs); the client's others are dropped. */
export async function indexedOnly(ctx: ServerContext, files: readonly BaseFileText[]): Promise<BaseFileText[]> {
  const out: BaseFileText[] = [];
  for (const f of files) if (await ctx.isIndexed(f.uri)) out.push(f);
  return out;
}
