/**
 * The workspace's files by path, for resolving the relative references of kustomizations: posix
 * paths taken from the file URIs (never from the file system), the folders that hold them, and a
 * base folder that view names are given relative to.
 */
import { posix } from 'node:path';
import { URI } from 'vscode-uri';
import type { FileModel } from '../model/fileModel';

export function uriPath(uri: string): string {
  try {
    return URI.parse(uri).path;
  } catch {
    return uri;
  }
}

/** `ref` (relative, as a kustomization writes it) resolved against the folder `dir`. */
export function joinPath(dir: string, ref: string): string {
  const joined = posix.normalize(posix.join(dir, ref));
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}

export class PathIndex {
  private readonly byPath = new Map<string, FileModel>();
  private readonly folders = new Set<string>();
  readonly base: string;

  constructor(files: Iterable<FileModel>, base?: string) {
    for (const f of files) {
      const path = uriPath(f.uri);
      this.byPath.set(path, f);
      for (let dir = posix.dirname(path); !this.folders.has(dir); dir = posix.dirname(dir)) {
        this.folders.add(dir);
        if (dir === '/' || dir === '.') break;
      }
    }
    this.base = base ?? commonFolder([...this.byPath.keys()]);
  }

  file(path: string): FileModel | undefined {
    return this.byPath.get(path);
  }

  isFolder(path: string): boolean {
    return this.folders.has(path);
  }

  /** `path` relative to the base folder ('' for the base itself). */
  relative(path: string): string {
    const rel = posix.relative(this.base, path);
    return rel.startsWith('..') ? path : rel;
  }
}

/** The deepest folder holding every path ('/' for none). */
export function commonFolder(paths: Iterable<string>): string {
  let common: string | undefined;
  for (const p of paths) common = common === undefined ? posix.dirname(p) : widenFolder(common, p);
  return common ?? '/';
}

/** The deepest folder holding `folder` and `path`. */
export function widenFolder(folder: string, path: string): string {
  let common = folder;
  while (common !== '/' && !(path === common || path.startsWith(common.endsWith('/') ? common : `${common}/`))) common = posix.dirname(common);
  return common;
}
