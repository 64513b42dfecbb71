/**
 * The base side of the editor's connectivity diff: the files as they are on disk, with the texts a
 * client read from git (HEAD, a branch, a commit) in place of the ones that differ there. Unsaved
 * edits are on the workspace's side only, so they are compared too. The server runs no git.
 */
import type { BaseFileText } from '../../../../shared/src/protocol';
import { buildFileModel, emptyFileModel, type FileModel } from '../../model/fileModel';
import { ManifestSet } from '../../model/manifestSet';
import { kustomizePatchUris } from '../../workspace/loadFolder';

/** The files of the workspace as they are on disk (the index's disk models). */
export interface DiskFiles {
  /** Increases whenever a file on disk changes. */
  readonly diskVersion: number;
  diskFiles(): Iterable<FileModel>;
}

/** A base text as a model, under the same size cap as the workspace's files; null: absent at the base. */
export function baseFileModel(file: BaseFileText, maxBytes: number, previous?: FileModel | null): FileModel | null {
  if (file.tooLarge) return emptyFileModel(file.uri, '', 0, 'too-large');
  if (file.text === null) return null;
  if (previous && previous.text === file.text) return previous;
  return buildFileModel(file.uri, file.text, 0, { maxBytes, previous: previous ?? undefined });
}

/**
 * Files only an editor knows (an untitled document, a file opened from outside the workspace
 * folders): neither on disk nor in git, so the same on both sides of a comparison.
 */
export function editorOnlyFiles(current: ManifestSet, disk: DiskFiles, overrides: ReadonlyMap<string, FileModel | null>): FileModel[] {
  const onDisk = new Set<string>();
  for (const f of disk.diskFiles()) onDisk.add(f.uri);
  return [...current.files()].filter((f) => !onDisk.has(f.uri) && !overrides.has(f.uri));
}

/** The disk's files and the editor-only ones, with `overrides` put in place (null removes a file). */
export function baseManifests(disk: DiskFiles, editorOnly: readonly FileModel[], overrides: ReadonlyMap<string, FileModel | null>, version: number): ManifestSet {
  const files = new Map<string, FileModel>();
  for (const f of disk.diskFiles()) files.set(f.uri, f);
  for (const f of editorOnly) files.set(f.uri, f);
  for (const [uri, model] of overrides) {
    if (model) files.set(uri, model);
    else files.delete(uri);
  }
  return new ManifestSet(files.values(), version, kustomizePatchUris(files.values()));
}
