/**
 * What the client last said each git repository holds at HEAD: the HEAD text of every manifest
 * whose text on disk differs (`netpolLens/headTexts`), and the base they make with the disk's
 * files. A model is built once per text and kept while the text stays the same; the base is
 * built again only when a repository's list or a file on disk changed, never while typing.
 */
import type { BaseFileText } from '../../../../shared/src/protocol';
import type { FileModel } from '../../model/fileModel';
import type { ManifestSet } from '../../model/manifestSet';
import { baseFileModel, baseManifests, editorOnlyFiles, type DiskFiles } from './baseManifests';

export class HeadTexts {
  private readonly repositories = new Map<string, ReadonlyMap<string, FileModel | null>>();
  private revision = 0;
  private builds = 0;
  private base: { revision: number; diskVersion: number; editorOnly: readonly FileModel[]; manifests: ManifestSet } | undefined;

  /** Whether any repository was reported (an editor that never sends the texts gets no HEAD lens). */
  get known(): boolean {
    return this.repositories.size > 0;
  }

  /** A repository's new list (it replaces the previous one). False when nothing changed. */
  setRepository(repository: string, files: readonly BaseFileText[], maxBytesFor: (uri: string) => number): boolean {
    const before = this.repositories.get(repository);
    const after = new Map<string, FileModel | null>();
    for (const file of files) after.set(file.uri, baseFileModel(file, maxBytesFor(file.uri), before?.get(file.uri)));
    if (before && before.size === after.size && [...after].every(([uri, m]) => before.get(uri) === m)) return false;
    this.repositories.set(repository, after);
    this.revision++;
    return true;
  }

  /**
   * The workspace at HEAD: the disk's files with the HEAD texts in place, and the files only
   * editors know as they are in `current` (built again only when one of those changed).
   */
  baseManifests(disk: DiskFiles, current: ManifestSet): ManifestSet {
    const overrides = new Map<string, FileModel | null>();
    for (const files of this.repositories.values()) for (const [uri, model] of files) overrides.set(uri, model);
    const editorOnly = editorOnlyFiles(current, disk, overrides);
    const b = this.base;
    if (b && b.revision === this.revision && b.diskVersion === disk.diskVersion && sameModels(b.editorOnly, editorOnly)) return b.manifests;
    const manifests = baseManifests(disk, editorOnly, overrides, ++this.builds);
    this.base = { revision: this.revision, diskVersion: disk.diskVersion, editorOnly, manifests };
    return manifests;
  }
}

function sameModels(a: readonly FileModel[], b: readonly FileModel[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}
