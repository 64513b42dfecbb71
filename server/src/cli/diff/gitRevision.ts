/**
 * The two sides of `netpol-lens diff --base <ref>`, read with git and nothing written: the
 * revision's files from its tree (`git ls-tree`, blobs through one `git cat-file --batch`), no
 * checkout, no index change; the working tree as git sees it (`git ls-files`: tracked files and
 * untracked ones that are not ignored, read from disk).
 *
 * Only git's plumbing runs, with the repository's own helpers turned off (`core.fsmonitor`), never
 * anything from the repository itself; the old files get the URIs of their working-tree paths, so
 * views, names and kustomize references line up on both sides.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { NetpolLensSettings } from '../../../../shared/src/settings';
import type { ManifestSet } from '../../model/manifestSet';
import { manifestsFromTexts, selectManifestFiles, type CandidateFile } from '../../workspace/loadTexts';
import { skippedFile, type SkippedFile } from '../../workspace/skippedFiles';
import { UsageError } from '../io';

export class GitError extends Error {}

export interface GitSide {
  readonly manifests: ManifestSet;
  readonly skipped: readonly SkippedFile[];
}

const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false'];

function git(cwd: string, args: readonly string[], input?: Buffer): Buffer {
  const r = spawnSync('git', [...SAFE, ...args], {
    cwd,
    input,
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    windowsHide: true,
  });
  if (r.error) throw new GitError(`cannot run git: ${r.error.message}`);
  if (r.status !== 0) throw new GitError(r.stderr.toString('utf8').trim() || `git ${args[0] ?? ''} failed`);
  return r.stdout;
}

/** The top folder of the git work tree holding `dir`. */
export function gitTopLevel(dir: string): string {
  try {
    return resolve(git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim());
  } catch (error) {
    throw new UsageError(`--base needs a git work tree: ${dir} is not in one (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The commit a revision names, or a usage error saying the revision is unknown. */
export function resolveRevision(top: string, ref: string): string {
  if (ref.startsWith('-')) throw new UsageError(`--base: "${ref}" is not a revision`);
  try {
    return git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString('utf8').trim();
  } catch {
    throw new UsageError(`--base: unknown revision "${ref}"`);
  }
}

/** A path argument as git sees it: relative to the top folder, with forward slashes ('' for the top itself). */
export function repoRelative(top: string, path: string): string {
  const rel = relative(top, resolve(path));
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`${path} is outside the git work tree ${top}`);
  return rel.split(sep).join('/');
}

function pathspec(rel: string): string[] {
  return rel === '' ? [] : [`:(literal)${rel}`];
}

/** The manifests under `roots` (absolute paths in the work tree) as they are in `commit`. */
export function readRevision(top: string, commit: string, roots: readonly string[], settings: NetpolLensSettings): GitSide {
  const wanted: { path: string; object: string }[] = [];
  const skipped: SkippedFile[] = [];
  for (const root of roots) {
    const rel = repoRelative(top, root);
    const listing = git(top, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', ...pathspec(rel)]).toString('utf8');
    const blobs: (CandidateFile & { object: string })[] = [];
    let rootIsFile = false;
    for (const record of listing.split('\0')) {
      const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(record);
      if (!m) continue;
      const [, mode, type, object, size, path] = m as unknown as [string, string, string, string, string, string];
      if (type !== 'blob' || mode === '120000') continue;
      if (path === rel) rootIsFile = true;
      blobs.push({ relativePath: underRoot(rel, path), size: Number(size), object });
    }
    const { files, tooLarge } = selectManifestFiles(blobs, settings, rootIsFile);
    const abs = (c: CandidateFile): string => (rootIsFile ? resolve(root) : join(resolve(root), c.relativePath));
    for (const c of tooLarge) skipped.push(skippedFile(abs(c), 'too-large', `larger than ${settings.maxFileSizeKb} KiB`));
    for (const c of files) wanted.push({ path: abs(c), object: (c as CandidateFile & { object: string }).object });
  }
  const texts = catBlobs(top, wanted.map((w) => w.object));
  const loaded = manifestsFromTexts(wanted.map((w, i) => ({ path: w.path, text: texts[i] ?? '' })));
  return { manifests: loaded.manifests, skipped: [...skipped, ...loaded.skipped] };
}

/** The manifests under `roots` in the working tree: files git tracks or would add (not ignored), read from disk. */
export function readWorkingTree(top: string, roots: readonly string[], settings: NetpolLensSettings): GitSide {
  const files: { path: string; text: string }[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const rel = repoRelative(top, root);
    const listing = git(top, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', ...pathspec(rel)]).toString('utf8');
    const candidates: CandidateFile[] = [];
    for (const path of new Set(listing.split('\0').filter((p) => p !== ''))) {
      let size: number;
      try {
        const st = statSync(join(top, path));
        if (!st.isFile()) continue;
        size = st.size;
      } catch {
        continue; // deleted in the working tree
      }
      candidates.push({ relativePath: underRoot(rel, path), size });
    }
    let rootIsFile = false;
    try {
      rootIsFile = statSync(root).isFile();
    } catch {
      rootIsFile = false;
    }
    const chosen = selectManifestFiles(candidates, settings, rootIsFile);
    const abs = (c: CandidateFile): string => (rootIsFile ? resolve(root) : join(resolve(root), c.relativePath));
    for (const c of chosen.tooLarge) skipped.push(skippedFile(abs(c), 'too-large', `larger than ${settings.maxFileSizeKb} KiB`));
    for (const c of chosen.files) {
      const path = abs(c);
      if (seen.has(path)) continue;
      seen.add(path);
      try {
        files.push({ path, text: readFileSync(path, 'utf8') });
      } catch {
        skipped.push(skippedFile(path, 'unreadable'));
      }
    }
  }
  const loaded = manifestsFromTexts(files);
  return { manifests: loaded.manifests, skipped: [...skipped, ...loaded.skipped] };
}

/** A repository path relative to the root argument `rel` (the file's name when the root is the file). */
function underRoot(rel: string, path: string): string {
  if (rel === '') return path;
  return path === rel ? path.slice(path.lastIndexOf('/') + 1) : path.slice(rel.length + 1);
}

/** The contents of blobs by object name, in order, through one `git cat-file --batch`. */
function catBlobs(top: string, objects: readonly string[]): string[] {
  if (objects.length === 0) return [];
  const out = git(top, ['cat-file', '--batch'], Buffer.from(`${objects.join('\n')}\n`, 'utf8'));
  const texts: string[] = [];
  let at = 0;
  for (let i = 0; i < objects.length; i++) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('utf8');
    const m = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!m) {
      texts.push('');
      at = eol + 1;
      continue;
    }
    const size = Number(m[2]);
    texts.push(out.subarray(eol + 1, eol + 1 + size).toString('utf8'));
    at = eol + 1 + size + 1;
  }
  return texts;
}
