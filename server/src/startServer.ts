/**
 * The composition root: builds the index, the findings service and the publisher, and wires the
 * LSP handlers to them. Handlers stay thin; the work is done by code that knows nothing of LSP.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { ACTIVE_DOCUMENT_NOTIFICATION, SERVER_COMMANDS, type ActiveDocumentParams } from '../../shared/src/protocol';
import type { NetpolLensSettings } from '../../shared/src/settings';
import { codeActionsHandler } from './handlers/codeActionsHandler';
import { DiagnosticsPublisher } from './handlers/diagnosticsPublisher';
import { runSafe, type Logger } from './handlers/runner';
import { SettingsStore } from './handlers/settingsStore';
import { SizeCaps } from './handlers/sizeCaps';
import { FindingsService } from './service/findingsService';
import { fixAllText, minimalEdit } from './service/fixAll';
import { toRange } from './handlers/conversions';
import { scanFolders } from './workspace/diskScanner';
import { createFileFilter } from './workspace/fileFilter';
import { decodeUtf8 } from './workspace/decodeUtf8';
import { diskTexts } from './workspace/diskTexts';
import { uriToPath } from './workspace/loadFolder';
import { skipReasonText } from './workspace/skippedFiles';
import { WorkspaceIndex } from './workspace/workspaceIndex';
import { StringPool } from './model/ownString';
import { executeFeatureCommand, registerFeatureHandlers } from './handlers/featureHandlers';
import { HeadLenses } from './handlers/headLenses';
import { EditorDiff } from './features/diff/editorDiff';
import { EditorTexts, type EditorText } from './workspace/editorTexts';

export interface ServerContext {
  readonly connection: Connection;
  /** The texts of the documents open in editors (kept in pieces). */
  readonly editorTexts: EditorTexts;
  readonly index: WorkspaceIndex;
  readonly findings: FindingsService;
  readonly publisher: DiagnosticsPublisher;
  /** Settings that apply to `uri` (its workspace folder's), or the first folder's. */
  readonly settings: (uri?: string) => Promise<NetpolLensSettings>;
  readonly log: Logger;
  /** The connectivity diff of the editor's compare view and HEAD lens (reuses the findings' analyses). */
  readonly editorDiff: EditorDiff;
  /** Whether the workspace indexes `uri`: in a folder, accepted by its include/exclude globs. */
  readonly isIndexed: (uri: string) => Promise<boolean>;
  /** The size cap of `uri` (its folder's `maxFileSizeKb`), in bytes. */
  readonly maxBytesFor: (uri: string) => number;
}

const MANIFEST_URI = /\.(ya?ml|json)$/i;
/** After a didOpen: long enough for the next open of a burst to arrive, short against the edit debounce. */
const OPEN_DELAY_MS = 20;
/** An edited open file's own diagnostics, ahead of the cross-file run: a burst's notifications within this are taken together. */
const FAST_DELAY_MS = 5;
/** The longest wait before a cross-file run after a slow one (see PublisherOptions.slowDebounceMs). */
const FULL_RUN_SLOW_DEBOUNCE_MS = 400;

export function startServer(connection: Connection): void {
  const log: Logger = {
    info: (m) => connection.console.info(m),
    error: (m) => connection.console.error(m),
  };
  const editorTexts = new EditorTexts();
  const sizeCaps = new SizeCaps(connection, log, (uri) => folderOf(uri));
  // A file whose text changed on disk behind the index's back (found when its text is read
  // again) is read and indexed again, as for the watcher's notice.
  const index = new WorkspaceIndex(
    (uri) => sizeCaps.maxBytesFor(uri),
    diskTexts((uri) => void reloadFromDisk(uri).then(() => publisher.schedule())),
  );
  const findings = new FindingsService((rule, error, uri) =>
    log.error(`rule ${rule.id} failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
  let folders: string[] = [];
  let settingsStore: SettingsStore | undefined;
  let watchDynamic = false;
  let configDynamic = false;
  let progressSupported = false;
  const folderOf = (uri: string | undefined): string | undefined =>
    (uri === undefined ? undefined : folders.filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0]) ??
    folders[0];
  const settings = async (uri?: string): Promise<NetpolLensSettings> => {
    const folder = folderOf(uri);
    const s = await (settingsStore as SettingsStore).get(folder);
    // A changed cap applies to the open files at once (a file may now be read, or skipped).
    if (sizeCaps.learn(folder, s)) for (const m of index.recheckSizes()) sizeCaps.noteOpen(m);
    return s;
  };
  const allSettings = (): Promise<NetpolLensSettings[]> => Promise.all(folders.length > 0 ? folders.map((f) => settings(f)) : [settings()]);
  const publisher = new DiagnosticsPublisher(connection, index, findings, settings, log, { debounceMs: 75, minDebounceMs: 20, slowDebounceMs: FULL_RUN_SLOW_DEBOUNCE_MS, fastMs: FAST_DELAY_MS, sliceMs: 15 }, allSettings);
  const isIndexed = async (uri: string): Promise<boolean> => {
    const s = await settings(uri);
    const path = uriToPath(uri);
    const rel = folders.map(uriToPath).find((f) => path.startsWith(f + '/'));
    return rel !== undefined && createFileFilter(s.include, s.exclude).accepts(path.slice(rel.length + 1));
  };
  const ctx: ServerContext = {
    connection,
    editorTexts,
    index,
    findings,
    publisher,
    settings,
    log,
    editorDiff: new EditorDiff(findings),
    isIndexed,
    maxBytesFor: (uri) => sizeCaps.maxBytesFor(uri),
  };
  let codeLensRefresh = false;
  const headLenses = new HeadLenses(ctx, () => codeLensRefresh);

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    settingsStore = new SettingsStore(connection, caps.workspace?.configuration === true, params.initializationOptions);
    watchDynamic = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configDynamic = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    progressSupported = caps.window?.workDoneProgress === true;
    codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.netpolLens`] },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...registerFeatureHandlers(ctx, headLenses),
      },
      serverInfo: { name: 'netpol-lens', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (watchDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml,json}' }],
      });
    }
    if (configDynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'netpolLens' });
    void indexWorkspace();
  });

  async function indexWorkspace(): Promise<void> {
    const started = Date.now();
    const progress = progressSupported ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Netpol Lens: indexing manifests', 0, undefined, false);
    try {
      publisher.setIndexing(true, 0, 0);
      let total = 0;
      // The scan's files share their equal strings (names, labels, namespaces): one copy each.
      const strings = new StringPool();
      // Each folder is scanned with its own include/exclude globs and size cap.
      for (const folder of folders) {
        const folderSettings = await settings(folder);
        total += await scanFolders(
          [folder],
          folderSettings,
          async ({ entries, done, total: count }) => {
            // Open editors win over disk (the index puts their models over these); the disk's
            // text is kept too, as the base of a comparison with git.
            for (const m of index.setDiskTexts(entries, strings)) {
              if (m.skipped === 'helm-template' || m.skipped === 'test-assertion' || m.skipped === 'binary') log.info(`skipped ${uriToPath(m.uri)}: ${skipReasonText(m.skipped)}`);
              // The file-scope findings now, batch by batch: each file's full trees and text go
              // as it is read, not once the whole workspace is.
              else if (!index.isOpen(m.uri)) findings.prepareFile(m, folderSettings);
            }
            publisher.setIndexing(true, total + done, total + count);
            progress?.report(count > 0 ? Math.round((done / count) * 100) : 100, `${total + done}/${total + count} files`);
            await new Promise((r) => setImmediate(r));
          },
          (skipped) => log.info(`skipped ${skipped.path}: ${skipped.reason}`),
        );
      }
      log.info(`indexed ${total} files in ${Date.now() - started} ms`);
      const views = findings.views(index.manifests, await settings(folders[0])).views;
      if (views.length > 1 || views.some((v) => v.kind !== 'loose')) log.info(`read as ${views.length} cluster view(s): ${views.map((v) => `${v.kind} ${v.name}`).join(', ')}`);
      for (const v of views.filter((x) => x.partial.length > 0)) {
        log.info(`${v.kind} ${v.name} is partial (${v.partial.join('; ')}): rules that report something absent stand down there`);
      }
    } catch (error) {
      log.error(`indexing failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      progress?.done();
      const n = index.manifests.size;
      publisher.setIndexing(false, n, n);
      publisher.schedule(0);
    }
  }

  const isManifestDocument = (doc: EditorText): boolean => doc.languageId === 'yaml' || MANIFEST_URI.test(doc.uri);

  // Text synchronisation is ours (`EditorTexts`: the text in pieces, so a keystroke in a big file
  // costs the piece it touched); the handlers hand each text to the index.
  const contentChanged = (document: EditorText): void => {
    if (!isManifestDocument(document)) return;
    headLenses.noteEdit();
    sizeCaps.noteOpen(index.changeDocument(document.uri, document.text, document.version));
    publisher.noteEdited(document.uri);
    publisher.schedule();
  };
  connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text } }) => {
    const document = editorTexts.didOpen(uri, languageId, version, text);
    if (isManifestDocument(document)) {
      sizeCaps.noteOpen(index.openDocument(uri, document.text, version));
      publisher.noteEdited(uri);
      // A restored session opens many files at once: one run after the burst, not one per file.
      publisher.schedule(OPEN_DELAY_MS);
    }
    // An open is a change of content too (as the library's document manager had it).
    contentChanged(document);
  });
  connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
    if (contentChanges.length === 0) return;
    const document = editorTexts.didChange(uri, version, contentChanges);
    if (!document) return;
    contentChanged(document);
    // The file's own diagnostics first, the cross-file run after its debounce (DiagnosticsPublisher.scheduleFast).
    if (isManifestDocument(document)) publisher.scheduleFast(uri);
  });
  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
    if (!editorTexts.get(uri)) return;
    editorTexts.didClose(uri);
    sizeCaps.forget(uri);
    publisher.noteClosed(uri);
    index.closeDocument(uri);
    void reloadFromDisk(uri).then(() => publisher.schedule());
  });

  async function reloadFromDisk(uri: string): Promise<void> {
    const s = await settings(uri);
    const path = uriToPath(uri);
    try {
      const info = await stat(path);
      if (!info.isFile() || !(await isIndexed(uri)) || info.size > s.maxFileSizeKb * 1024) {
        index.removeDiskFile(uri);
        return;
      }
      const { text, invalidUtf8At } = decodeUtf8(await readFile(path));
      index.setDiskText(uri, text, invalidUtf8At);
    } catch {
      index.removeDiskFile(uri);
    }
  }

  connection.onDidChangeWatchedFiles(({ changes }) => {
    void (async () => {
      for (const change of changes) {
        // An open file's disk text is read too: the editor's buffer wins for the analysis, the
        // disk's text is the base a comparison with git starts from.
        if (!MANIFEST_URI.test(change.uri)) continue;
        if (change.type === FileChangeType.Deleted) index.removeDiskFile(change.uri);
        else await reloadFromDisk(change.uri);
      }
      publisher.schedule();
    })();
  });

  connection.onNotification(ACTIVE_DOCUMENT_NOTIFICATION, (params: ActiveDocumentParams) => publisher.setActive(params.uri ?? undefined));

  connection.onDidChangeConfiguration((params) => {
    settingsStore?.changed(params.settings);
    // Read the settings again now, so a changed size cap applies to the open files.
    void Promise.all(folders.map((f) => settings(f))).finally(() => publisher.schedule(0));
  });

  connection.onCodeAction((params, token) =>
    runSafe(log, 'codeAction', token, [], async () => codeActionsHandler(params, index, findings, await settings(params.textDocument.uri))),
  );

  connection.onExecuteCommand((params, token) =>
    runSafe<unknown>(log, 'executeCommand', token, null, async () => {
      if (params.command !== SERVER_COMMANDS.fixAll) return (await executeFeatureCommand(ctx, params)) ?? null;
      const uri = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
      const file = uri ? index.get(uri) : undefined;
      if (!uri || !file) return null;
      const after = fixAllText(uri, index.manifests, await settings(uri), findings);
      if (after === undefined) return null;
      const edit = minimalEdit(file.text, after);
      await connection.workspace.applyEdit({
        label: 'Netpol Lens: fix all',
        edit: { changes: { [uri]: [{ range: toRange(file.lineIndex, edit.start, edit.end), newText: edit.newText }] } },
      });
      return null;
    }),
  );

  connection.listen();
}

declare const __SERVER_VERSION__: string | undefined;
const SERVER_VERSION = typeof __SERVER_VERSION__ === 'string' ? __SERVER_VERSION__ : 'dev';
