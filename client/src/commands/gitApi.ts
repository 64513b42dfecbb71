/**
 * The part of VS Code's built-in git extension API (`vscode.git`, `getAPI(1)`) that "Compare
 * connectivity with…" uses, typed here (the extension ships no types), and reading the base
 * version of the changed manifests through it: git runs in the git extension, never in Netpol
 * Lens' server.
 */
import type * as vscode from 'vscode';

export interface GitChange {
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
  readonly renameUri?: vscode.Uri;
  readonly status: number;
}

export interface GitRef {
  /** 0 head, 1 remote head, 2 tag. */
  readonly type: number;
  readonly name?: string;
  readonly commit?: string;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD?: { readonly name?: string; readonly commit?: string };
    readonly refs: readonly GitRef[];
    readonly untrackedChanges?: readonly GitChange[];
    readonly workingTreeChanges: readonly GitChange[];
  };
  /** Changes between `ref` and the working tree. */
  diffWith(ref: string): Promise<GitChange[]>;
  /** The file's text at `ref` (rejects when it does not exist there). */
  show(ref: string, path: string): Promise<string>;
}

export interface GitApi {
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

/** `Status.UNTRACKED` of the git extension. */
const UNTRACKED = 7;
const MANIFEST = /\.(ya?ml|json)$/i;

export interface BaseFile {
  readonly uri: vscode.Uri;
  /** The text at the base; null when the file does not exist there. */
  readonly text: string | null;
}

/**
 * The base version of every manifest that differs between `ref` and the working tree: changed
 * and deleted files with their text at `ref`, files added since (or untracked) as absent, a
 * rename as its old path's text and its new path absent.
 */
export async function baseFiles(repo: GitRepository, ref: string): Promise<BaseFile[]> {
  const out = new Map<string, BaseFile>();
  const textAt = async (uri: vscode.Uri): Promise<string | null> => {
    try {
      return await repo.show(ref, uri.fsPath);
    } catch {
      return null;
    }
  };
  const untracked = [...(repo.state.untrackedChanges ?? []), ...repo.state.workingTreeChanges.filter((c) => c.status === UNTRACKED)];
  for (const change of await repo.diffWith(ref)) {
    const now = change.renameUri ?? change.uri;
    if (MANIFEST.test(change.originalUri.path)) out.set(change.originalUri.toString(), { uri: change.originalUri, text: await textAt(change.originalUri) });
    if (MANIFEST.test(now.path) && now.toString() !== change.originalUri.toString()) out.set(now.toString(), { uri: now, text: null });
  }
  for (const change of untracked) {
    if (MANIFEST.test(change.uri.path) && !out.has(change.uri.toString())) out.set(change.uri.toString(), { uri: change.uri, text: null });
  }
  return [...out.values()];
}
