/**
 * Every file model of the workspace, with the lookups cross-file rules need. Immutable: the
 * workspace builds a new set (sharing unchanged file models) after each change, and bumps the
 * version, so caches keyed by version never see a half-updated world.
 */
import type { FileModel } from './fileModel';
import type { K8sObject } from './k8sObject';

export class ManifestSet {
  private readonly byUri: ReadonlyMap<string, FileModel>;
  private objectList: readonly K8sObject[] | undefined;

  constructor(
    files: Iterable<FileModel>,
    /** Increases whenever any file changes. */
    readonly version: number,
    /** Files listed as kustomize patches: partial objects, never analysed as whole ones. */
    readonly partialFiles: ReadonlySet<string> = new Set(),
  ) {
    const m = new Map<string, FileModel>();
    for (const f of files) m.set(f.uri, f);
    this.byUri = m;
  }

  get size(): number {
    return this.byUri.size;
  }

  files(): IterableIterator<FileModel> {
    return this.byUri.values();
  }

  getFile(uri: string): FileModel | undefined {
    return this.byUri.get(uri);
  }

  /** All whole objects of the workspace (kustomize patches left out), in a stable order. */
  objects(): readonly K8sObject[] {
    if (!this.objectList) {
      const out: K8sObject[] = [];
      const uris = [...this.byUri.keys()].sort();
      for (const uri of uris) {
        if (this.partialFiles.has(uri)) continue;
        out.push(...(this.byUri.get(uri)?.objects ?? []));
      }
      this.objectList = out;
    }
    return this.objectList;
  }

  /** A new set with `file` added or replaced. */
  with(file: FileModel, partialFiles: ReadonlySet<string> = this.partialFiles): ManifestSet {
    const files = new Map(this.byUri);
    files.set(file.uri, file);
    return new ManifestSet(files.values(), this.version + 1, partialFiles);
  }

  /** A new set without `uri`. */
  without(uri: string, partialFiles: ReadonlySet<string> = this.partialFiles): ManifestSet {
    const files = new Map(this.byUri);
    files.delete(uri);
    return new ManifestSet(files.values(), this.version + 1, partialFiles);
  }
}
