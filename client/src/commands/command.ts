/**
 * The shape of a command: an id (contributed in package.json under `contributes.commands`) and a
 * factory that builds its handler from what the client owns. Adding a command is one file
 * exporting a `CommandDefinition` plus one line in `allCommands.ts`.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { VsCode } from './vscodeApi';

/** What a command may use. The client object stays the same across server restarts. */
export interface CommandContext {
  /** The `vscode` module (commands do not import it: see `vscodeApi.ts`). */
  readonly vscode: VsCode;
  readonly extension: vscode.ExtensionContext;
  /** Send custom requests (`shared/src/protocol.ts`) or server commands through it. */
  readonly client: LanguageClient;
  /** The "Netpol Lens" output channel (server log and protocol trace). */
  readonly output: vscode.OutputChannel;
  /** Stops the server if it runs and starts it again, with a fresh crash budget. */
  restartServer(): Promise<void>;
}

export type CommandHandler = (...args: unknown[]) => unknown;

export interface CommandDefinition {
  readonly id: string;
  readonly create: (ctx: CommandContext) => CommandHandler;
}
