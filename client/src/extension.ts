/**
 * Extension entry point (`dist/client.js`): everything is owned by one NetpolLensClient, disposed
 * with the extension's subscriptions, so no `deactivate` is needed.
 */
import type * as vscode from 'vscode';
import { NetpolLensClient } from './netpolLensClient';

export function activate(context: vscode.ExtensionContext): void {
  const netpolLens = new NetpolLensClient(context);
  // Disposed on deactivation: stops the server, then releases the status bar item and commands.
  context.subscriptions.push(netpolLens);
  void netpolLens.start();
}

