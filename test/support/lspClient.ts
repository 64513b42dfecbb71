/**
 * A minimal LSP client for tests and the benchmark: spawns the bundled server over stdio, answers
 * the server's requests (configuration, registrations, applyEdit), records published diagnostics
 * and notifications, and lets a test wait on them with a deadline — never on a sleep.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { SERVER_NODE_FLAGS } from '../../shared/src/serverProcess';

export const SERVER_JS = join(__dirname, '..', '..', 'dist', 'server.js');

export interface StartOptions {
  readonly settings?: Record<string, unknown>;
  /** Advertise workspace/configuration support (VS Code does; some clients don't). */
  readonly pullConfiguration?: boolean;
  /** Node options added to the ones the VS Code client starts the server with (SERVER_NODE_FLAGS). */
  readonly execArgv?: readonly string[];
  /** The `processId` sent in `initialize` (the test process by default). */
  readonly processId?: number;
}

type Waiter = { check: () => boolean; resolve: () => void };

export class LspTestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** The uri of every publishDiagnostics, in the order they arrived. */
  readonly publishOrder: string[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly stderr: string[] = [];
  private readonly waiters = new Set<Waiter>();
  private versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    readonly settings: Record<string, unknown>,
  ) {}

  static async start(workspaceDir: string, options: StartOptions = {}): Promise<LspTestClient> {
    const proc = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(options.execArgv ?? []), SERVER_JS, '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new LspTestClient(proc, connection, options.settings ?? {});
    proc.stderr.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p);
      client.publishOrder.push(p.uri);
      client.notify();
    });
    connection.onNotification((method: string, params: unknown) => {
      client.notifications.push({ method, params });
      client.notify();
    });
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'netpolLens' ? client.settings : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      client.appliedEdits.push(p.edit);
      client.notify();
      return { applied: true };
    });
    connection.listen();
    const rootUri = URI.file(workspaceDir).toString();
    await connection.sendRequest('initialize', {
      processId: options.processId ?? process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ws' }],
      initializationOptions: { settings: { netpolLens: options.settings ?? {} } },
      capabilities: {
        workspace: {
          configuration: options.pullConfiguration ?? true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          applyEdit: true,
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        },
        window: { workDoneProgress: true },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  /** Resolves when `check` holds (checked on every message), rejects after `timeoutMs`. */
  waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nserver stderr:\n${this.stderr.join('')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Wait until the server says the whole workspace was analysed (status "ready" after indexing). */
  async waitForReady(timeoutMs = 20_000): Promise<void> {
    await this.waitFor('status ready', () => this.lastStatus()?.state === 'ready' && this.readyCount() > 0, timeoutMs);
  }

  lastStatus(): { state: string; errors: number; warnings: number } | undefined {
    for (let i = this.notifications.length - 1; i >= 0; i--) {
      const n = this.notifications[i];
      if (n?.method === 'netpolLens/status') return n.params as { state: string; errors: number; warnings: number };
    }
    return undefined;
  }

  private readyCount(): number {
    return this.notifications.filter((n) => n.method === 'netpolLens/status' && (n.params as { state: string }).state === 'ready').length;
  }

  /** Diagnostics of `uri` once `predicate` holds for them. */
  async diagnosticsOf(uri: string, predicate: (d: Diagnostic[]) => boolean, what = 'diagnostics', timeoutMs = 10_000): Promise<Diagnostic[]> {
    await this.waitFor(`${what} of ${uri}`, () => predicate(this.diagnostics.get(uri)?.diagnostics ?? []), timeoutMs);
    return this.diagnostics.get(uri)?.diagnostics ?? [];
  }

  open(uri: string, text: string, languageId = 'yaml'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replace the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Incremental changes (ranges in the text before each change, applied in order), as editors send keystrokes; returns the new version. */
  changeRanges(uri: string, changes: readonly { range: Range; text: string }[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** The fix-all code actions the server offers for `uri` (`source.fixAll`). */
  fixAllActions(uri: string): Promise<CodeAction[]> {
    return this.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
  }

  /** Shut the server down; after `exitGraceMs` without an exit it is killed. */
  async stop(exitGraceMs = 3000): Promise<void> {
    // A server that is gone already (a test killed its client) gets nothing: writing to its closed
    // input rejects later, after the test, as an unhandled rejection.
    if (this.process.exitCode === null && this.process.signalCode === null) {
      try {
        // Handled even when the timeout wins the race: the request may reject once the server exits.
        const shutdown = this.connection.sendRequest('shutdown').catch(() => undefined);
        await Promise.race([shutdown, new Promise((r) => setTimeout(r, 2000))]);
        this.connection.sendNotification('exit').catch(() => undefined);
      } catch {
        // the server went away meanwhile
      }
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, exitGraceMs);
      this.process.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

export function uriOf(path: string): string {
  return URI.file(path).toString();
}

/** `text` with the edits a workspace edit makes to `uri` (none when it has none for that file). */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edit?.changes?.[uri] ?? []);
}
