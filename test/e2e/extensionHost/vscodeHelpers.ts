/**
 * What the extension-host suites share: the fixture files of the open workspace, the extension
 * activated, and waits on the editor's own events (diagnostics changed, document changed) with a
 * deadline that fails with what was awaited and what was there instead. No fixed sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../../shared/src/ruleCatalogue';

export const EXTENSION_ID = 'netpol-lens.netpol-lens';

/** Long enough for a 2-core machine running other test suites at the same time. */
export const WAIT_MS = 45_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (a copy of test/e2e/workspace) opened in the editor');
  return folder.uri;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded (extensionDevelopmentPath wrong?)`);
  await extension.activate();
  return extension;
}

/** The rule id of one of our diagnostics (`code` is `{ value, target }` because of the docs link). */
export function ruleOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

function summary(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).join(', ');
}

/**
 * Resolves with our diagnostics of `uri` as soon as `predicate` holds for them: checked now, then
 * on every `onDidChangeDiagnostics` event that names the file.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = (): boolean => {
      const diagnostics = ours(uri);
      if (!predicate(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}; its diagnostics: ${summary(ours(uri))}`));
    }, timeoutMs);
    const finish = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

/** Waits until `uri` has a diagnostic of `rule` (on the 1-based `line`, if given) and returns it. */
export async function waitForRule(uri: vscode.Uri, rule: string, line?: number, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic> {
  const matches = (d: vscode.Diagnostic): boolean => ruleOf(d) === rule && (line === undefined || d.range.start.line + 1 === line);
  const diagnostics = await waitForDiagnostics(uri, `${rule}${line === undefined ? '' : ` on line ${line}`}`, (ds) => ds.some(matches), timeoutMs);
  return diagnostics.find(matches) as vscode.Diagnostic;
}

export async function waitForNoRule(uri: vscode.Uri, rule: string, timeoutMs = WAIT_MS): Promise<void> {
  await waitForDiagnostics(uri, `no ${rule} any more`, (ds) => !ds.some((d) => ruleOf(d) === rule), timeoutMs);
}

/** Resolves when the document's text satisfies `predicate` (now or after a change event). */
export function waitForText(doc: vscode.TextDocument, what: string, predicate: (text: string) => boolean, timeoutMs = WAIT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const text = doc.getText();
      if (!predicate(text)) return;
      finish();
      resolve(text);
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(doc.uri)}; its text:\n${doc.getText()}`));
    }, timeoutMs);
    const finish = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

/** Resolves with what `probe` returns once it returns something: now, or after a tab change. */
export function waitForTabs<T>(what: string, probe: () => T | undefined, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const value = probe();
      if (value === undefined) return;
      finish();
      resolve(value);
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    const timer = setTimeout(() => {
      finish();
      const labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; tabs: ${labels.join(', ')}`));
    }, timeoutMs);
    const finish = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  assert.equal(doc.languageId, 'yaml', `${name} should open as YAML`);
  return doc;
}

/** Shows the fixture in an editor with the cursor at `needle` (+ `shift` characters). */
export async function showAt(name: string, needle: string, shift = 0): Promise<vscode.TextEditor> {
  const doc = await openFixture(name);
  const position = positionOf(doc, needle, shift);
  return vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), preview: false });
}

export function positionOf(doc: vscode.TextDocument, needle: string, shift = 0): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
  return doc.positionAt(offset + shift);
}

/** The text of every hover the providers give at a position (VS Code merges them in one widget). */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n\n');
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return actions.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/** Throws away unsaved changes of a document (File: Revert File on it). */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false, `${vscode.workspace.asRelativePath(doc.uri)} is still dirty after revert`);
}

export async function readOnDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
