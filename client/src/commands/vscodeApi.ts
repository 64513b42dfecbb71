/**
 * The `vscode` module, loaded when a command runs rather than when the command list is imported:
 * the list is also read by the manifest test, which runs outside VS Code.
 */
import type * as vscodeModule from 'vscode';

export type VsCode = typeof vscodeModule;

export function loadVscode(): Promise<VsCode> {
  return import('vscode');
}
