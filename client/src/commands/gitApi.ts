/**
 * The part of VS Code's built-in git extension API (`vscode.git`, `getAPI(1)`) that "Compare
 * connectivity with…" uses, typed here (the extension ships no types), and reading the base
 * version of the changed manifests through it: git runs in the git extension, never in Netpol
 * Lens' server.
 */
import type * as vscode from 'vscode';
import type { BaseFileText } from '../../../shared/src/protocol';
import type { VsCode } from './vscodeApi';

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
    /** Fires when anything above changes (a save, a stage, a commit, a checkout). */
    readonly onDidChange?: vscode.Event<void>;
  };
  /** Changes between `ref` and the working tree. */
  diffWith(ref: string): Promise<GitChange[]>;
  /** The file's text at `ref` (rejects when it does not exist there). */
  show(ref: string, path: string): Promise<string>;
}

export interface GitApi {
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  readonly onDidOpenRepository?: vscode.Event<GitRepository>;
  readonly onDidCloseRepository?: vscode.Event<GitRepository>;
}

/** The git extension's API, activated if needed; undefined when it is missing or disabled (`git.enabled: false`). */
export async function openGitApi(vs: VsCode): Promise<GitApi | undefined> {
  const git = vs.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!git) return undefined;
  try {
    return (git.isActive ? git.exports : await git.activate()).getAPI(1);
  } catch {
    return undefined;
  }
}

/** What the server reads: manifests under a workspace folder, each under its folder's `netpolLens.maxFileSizeKb`. */
export function workspaceBaseFileOptions(vs: VsCode): BaseFileOptions {
  return {
    include: (uri) => vs.workspace.getWorkspaceFolder(uri) !== undefined,
    maxBytes: (uri) => (vs.workspace.getConfiguration('netpolLens', uri).get<number>('maxFileSizeKb') ?? Number.POSITIVE_INFINITY) * 1024,
  };
}

/** `Status.UNTRACKED` of the git extension. */
const UNTRACKED = 7;
const MANIFEST = /\.(ya?ml|json)$/i;

export interface BaseFile {
  readonly uri: vscode.Uri;
  /** The text at the base; null when the file does not exist there (or is too large: see `tooLarge`). */
  readonly text: string | null;
  /** Over the size cap at the base: its text is not sent, the server skips it as it skips such files on disk. */
  readonly tooLarge?: boolean;
}

export interface BaseFileOptions {
  /** Only these files (e.g. those under a workspace folder); all when omitted. */
  readonly include?: (uri: vscode.Uri) => boolean;
  /** The size cap of a file in bytes (`netpolLens.maxFileSizeKb`); none when omitted. */
  readonly maxBytes?: (uri: vscode.Uri) => number;
}

/**
 * The base version of every manifest that differs between `ref` and the working tree: changed
 * and deleted files with their text at `ref`, files added since (or untracked) as absent, a
 * rename as its old path's text and its new path absent.
 */
export async function baseFiles(repo: GitRepository, ref: string, options: BaseFileOptions = {}): Promise<BaseFile[]> {
  const out = new Map<string, BaseFile>();
  const wanted = (uri: vscode.Uri): boolean => MANIFEST.test(uri.path) && (options.include?.(uri) ?? true);
  const atBase = async (uri: vscode.Uri): Promise<BaseFile> => {
    let text: string;
    try {
      text = await repo.show(ref, uri.fsPath);
    } catch {
      return { uri, text: null };
    }
    const cap = options.maxBytes?.(uri);
    return cap !== undefined && Buffer.byteLength(text, 'utf8') > cap ? { uri, text: null, tooLarge: true } : { uri, text };
  };
  const untracked = [...(repo.state.untrackedChanges ?? []), ...repo.state.workingTreeChanges.filter((c) => c.status === UNTRACKED)];
  for (const change of await repo.diffWith(ref)) {
    const now = change.renameUri ?? change.uri;
    if (wanted(change.originalUri)) out.set(change.originalUri.toString(), await atBase(change.originalUri));
    if (wanted(now) && now.toString() !== change.originalUri.toString()) out.set(now.toString(), { uri: now, text: null });
  }
  for (const change of untracked) {
    if (wanted(change.uri) && !out.has(change.uri.toString())) out.set(change.uri.toString(), { uri: change.uri, text: null });
  }
  return [...out.values()];
}

/** The files as the protocol carries them (`asUri`: the client's code-to-protocol URI converter). */
export function baseFileTexts(files: readonly BaseFile[], asUri: (uri: vscode.Uri) => string): BaseFileText[] {
  return files.map((f) => ({ uri: asUri(f.uri), text: f.text, ...(f.tooLarge ? { tooLarge: true } : {}) }));
}
