/**
 * The family views of loose views (namespaceFamilies.ts): where a loose view holds the
 * namespace-less objects of several families of folders, each family's files are read apart with
 * the shared files (analysed objects with a namespace of their own, cluster-wide ones) that every
 * loose view holds. A family's files that are the same in several loose views (alternatives
 * elsewhere in the repository) make one family view, so a repository of many alternative
 * bundles reads each family once per variant of its own files, not once per bundle (argo-cd:
 * 1,141 loose views; with each view's own shared files, 56,168 family views).
 */
import { fnv1a } from '../model/contentHash';
import type { FileModel } from '../model/fileModel';
import { ManifestSet } from '../model/manifestSet';
import type { ClusterView } from './clusterViews';
import { familyRole, folderFamilies, folderOf, splitByFamily } from './namespaceFamilies';

export interface FamilyViews {
  /** Every family view, in a stable order. */
  readonly views: readonly ClusterView[];
  /** The family view a loose view's file is judged again in; undefined: its findings stand as they are. */
  of(view: ClusterView, uri: string): ClusterView | undefined;
}

export const NO_FAMILY_VIEWS: FamilyViews = { views: [], of: () => undefined };

/**
 * The family views of `loose` (the loose views), the families made from the folders of `files`
 * (the loose files). `relative` names a folder for view names; `previous` is reused where a family
 * view holds the very same files.
 */
export function familyViews(loose: readonly ClusterView[], files: Iterable<FileModel>, relative: (folder: string) => string, version: number, previous?: FamilyViews): FamilyViews {
  const folders = new Set<string>();
  for (const f of files) if (familyRole(f) === 'own') folders.add(folderOf(f));
  const families = folderFamilies(folders);
  if (new Set(families.values()).size < 2) return NO_FAMILY_VIEWS;
  const reusable = new Map<string, ClusterView>();
  for (const v of previous?.views ?? []) reusable.set(v.id, v);
  const shared = sharedByAll(loose);
  const byKey = new Map<string, ClusterView>();
  const perView = new Map<ClusterView, Map<string, ClusterView>>();
  for (const view of loose) {
    const split = splitByFamily(view.manifests.files(), families);
    if (!split) continue;
    const mine = new Map<string, ClusterView>();
    for (const [family, own] of split) {
      const name = relative(family) || '.';
      const id = `family:${name}#${fnv1a(own.map((m) => m.uri).join('\n')).toString(36)}`;
      let fv = byKey.get(id);
      if (!fv) {
        const members = [...own, ...shared];
        const before = reusable.get(id);
        fv = before && sameModels(before.manifests, members) ? before : familyView(id, name, members, version);
        byKey.set(id, fv);
      }
      mine.set(family, fv);
    }
    perView.set(view, mine);
  }
  return {
    views: [...byKey.values()],
    of(view, uri) {
      const file = view.manifests.getFile(uri);
      if (!file || familyRole(file) !== 'own') return undefined;
      return perView.get(view)?.get(families.get(folderOf(file)) as string);
    },
  };
}

/** The shared files (familyRole) every loose view holds. */
function sharedByAll(loose: readonly ClusterView[]): FileModel[] {
  const [first, ...rest] = loose;
  if (!first) return [];
  return [...first.manifests.files()].filter((f) => familyRole(f) === 'shared' && rest.every((v) => v.manifests.getFile(f.uri) === f));
}

function familyView(id: string, folder: string, files: readonly FileModel[], version: number): ClusterView {
  return { id, kind: 'loose', name: `${folder} (its namespace-less objects apart)`, root: '', rootPath: '', partial: [], manifests: new ManifestSet(files, version) };
}

function sameModels(set: ManifestSet, files: readonly FileModel[]): boolean {
  return set.size === files.length && files.every((f) => set.getFile(f.uri) === f);
}
