/**
 * The type of the `vscode` module. Commands get the module itself from their `CommandContext`
 * (the client imports it), never by importing it: the command list is also read by the manifest
 * test, which runs outside VS Code, and a dynamic `import('vscode')` would not resolve in the
 * extension host, which provides `vscode` to `require` only.
 */
import type * as vscodeModule from 'vscode';

export type VsCode = typeof vscodeModule;
