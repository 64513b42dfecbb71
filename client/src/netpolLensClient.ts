/**
 * Owns the language client and everything that lives as long as it: the output channel, the
 * status bar item, the commands, the crash budget. Disposing it stops the server.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ACTIVE_DOCUMENT_NOTIFICATION, STATUS_NOTIFICATION, type ActiveDocumentParams, type StatusParams } from '../../shared/src/protocol';
import { DIAGNOSTIC_SOURCE } from '../../shared/src/ruleCatalogue';
import { SERVER_NODE_FLAGS } from '../../shared/src/serverProcess';
import { ALL_COMMANDS } from './commands/allCommands';
import type { CommandContext } from './commands/command';
import { CrashBudget } from './crashBudget';
import { HeadTextsSender } from './headTextsSender';
import { ServerErrorHandler } from './serverErrorHandler';
import { ServerStatusBar } from './statusBar';
import type { ServerState } from './statusText';

/** Client id: also the configuration prefix the library reads `trace.server` from. */
const CLIENT_ID = 'netpolLens';
const CLIENT_NAME = 'Netpol Lens';
/** Port of the server's inspector when the extension runs in the Extension Development Host. */
const DEBUG_PORT = 6009;

export class NetpolLensClient implements vscode.Disposable {
  private readonly output: vscode.OutputChannel;
  private readonly statusBar: ServerStatusBar;
  private readonly client: LanguageClient;
  private readonly crashes = new CrashBudget();
  private readonly headTexts: HeadTextsSender;
  private readonly disposables: vscode.Disposable[] = [];
  private restarting = false;

  constructor(extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel(CLIENT_NAME);
    this.statusBar = new ServerStatusBar();
    this.client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions(extension), this.clientOptions());
    this.headTexts = new HeadTextsSender(vscode, this.client, (line) => this.output.appendLine(line));
    this.disposables.push(
      this.statusBar,
      this.headTexts,
      // A (re)started server knows no HEAD texts yet.
      this.client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.headTexts.resendAll();
      }),
      // A restart the user asked for passes through Stopped: show it as starting, not as a failure.
      this.client.onDidChangeState((e) => this.statusBar.setState(this.restarting && e.newState === State.Stopped ? 'starting' : serverState(e.newState))),
      this.client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => this.statusBar.setStatus(params)),
      // The server computes the active editor's diagnostics first (after an edit, or while a restored session opens many files).
      vscode.window.onDidChangeActiveTextEditor(() => this.sendActiveDocument()),
      this.client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.sendActiveDocument();
      }),
    );
    const ctx: CommandContext = { vscode, extension, client: this.client, output: this.output, restartServer: () => this.restartServer() };
    for (const command of ALL_COMMANDS) this.disposables.push(vscode.commands.registerCommand(command.id, command.create(ctx)));
  }

  /** Starts the server. A failure is already reported by the library (output channel and message). */
  async start(): Promise<void> {
    try {
      await this.client.start();
    } catch {
      this.statusBar.setState('stopped');
    }
    await this.headTexts.start();
  }

  /** Restarts a running server, starts a stopped one; a start in flight is let finish first. */
  async restartServer(): Promise<void> {
    this.crashes.reset();
    this.restarting = true;
    try {
      // The library can only stop a running client.
      if (this.client.state === State.Starting) await this.client.start();
      if (this.client.state === State.Running) await this.client.restart();
      else await this.start();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`Netpol Lens: restarting the server failed: ${reason}`, 'Show Output').then((choice) => {
        if (choice === 'Show Output') this.output.show();
      });
    } finally {
      this.restarting = false;
    }
  }

  private sendActiveDocument(): void {
    if (!this.client.isRunning()) return;
    const params: ActiveDocumentParams = { uri: vscode.window.activeTextEditor?.document.uri.toString() ?? null };
    // A server stopping meanwhile cannot take it: nothing to do then.
    this.client.sendNotification(ACTIVE_DOCUMENT_NOTIFICATION, params).catch(() => undefined);
  }

  /** Stops the server, then releases the rest (the output channel last: stopping may still log). */
  dispose(): Promise<void> {
    // Stopping throws when the server is not running (still starting, or gone): nothing left to stop then.
    return this.client.dispose().catch(() => undefined).finally(() => {
      for (const d of this.disposables.reverse()) d.dispose();
      this.output.dispose();
    });
  }

  private clientOptions(): LanguageClientOptions {
    return {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'yaml' },
        // Kubernetes JSON manifests: the server ignores JSON that is not a Kubernetes object.
        { scheme: 'file', language: 'json' },
      ],
      // The server registers its own watcher for **/*.{yaml,yml,json} (didChangeWatchedFiles with
      // dynamic registration), so the client adds none: a second watcher would double every event.
      synchronize: { configurationSection: CLIENT_ID },
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      outputChannel: this.output,
      // Rule failures are logged as errors; they must not pop the channel open while typing.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: new ServerErrorHandler(this.crashes, (message) => void this.offerRestart(message)),
    };
  }

  private async offerRestart(message: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(message, 'Restart', 'Show Output');
    if (choice === 'Restart') await this.restartServer();
    else if (choice === 'Show Output') this.output.show();
  }
}

function serverOptions(extension: vscode.ExtensionContext): ServerOptions {
  const module = extension.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', `--inspect=${DEBUG_PORT}`] } },
  };
}

function serverState(state: State): ServerState {
  switch (state) {
    case State.Starting:
      return 'starting';
    case State.Running:
      return 'running';
    case State.Stopped:
      return 'stopped';
  }
}
