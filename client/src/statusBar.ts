/** The status bar item: starting / indexing n/N / counts of findings / stopped. */
import * as vscode from 'vscode';
import type { StatusParams } from '../../shared/src/protocol';
import { restartServer } from './commands/restartServer';
import { showOutput } from './commands/showOutput';
import { describeStatus, type ServerState, type StatusAction } from './statusText';

const ACTION_COMMANDS: Readonly<Record<StatusAction, string>> = {
  showProblems: 'workbench.actions.view.problems',
  showOutput: showOutput.id,
  restartServer: restartServer.id,
};

export class ServerStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private state: ServerState = 'starting';
  private status: StatusParams | undefined;

  constructor() {
    this.item = vscode.window.createStatusBarItem('netpolLens.status', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'Netpol Lens';
    this.render();
    this.item.show();
  }

  setState(state: ServerState): void {
    this.state = state;
    // A (re)starting server reports afresh; the old counts describe a process that is gone.
    if (state !== 'running') this.status = undefined;
    this.render();
  }

  setStatus(status: StatusParams): void {
    this.status = status;
    this.render();
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const view = describeStatus(this.state, this.status);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = ACTION_COMMANDS[view.action];
    this.item.backgroundColor = view.alarming ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }
}
