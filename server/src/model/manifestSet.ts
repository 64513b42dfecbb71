/**
 * Every file model of the workspace, with the lookups cross-file rules need. Immutable: the
 * workspace builds a new set (sharing unchanged file models) after each change, and bumps the
 * version, so caches keyed by version never see a half-updated world.
 */
import { OverlayMap } from '../collections/overlayMap';
import type { FileModel } from './fileModel';
import type { K8sObject } from './k8sObject';

export class ManifestSet {
  /**
   * An overlay: `with`/`without` add the changed file as a layer instead of copying every entry,
   * folded into one layer each time, so that no replaced model of a file is held but the base's.
   */
  private readonly byUri: OverlayMap<string, FileModel>;
  readonly size: number;
  private objectList: readonly K8sObject[] | undefined;
  private sorted: readonly string[] | undefined;
  /** The set this one was made from by `with`/`without`, and the file that differs (not held: old sets may go). */
  private readonly parent: { readonly set: WeakRef<ManifestSet>; readonly uri: string } | undefined;

  constructor(
    files: Iterable<FileModel>,
    /** Increases whenever any file changes. */
    readonly version: number,
    /** Files listed as kustomize patches: partial objects, never analysed as whole ones. */
    readonly partialFiles: ReadonlySet<string> = new Set(),
    derived?: { readonly byUri: OverlayMap<string, FileModel>; readonly size: number; readonly parent: ManifestSet; readonly uri: string; readonly sorted: readonly string[] | undefined },
  ) {
    if (derived) {
      this.byUri = derived.byUri;
      this.size = derived.size;
      this.parent = { set: new WeakRef(derived.parent), uri: derived.uri };
      this.sorted = derived.sorted;
      return;
    }
    const m = new Map<string, FileModel>();
    for (const f of files) m.set(f.uri, f);
    this.byUri = OverlayMap.of(m);
    this.size = m.size;
  }

  files(): IterableIterator<FileModel> {
    return this.byUri.values();
  }

  /** Every file's uri, sorted (the workspace order): computed once, and kept across `with`/`without`. */
  sortedUris(): readonly string[] {
    this.sorted ??= [...this.byUri.keys()].sort();
    return this.sorted;
  }

  getFile(uri: string): FileModel | undefined {
    return this.byUri.get(uri);
  }

  /**
   * The files whose model differs between `older` and this set, when this set was made from
   * `older` by at most `limit` `with`/`without` steps (and `older` still lives); else undefined.
   */
  changesSince(older: ManifestSet, limit = 256): Set<string> | undefined {
    if (older === this) return new Set();
    const out = new Set<string>();
    let step = this.parent;
    for (let i = 0; i < limit && step; i++) {
      out.add(step.uri);
      const at = step.set.deref();
      if (at === older) return out;
      step = at?.parent;
    }
    return undefined;
  }

  /** All whole objects of the workspace (kustomize patches left out), in a stable order. */
  objects(): readonly K8sObject[] {
    if (!this.objectList) {
      const out: K8sObject[] = [];
      for (const uri of this.sortedUris()) {
        if (this.partialFiles.has(uri)) continue;
        out.push(...(this.byUri.get(uri)?.objects ?? []));
      }
      this.objectList = out;
    }
    return this.objectList;
  }

  /** A new set with `file` added or replaced. */
  with(file: FileModel, partialFiles: ReadonlySet<string> = this.partialFiles): ManifestSet {
    const had = this.byUri.has(file.uri);
    const sorted = had ? this.sorted : this.sorted && insertSorted(this.sorted, file.uri);
    const byUri = this.byUri.with(new Map([[file.uri, file]]), 1);
    return new ManifestSet([], this.version + 1, partialFiles, { byUri, size: had ? this.size : this.size + 1, parent: this, uri: file.uri, sorted });
  }

  /** A new set without `uri`. */
  without(uri: string, partialFiles: ReadonlySet<string> = this.partialFiles): ManifestSet {
    const had = this.byUri.has(uri);
    const sorted = had ? this.sorted?.filter((u) => u !== uri) : this.sorted;
    const byUri = this.byUri.with(new Map([[uri, undefined]]), 1);
    return new ManifestSet([], this.version + 1, partialFiles, { byUri, size: had ? this.size - 1 : this.size, parent: this, uri, sorted });
  }
}

function insertSorted(sorted: readonly string[], uri: string): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < uri) lo = mid + 1;
    else hi = mid;
  }
  return [...sorted.slice(0, lo), uri, ...sorted.slice(lo)];
}
