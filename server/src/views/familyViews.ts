/**
 * The family views of loose views (namespaceFamilies.ts): where a loose view holds the
 * namespace-less objects of several families of folders, each family's files are read apart with
 * the shared files (analysed objects with a namespace of their own, cluster-wide ones) that every
 * loose view holds, but those of another case of a folder of cases (`caseOf`). A family's files
 * that are the same in several loose views (alternatives elsewhere in the repository) make one
 * family view, so a repository of many alternative bundles reads each family once per variant of
 * its own files, not once per bundle (argo-cd: 1,141 loose views, 375 family views; with each
 * view's own shared files, 56,168).
 */
import { fnv1a } from '../model/contentHash';
import type { FileModel } from '../model/fileModel';
import type { ManifestSet } from '../model/manifestSet';
import type { ClusterView } from './clusterViews';
import { caseOf, familyRole, folderFamilies, folderOf, sharedWith, splitByFamily } from './namespaceFamilies';
import { uriPath } from './pathIndex';

export interface FamilyViews {
  /** Every family view, in a stable order. */
  readonly views: readonly ClusterView[];
  /** The family view a loose view's file is judged again in; undefined: its findings stand as they are. */
  of(view: ClusterView, uri: string): ClusterView | undefined;
  /** The same families read by `views` (the same ids, in the same order, with other manifest sets). */
  withViews(views: readonly ClusterView[]): FamilyViews;
}

export const NO_FAMILY_VIEWS: FamilyViews = { views: [], of: () => undefined, withViews: () => NO_FAMILY_VIEWS };

/** How a family view's name ends after its folder. */
const FAMILY_SUFFIX = ' (its namespace-less objects apart)';

/** The folder a family view is named by (relative to the views' base; '.' for the base). */
export function familyFolder(view: ClusterView): string {
  return view.name.endsWith(FAMILY_SUFFIX) ? view.name.slice(0, -FAMILY_SUFFIX.length) : view.name;
}

/**
 * The family views of `loose` (the loose views), the families made from the folders of `files`
 * (the loose files). `relative` names a folder for view names; `setOf` makes a view's manifest set.
 */
export function familyViews(loose: ReadonlyMap<ClusterView, readonly FileModel[]>, files: Iterable<FileModel>, relative: (folder: string) => string, setOf: (id: string, files: readonly FileModel[]) => ManifestSet): FamilyViews {
  const folderOfFile = new Map<FileModel, string>();
  for (const f of files) if (familyRole(f) === 'own') folderOfFile.set(f, folderOf(f));
  const families = folderFamilies(folderOfFile.values());
  if (new Set(families.values()).size < 2) return NO_FAMILY_VIEWS;
  const familyOf = new Map<FileModel, string>();
  for (const [f, folder] of folderOfFile) familyOf.set(f, families.get(folder) as string);
  const shared = sharedByAll(loose);
  const byKey = new Map<string, number>();
  const views: ClusterView[] = [];
  const perView = new Map<string, Map<string, number>>();
  for (const [view, members] of loose) {
    const split = splitByFamily(members, familyOf);
    if (!split) continue;
    const mine = new Map<string, number>();
    for (const [family, own] of split) {
      const name = relative(family) || '.';
      const id = `family:${name}#${fnv1a(own.map((m) => m.uri).join('\n')).toString(36)}`;
      let at = byKey.get(id);
      if (at === undefined) {
        byKey.set(id, (at = views.length));
        const sharedHere = shared.filter((s) => sharedWith(s.scope, family)).map((s) => s.file);
        views.push({ id, kind: 'loose', name: `${name}${FAMILY_SUFFIX}`, root: '', rootPath: '', partial: [], manifests: setOf(id, [...own, ...sharedHere]) });
      }
      mine.set(family, at);
    }
    perView.set(view.id, mine);
  }
  const familyOfUri = new Map<string, string>();
  for (const [f, family] of familyOf) familyOfUri.set(f.uri, family);
  return familyViewsOf(views, familyOfUri, perView);
}

/**
 * Family views over their structure: the family of each loose file holding namespace-less objects
 * (by uri: a loose file is the same model in every loose view), and per loose view id, the index
 * of each family's view. An edit that keeps every grouping keeps the structure (clusterViews.ts).
 */
function familyViewsOf(views: readonly ClusterView[], familyOf: ReadonlyMap<string, string>, perView: ReadonlyMap<string, ReadonlyMap<string, number>>): FamilyViews {
  return {
    views,
    of(view, uri) {
      const family = view.manifests.getFile(uri) && familyOf.get(uri);
      const at = family === undefined ? undefined : perView.get(view.id)?.get(family);
      return at === undefined ? undefined : views[at];
    },
    withViews: (next) => familyViewsOf(next, familyOf, perView),
  };
}

/** The shared files (familyRole) every loose view holds, with the case each belongs to. */
function sharedByAll(loose: ReadonlyMap<ClusterView, readonly FileModel[]>): { file: FileModel; scope: string | undefined }[] {
  const count = new Map<FileModel, number>();
  for (const members of loose.values()) for (const f of members) if (familyRole(f) === 'shared') count.set(f, (count.get(f) ?? 0) + 1);
  return [...count].filter(([, n]) => n === loose.size).map(([file]) => ({ file, scope: caseOf(uriPath(file.uri)) }));
}
