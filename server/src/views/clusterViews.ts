/**
 * Cluster views: the sets of objects that are applied together. Rules and the engine work inside
 * one view, never across two:
 * - every kustomization that no other includes is a root, and its build is a view (objects with
 *   the namespaces, names and labels kustomize gives them);
 * - `netpolLens.clusters` declares views by globs;
 * - the remaining files form the loose view, split into alternatives where files define the same
 *   object (see alternatives.ts).
 * A workspace without kustomizations, declared views or alternatives has one view: the workspace
 * itself, the very same ManifestSet, so nothing costs more than before.
 *
 * Where a loose view holds the namespace-less objects of unrelated families of folders
 * (namespaceFamilies.ts), each family is also read apart: its family view. Family views are not
 * views of their own for hovers and commands; a loose view's finding in a family's file is kept
 * only where the family view has it too.
 */
import { posix } from 'node:path';
import { minimatch } from 'minimatch';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { fullObjects, withDocuments, type FileModel } from '../model/fileModel';
import { isKustomizationFile } from '../model/kustomize';
import type { ManifestSet } from '../model/manifestSet';
import { IdentityCache, looseViews, POLICY_API_NAME } from './alternatives';
import { buildKustomization, KustomizeReadCache, type BuildEntry, type KustomizationFile } from './kustomizeBuild';
import { familyViews, NO_FAMILY_VIEWS, type FamilyViews } from './familyViews';
import { applyLevel, type BuildItem, type TransformLevel } from './kustomizeTransforms';
import { keepsGrouping } from './keepsGrouping';
import { reachesLeftOutFields } from './patches';
import { joinPath, PathIndex, uriPath } from './pathIndex';
import { ViewSets } from './viewSets';
import { WholeWorkspace } from './wholeWorkspace';

/** Beyond this many files changed since the last views, they are computed afresh. */
const MAX_SWAPPED = 16;

/** A kustomize view's transforms of one file. */
interface ChainOf {
  readonly chain: readonly TransformLevel[];
  readonly chainKey: string;
}

/** What a computation of the views grouped the files by, kept for edits that keep the grouping (no file models: none is retained). */
interface Grouping {
  /** Kustomizations and patch files the builds read: an edit of one computes the views afresh. */
  readonly reads: Set<string>;
  /** Per kustomize view id, each file's chain of transforms. */
  readonly chains: Map<string, Map<string, ChainOf>>;
  /** Per kustomize view id, the files a JSON patch fails in (the view's partial reasons say so). */
  readonly failed: Map<string, Set<string>>;
  /** Per file uri, the indexes of the views holding it. */
  readonly membership: ReadonlyMap<string, readonly number[]>;
}

export type ViewKind = 'kustomize' | 'declared' | 'loose';

export interface ClusterView {
  /** Stable across edits: `kustomize:overlays/prod`, `declared:dev`, `loose`, `loose:manifests/install.yaml`. */
  readonly id: string;
  readonly kind: ViewKind;
  /** How messages name the view: `overlays/prod`, `dev`, `manifests/install.yaml`. */
  readonly name: string;
  /** The kustomization's folder relative to the workspace base ('' when not a kustomize view). */
  readonly root: string;
  /** The kustomization's folder as an absolute posix path ('' when not a kustomize view). */
  readonly rootPath: string;
  /** Why the view may hold more than the workspace shows (empty: complete). */
  readonly partial: readonly string[];
  /** The view's files, with each object as the view applies it. */
  readonly manifests: ManifestSet;
}

export interface ClusterViews {
  readonly views: readonly ClusterView[];
  /** The folder view names are relative to. */
  readonly base: string;
  /**
   * Manifests in a kustomization's folder that no build uses (a scaffold patch commented out of
   * the kustomization, a leftover): not deployed by it, so only their syntax is judged.
   */
  readonly unused: ReadonlySet<string>;
  /** The views a file belongs to (none for patches, kustomizations and skipped files). */
  viewsOf(uri: string): readonly ClusterView[];
  /** The loose views' family views (familyViews.ts): none while namespace-less objects are one family. */
  readonly families: FamilyViews;
  /** One view that is the whole workspace (no kustomization, declared view or alternatives). */
  readonly whole: boolean;
}

export class ViewBuilder {
  private readonly reads = new KustomizeReadCache();
  private readonly identities = new IdentityCache();
  private readonly transformed = new WeakMap<FileModel, Map<string, FileModel>>();
  private last: { manifests: ManifestSet; settings: NetpolLensSettings; base: string | undefined; views: ClusterViews } | undefined;
  /** Whether the workspace is one view, kept across edits (a builder serves one settings object). */
  private whole: WholeWorkspace | undefined;
  /** Each view's manifest set, made from its last one where few files changed. */
  private readonly sets = new ViewSets();
  /** What the last computation's grouping was made of, for an edit that keeps it (`swapped`). */
  private grouping: Grouping | undefined;

  /** The views of `manifests` (computed once per manifest set and settings). `base`: folder for names. */
  build(manifests: ManifestSet, settings: NetpolLensSettings, base?: string): ClusterViews {
    const l = this.last;
    if (l && l.manifests === manifests && l.settings === settings && l.base === base) return l.views;
    const views = (l && l.settings === settings && l.base === base && this.swapped(l.manifests, l.views, manifests, settings)) || this.compute(manifests, settings, base);
    this.last = { manifests, settings, base, views };
    return views;
  }

  /**
   * The last views with the files changed since `before` swapped into the views holding them,
   * when no change can group the files otherwise (keepsGrouping.ts; no kustomize patch or
   * kustomization read by a build, no change in which files are patches, no file added or
   * removed): each view holding a changed file gets its last set `with` the new model (a kustomize
   * view: the model transformed by the same chain), every other view keeps its very same set (and
   * so its analysis). Undefined: compute the views afresh.
   */
  private swapped(before: ManifestSet, last: ClusterViews, manifests: ManifestSet, settings: NetpolLensSettings): ClusterViews | undefined {
    const grouping = this.grouping;
    if (!grouping || manifests.partialFiles !== before.partialFiles) return undefined;
    const changed = manifests.changesSince(before, MAX_SWAPPED);
    if (!changed) return undefined;
    for (const uri of changed) {
      const was = before.getFile(uri);
      const now = manifests.getFile(uri);
      if (!was || !now || grouping.reads.has(uri) || !keepsGrouping(was, now, this.identities, settings.defaultNamespace)) return undefined;
    }
    if (this.whole) {
      const whole = this.whole.advance(manifests) ? this.whole : undefined;
      if (whole?.isWhole !== last.whole) {
        this.whole = whole;
        return undefined;
      }
    }
    const newModel = (uri: string): FileModel => manifests.getFile(uri) as FileModel;
    const views: ClusterView[] = [];
    for (const view of last.views) {
      if (last.whole) {
        views.push({ ...view, manifests });
        continue;
      }
      const chains = grouping.chains.get(view.id);
      const failed = grouping.failed.get(view.id);
      let modelOf = newModel;
      if (chains && failed) {
        modelOf = (uri) => {
          const link = chains.get(uri) as ChainOf;
          const model = this.transform({ file: newModel(uri), chain: link.chain, chainKey: link.chainKey });
          if (model.objects.some((o) => this.failedPatch.has(o))) failed.add(uri);
          else failed.delete(uri);
          return model;
        };
      }
      const wasFailed = failed !== undefined && failed.size > 0;
      const set = this.sets.swap(view.id, view.manifests, changed, modelOf);
      // A JSON patch that now fails, or now applies, changes the view's partial reasons.
      if (!set || (failed !== undefined && failed.size > 0) !== wasFailed) return this.abandon();
      views.push(set === view.manifests ? view : { ...view, manifests: set });
    }
    const familyViews: ClusterView[] = [];
    for (const view of last.families.views) {
      const set = this.sets.swap(view.id, view.manifests, changed, newModel);
      if (!set) return this.abandon();
      familyViews.push(set === view.manifests ? view : { ...view, manifests: set });
    }
    this.sets.done();
    return viewsOf(views, last.base, last.unused, last.families.withViews(familyViews), last.whole ? () => true : undefined, grouping.membership);
  }

  /** Gives up swapping: the views are computed afresh, from sets the swap did not touch. */
  private abandon(): undefined {
    this.sets.abandon();
    this.grouping = undefined;
    return undefined;
  }

  private compute(manifests: ManifestSet, settings: NetpolLensSettings, base: string | undefined): ClusterViews {
    this.grouping = undefined;
    const declared = Object.entries(settings.clusters ?? {}).filter(([, globs]) => globs.length > 0);
    if (declared.length === 0) {
      if (this.whole?.defaultNamespace !== settings.defaultNamespace || !this.whole.advance(manifests)) this.whole = WholeWorkspace.of(manifests, this.identities, settings.defaultNamespace);
      if (this.whole.isWhole) {
        const only: ClusterView = { id: 'loose', kind: 'loose', name: 'loose files', root: '', rootPath: '', partial: [], manifests };
        const folder = base ?? this.whole.base;
        // Families need namespace-less objects in two folders at least: counted as files change.
        let families = NO_FAMILY_VIEWS;
        if (this.whole.namespacelessFolders >= 2) {
          const all = [...manifests.files()];
          families = familyViews(new Map([[only, all]]), all, (f) => relativeTo(folder, f), (id, files) => this.sets.of(id, files, manifests.version));
        }
        this.sets.done();
        this.grouping = { reads: new Set(), chains: new Map(), failed: new Map(), membership: new Map() };
        return viewsOf([only], folder, new Set(), families, () => true);
      }
    }
    const files = manifests.sortedUris().map((uri) => manifests.getFile(uri) as FileModel);
    const kustomizationFiles = files.filter((f) => isKustomizationFile(uriPath(f.uri)));
    const index = new PathIndex(files, base);
    const views: ClusterView[] = [];
    const used = new Set<string>();
    const membership = new Map<string, number[]>();
    const grouping: Grouping = { reads: new Set(), chains: new Map(), failed: new Map(), membership };
    const looseFiles = new Map<ClusterView, readonly FileModel[]>();
    // Members from the list the view was made of: reading a derived set's files would copy its map.
    const add = (view: ClusterView, members: readonly FileModel[]): void => {
      const at = views.push(view) - 1;
      for (const f of members) {
        const list = membership.get(f.uri);
        if (list) list.push(at);
        else membership.set(f.uri, [at]);
      }
    };

    // kustomize roots
    const kustomizations = new Map<string, KustomizationFile>();
    for (const file of kustomizationFiles) {
      const spec = this.reads.spec(file);
      if (!spec) continue;
      const path = uriPath(file.uri);
      const dir = path.slice(0, path.lastIndexOf('/')) || '/';
      // Several kustomization files in one folder: kustomize refuses to build it; take the first.
      if (!kustomizations.has(dir)) kustomizations.set(dir, { file, dir, spec });
      used.add(file.uri);
    }
    const included = new Set<string>();
    for (const k of kustomizations.values()) for (const ref of [...k.spec.resources, ...k.spec.components]) included.add(joinPath(k.dir, ref));
    const roots = [...kustomizations.values()].filter((k) => k.spec.kind === 'Kustomization' && !included.has(k.dir)).sort((a, b) => (a.dir < b.dir ? -1 : 1));
    for (const root of roots) {
      const build = buildKustomization(root, index, kustomizations, this.reads);
      for (const u of build.used) {
        used.add(u);
        grouping.reads.add(u);
      }
      const rel = index.relative(root.dir);
      const chains = new Map<string, ChainOf>();
      const failedFiles = new Set<string>();
      const viewFiles = build.entries.map((e) => {
        used.add(e.file.uri);
        chains.set(e.file.uri, { chain: e.chain, chainKey: e.chainKey });
        const model = this.transform(e);
        if (model.objects.some((o) => this.failedPatch.has(o))) failedFiles.add(e.file.uri);
        return model;
      });
      const failed = failedFiles.size > 0;
      grouping.chains.set(`kustomize:${rel}`, chains);
      grouping.failed.set(`kustomize:${rel}`, failedFiles);
      add({
        id: `kustomize:${rel}`,
        kind: 'kustomize',
        name: rel === '' ? posix.basename(root.dir) || '.' : rel,
        root: rel,
        rootPath: root.dir,
        partial: failed ? [...build.partial, 'a JSON patch does not apply (kustomize would refuse to build)'] : build.partial,
        manifests: this.sets.of(`kustomize:${rel}`, viewFiles, manifests.version),
      }, viewFiles);
    }

    // declared views
    for (const [name, globs] of declared) {
      const members = files.filter((f) => !f.skipped && !manifests.partialFiles.has(f.uri) && !isKustomizationFile(uriPath(f.uri)) && matchesAny(uriPath(f.uri), globs));
      for (const f of members) used.add(f.uri);
      add({ id: `declared:${name}`, kind: 'declared', name, root: '', rootPath: '', partial: [], manifests: this.sets.of(`declared:${name}`, members, manifests.version) }, members);
    }

    // loose files, split into alternatives
    const kustomizationFolders = new Set(kustomizations.keys());
    const unused = new Set<string>();
    const loose = files.filter((f) => {
      if (used.has(f.uri) || f.skipped || manifests.partialFiles.has(f.uri)) return false;
      const path = uriPath(f.uri);
      if (kustomizationFolders.has(path.slice(0, path.lastIndexOf('/')) || '/') && f.objects.length > 0) {
        unused.add(f.uri);
        return false;
      }
      return true;
    });
    if (loose.length > 0) {
      for (const view of looseViews(loose, this.identities, settings.defaultNamespace)) {
        const first = view.group && index.relative(uriPath((view.group[0] as FileModel).uri));
        const group = view.group && (view.group.length === 1 ? first : `${first} (+${view.group.length - 1} files)`);
        const api = view.api && POLICY_API_NAME[view.api];
        const name = group && api ? `${group}, ${api}` : (group ?? api ?? 'loose files');
        const id = `loose${first === undefined ? '' : `:${first}`}${view.api ? `@${view.api}` : ''}`;
        const looseView: ClusterView = { id, kind: 'loose', name, root: '', rootPath: '', partial: [], manifests: this.sets.of(id, view.files, manifests.version) };
        add(looseView, view.files);
        looseFiles.set(looseView, view.files);
      }
    }
    const families = looseFiles.size === 0 ? NO_FAMILY_VIEWS : familyViews(looseFiles, loose, (f) => index.relative(f), (id, files) => this.sets.of(id, files, manifests.version));
    this.sets.done();
    this.grouping = grouping;
    return viewsOf(views, index.base, unused, families, undefined, membership);
  }

  private readonly failedPatch = new WeakSet<object>();

  /** The file as the build applies it, reused while the file model and the transforms are the same. */
  private transform(entry: BuildEntry): FileModel {
    if (entry.chain.length === 0) return entry.file;
    let perChain = this.transformed.get(entry.file);
    if (!perChain) this.transformed.set(entry.file, (perChain = new Map<string, FileModel>()));
    let model = perChain.get(entry.chainKey);
    if (!model) {
      // A JSON patch writing a field the lean trees leave out must find it, or fail, as kustomize's does.
      const kinds = new Set(entry.file.objects.map((o) => o.kind));
      const full = entry.chain.some((level) => [...level.patches, ...level.jsonPatches].some((p) => p.type === 'json6902' && reachesLeftOutFields(p.bodies, kinds)));
      let items: BuildItem[] = (full ? fullObjects(entry.file) : entry.file.objects).map((obj) => ({ obj, originalName: obj.name, failedPatches: 0 }));
      for (const level of entry.chain) items = applyLevel(items, level);
      for (const i of items) if (i.failedPatches > 0) this.failedPatch.add(i.obj);
      const file = entry.file;
      model = withDocuments(file, file.documents, items.filter((i) => !i.deleted).map((i) => i.obj), file.problems);
      perChain.set(entry.chainKey, model);
    }
    return model;
  }
}

/**
 * Whether two computations of the views group the files alike: same views (ids, names, partial
 * reasons), the same files in each, the same unused files. The one-view case (the view is the
 * whole workspace) always is: a file added or removed is a changed file of its own.
 */
export function sameShape(a: ClusterViews, b: ClusterViews): boolean {
  if (a === b) return true;
  if (!sameFamilyViews(a.families, b.families)) return false;
  if (a.whole && b.whole) return true;
  if (a.whole !== b.whole || a.views.length !== b.views.length || a.unused.size !== b.unused.size) return false;
  for (const u of a.unused) if (!b.unused.has(u)) return false;
  return a.views.every((v, i) => {
    const w = b.views[i];
    if (!w || v.id !== w.id || v.name !== w.name || v.partial.join('\n') !== w.partial.join('\n') || v.manifests.size !== w.manifests.size) return false;
    if (v.manifests === w.manifests) return true;
    // A set made from the other by a few edits (viewSets.ts) names the files that differ.
    const changed = w.manifests.changesSince(v.manifests);
    if (changed) return [...changed].every((uri) => v.manifests.getFile(uri) !== undefined && w.manifests.getFile(uri) !== undefined);
    for (const f of v.manifests.files()) if (!w.manifests.getFile(f.uri)) return false;
    return true;
  });
}

function viewsOf(
  views: readonly ClusterView[],
  base: string,
  unused: ReadonlySet<string>,
  families: FamilyViews,
  all?: () => boolean,
  membership?: ReadonlyMap<string, readonly number[]>,
): ClusterViews {
  const none: readonly ClusterView[] = [];
  const lists = new Map<string, readonly ClusterView[]>();
  return {
    views,
    base,
    unused,
    whole: all !== undefined,
    families,
    viewsOf(uri) {
      if (all) return views[0]?.manifests.getFile(uri) ? views : none;
      let list = lists.get(uri);
      if (!list) {
        const at = membership?.get(uri);
        list = at ? at.map((i) => views[i] as ClusterView) : none;
        lists.set(uri, list);
      }
      return list;
    },
  };
}

/** The same family views (by id: an id names the family and its files). */
function sameFamilyViews(a: FamilyViews, b: FamilyViews): boolean {
  return a.views.length === b.views.length && a.views.every((v, i) => v.id === b.views[i]?.id);
}

function relativeTo(base: string, path: string): string {
  const rel = posix.relative(base, path);
  return rel.startsWith('..') ? path : rel;
}

/**
 * Globs are written relative to the workspace folder, which this module does not know (a
 * workspace may have several): a glob matches when it matches the path below any folder, so
 * `envs/dev/**` finds `/repo/envs/dev/x.yaml` (and `/repo/deploy/envs/dev/x.yaml`).
 */
function matchesAny(path: string, globs: readonly string[]): boolean {
  const parts = path.split('/').filter((p) => p !== '');
  return globs.some((g) => {
    for (let i = 0; i < parts.length; i++) if (minimatch(parts.slice(i).join('/'), g, { dot: true })) return true;
    return false;
  });
}
