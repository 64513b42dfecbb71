/**
 * What a CLI command reads: files and folders on disk, and `-` for a stream of manifests on
 * standard input (`helm template … | netpol-lens check -`). Both may be given together.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import type { FileModel } from '../model/fileModel';
import { ManifestSet } from '../model/manifestSet';
import { diskTexts } from '../workspace/diskTexts';
import { loadFolder, uriToPath } from '../workspace/loadFolder';
import { loadStream } from '../workspace/loadStream';
import type { SkippedFile } from '../workspace/skippedFiles';
import type { StreamFile } from '../workspace/streamSources';
import { UsageError, type CliIo } from './io';

/** A file not read, with the name output gives it (see `displayName`). */
export interface NamedSkip extends SkippedFile {
  readonly relativePath: string;
}

export interface CliInputs {
  readonly manifests: ManifestSet;
  /** Files not read (templates, binary, too large): on disk, `path` is absolute; from the stream, its name. */
  readonly skipped: readonly NamedSkip[];
  /** Files that came from the stream, by URI. */
  readonly streamFiles: ReadonlyMap<string, StreamFile>;
}

/** Reads the positional arguments of a command (default: the working directory). */
/** `onFile`: called with each file of the folders as soon as it is read. */
export async function loadInputs(positionals: readonly string[], io: CliIo, settings: NetpolLensSettings, onFile?: (file: FileModel) => void): Promise<CliInputs> {
  const args = positionals.length > 0 ? positionals : ['.'];
  if (args.filter((a) => a === '-').length > 1) throw new UsageError('"-" (standard input) given twice');
  const paths = args.filter((a) => a !== '-').map((p) => resolve(io.cwd, p));
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);

  // Texts are let go once the file-scope rules have read them, and read again from disk if asked.
  const folder = paths.length > 0 ? loadFolder(paths, settings, diskTexts(), onFile) : undefined;
  const folderSkipped = (folder?.skipped ?? []).map((s) => ({ ...s, relativePath: relativeName(s.path, io.cwd) }));
  if (!args.includes('-')) {
    return { manifests: folder?.manifests ?? new ManifestSet([], 1), skipped: folderSkipped, streamFiles: new Map() };
  }
  const stream = loadStream(await io.readStdin());
  if (stream.models.length === 0) io.err('netpol-lens: no YAML documents on standard input\n');
  const models = [...(folder?.manifests.files() ?? []), ...stream.models];
  return {
    manifests: new ManifestSet(models, 1, folder?.manifests.partialFiles),
    skipped: [...folderSkipped, ...stream.skipped.map((s) => ({ ...s, relativePath: s.path }))],
    streamFiles: stream.files,
  };
}

/** How a file is named in output: its stream name, or its path relative to `cwd` with forward slashes. */
export function displayName(inputs: CliInputs, uri: string, cwd: string): string {
  const stream = inputs.streamFiles.get(uri);
  return stream ? stream.name : relativeName(uriToPath(uri), cwd);
}

function relativeName(path: string, cwd: string): string {
  return relative(cwd, path).split('\\').join('/') || path;
}
