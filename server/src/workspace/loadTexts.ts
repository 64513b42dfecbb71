/**
 * Manifests from files that are not (or not only) read by walking the disk: a git revision's
 * blobs, or the working tree as git lists it. The same choice of files as `findManifestFiles`
 * (the settings' include/exclude globs relative to the root, skipped folders, the size cap) and
 * the same models as `loadFolder`.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { buildFileModel, type FileModel } from '../model/fileModel';
import { ManifestSet } from '../model/manifestSet';
import { createFileFilter } from './fileFilter';
import { fileUri, kustomizePatchUris } from './loadFolder';
import { skippedFile, type SkippedFile } from './skippedFiles';

/** A file found under a root: its path relative to the root (forward slashes) and its size. */
export interface CandidateFile {
  readonly relativePath: string;
  readonly size: number;
}

/**
 * The candidates a folder scan of the root would read, in path order, and the ones it would list
 * as too large. `rootIsFile`: the root was named as a file, which is read whatever its name.
 */
export function selectManifestFiles(
  candidates: readonly CandidateFile[],
  settings: NetpolLensSettings,
  rootIsFile = false,
): { files: CandidateFile[]; tooLarge: CandidateFile[] } {
  if (rootIsFile) return { files: [...candidates], tooLarge: [] };
  const filter = createFileFilter(settings.include, settings.exclude);
  const maxBytes = settings.maxFileSizeKb * 1024;
  const skippedFolders = new Map<string, boolean>();
  const folderSkipped = (path: string): boolean => {
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      let skipped = skippedFolders.get(folder);
      if (skipped === undefined) skippedFolders.set(folder, (skipped = filter.skipsFolder(folder)));
      if (skipped) return true;
    }
    return false;
  };
  const files: CandidateFile[] = [];
  const tooLarge: CandidateFile[] = [];
  for (const c of [...candidates].sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0))) {
    if (folderSkipped(c.relativePath) || !filter.accepts(c.relativePath)) continue;
    if (c.size > maxBytes) tooLarge.push(c);
    else files.push(c);
  }
  return { files, tooLarge };
}

/** Models of files given by absolute path and text, as one ManifestSet (kustomize patches known). */
export function manifestsFromTexts(files: readonly { path: string; text: string }[]): { manifests: ManifestSet; skipped: SkippedFile[] } {
  const models: FileModel[] = [];
  const skipped: SkippedFile[] = [];
  for (const f of files) {
    const model = buildFileModel(fileUri(f.path), f.text, 0);
    if (model.skipped) skipped.push(skippedFile(f.path, model.skipped));
    models.push(model);
  }
  return { manifests: new ManifestSet(models, 1, kustomizePatchUris(models)), skipped };
}
