/**
 * What decides whether a workspace is one view, the whole workspace (no kustomization, no files
 * defining the same object, not both generations of the cluster-wide policy API): kept across
 * edits and updated from the files that changed, so that an edit in such a workspace costs the
 * views nothing in proportion to its size. Which objects
 * each file defines comes from the IdentityCache (per file model).
 */
import type { FileModel } from '../model/fileModel';
import { isKustomizationFile } from '../model/kustomize';
import type { ManifestSet } from '../model/manifestSet';
import type { IdentityCache, PolicyApi } from './alternatives';
import { familyRole, folderOf } from './namespaceFamilies';
import { commonFolder, uriPath, widenFolder } from './pathIndex';

export class WholeWorkspace {
  private readonly kustomizations = new Set<string>();
  /** Per object identity, the files defining it (loose, whole files only). */
  private readonly owners = new Map<string, Set<string>>();
  /** Identities defined by more than one file. */
  private conflicts = 0;
  /** Per cluster-wide policy API generation, how many loose files are written for it. */
  private readonly apiFiles = new Map<PolicyApi, number>();
  private pathBase = '/';
  /** Per folder, how many loose files there hold namespace-less objects (`namespaceFamilies.ts`). */
  private readonly folders = new Map<string, number>();

  private constructor(
    private manifests: ManifestSet,
    private readonly identities: IdentityCache,
    readonly defaultNamespace: string,
  ) {}

  static of(manifests: ManifestSet, identities: IdentityCache, defaultNamespace: string): WholeWorkspace {
    const state = new WholeWorkspace(manifests, identities, defaultNamespace);
    for (const f of manifests.files()) state.add(f, manifests);
    state.pathBase = commonFolder(manifests.sortedUris().map(uriPath));
    return state;
  }

  /** The workspace is one view: no kustomization file and no object defined twice. */
  get isWhole(): boolean {
    return this.kustomizations.size === 0 && this.conflicts === 0 && this.apiFiles.size < 2;
  }

  /** The folder view names are relative to. */
  get base(): string {
    return this.pathBase;
  }

  /** How many folders hold loose files with namespace-less objects. */
  get namespacelessFolders(): number {
    return this.folders.size;
  }

  /** Brought to `manifests`, when it was made from the current set by a few edits (else false: build it anew). */
  advance(manifests: ManifestSet): boolean {
    if (manifests === this.manifests) return true;
    const changed = manifests.partialFiles === this.manifests.partialFiles ? manifests.changesSince(this.manifests) : undefined;
    if (!changed) return false;
    let removed = false;
    for (const uri of changed) {
      const before = this.manifests.getFile(uri);
      const after = manifests.getFile(uri);
      if (before) this.remove(before, this.manifests);
      if (after) this.add(after, manifests);
      if (!after && before) removed = true;
      else if (after && !before) this.pathBase = widenFolder(this.pathBase, uriPath(uri));
    }
    this.manifests = manifests;
    if (removed) this.pathBase = commonFolder(manifests.sortedUris().map(uriPath));
    return true;
  }

  private add(file: FileModel, manifests: ManifestSet): void {
    if (isKustomizationFile(uriPath(file.uri))) this.kustomizations.add(file.uri);
    if (!this.loose(file, manifests)) return;
    this.countApi(file, 1);
    this.countFolder(file, 1);
    for (const id of this.identities.of(file, this.defaultNamespace)) {
      let set = this.owners.get(id);
      if (!set) this.owners.set(id, (set = new Set()));
      set.add(file.uri);
      if (set.size === 2) this.conflicts++;
    }
  }

  private remove(file: FileModel, manifests: ManifestSet): void {
    this.kustomizations.delete(file.uri);
    if (!this.loose(file, manifests)) return;
    this.countApi(file, -1);
    this.countFolder(file, -1);
    for (const id of this.identities.of(file, this.defaultNamespace)) {
      const set = this.owners.get(id);
      if (!set?.delete(file.uri)) continue;
      if (set.size === 1) this.conflicts--;
      if (set.size === 0) this.owners.delete(id);
    }
  }

  private countApi(file: FileModel, delta: 1 | -1): void {
    const api = this.identities.apiOf(file, this.defaultNamespace);
    if (!api) return;
    const count = (this.apiFiles.get(api) ?? 0) + delta;
    if (count === 0) this.apiFiles.delete(api);
    else this.apiFiles.set(api, count);
  }

  private countFolder(file: FileModel, delta: 1 | -1): void {
    if (familyRole(file) !== 'own') return;
    const folder = folderOf(file);
    const count = (this.folders.get(folder) ?? 0) + delta;
    if (count === 0) this.folders.delete(folder);
    else this.folders.set(folder, count);
  }

  /** What looseViews reads: whole files, not skipped. */
  private loose(file: FileModel, manifests: ManifestSet): boolean {
    return !file.skipped && !manifests.partialFiles.has(file.uri);
  }
}
