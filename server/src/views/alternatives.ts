/**
 * Files outside kustomize that define the same object (same kind, namespace and name) are
 * alternatives — `install.yaml` beside `ha/install.yaml`, a bundle beside its namespaced variant —
 * never applied together. This splits such files into groups that can be: each group, with the
 * files that conflict with nothing, is one view; a group also takes the compatible files of its
 * sibling folders (an add-on folder replacing part of a split bundle).
 *
 * A Namespace repeated in several files is the usual way to make each file applicable on its own,
 * not an alternative, so Namespaces never make files conflict. Objects whose name the model did not
 * read (kinds the rules do not analyse) cannot be compared and never conflict either.
 *
 * The two generations of the cluster-wide policy API are alternatives too: v1alpha2
 * ClusterNetworkPolicy replaced v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy, an
 * implementation serves one of them, and nothing orders a policy of one against the other. Where
 * loose files hold both, each generation's files are read with the files holding neither (a file
 * holding both stays with both, as written).
 */
import { posix } from 'node:path';
import type { FileModel } from '../model/fileModel';
import { uriPath } from './pathIndex';

export interface LoosePartition {
  /** Files that conflict with no other file: in every loose view. */
  readonly common: readonly FileModel[];
  /** Groups of files that may be applied together; empty when nothing conflicts. */
  readonly groups: readonly (readonly FileModel[])[];
}

/** A generation of the cluster-wide policy API. */
export type PolicyApi = 'v1alpha1' | 'v1alpha2';

export const POLICY_API_NAME: Record<PolicyApi, string> = {
  v1alpha1: 'AdminNetworkPolicy API v1alpha1',
  v1alpha2: 'ClusterNetworkPolicy API v1alpha2',
};

const API_OF_KIND: Readonly<Record<string, PolicyApi>> = {
  AdminNetworkPolicy: 'v1alpha1',
  BaselineAdminNetworkPolicy: 'v1alpha1',
  ClusterNetworkPolicy: 'v1alpha2',
};

interface FileIdentity {
  readonly ids: readonly string[];
  readonly api: PolicyApi | undefined;
}

/** The identities of the objects a file defines, and the policy API it needs, reused while its model lives. */
export class IdentityCache {
  private readonly byFile = new WeakMap<FileModel, FileIdentity>();

  of(file: FileModel, defaultNamespace: string): readonly string[] {
    return this.entry(file, defaultNamespace).ids;
  }

  /** The cluster-wide policy API the file's policies are written for; undefined when it holds none, or both. */
  apiOf(file: FileModel, defaultNamespace: string): PolicyApi | undefined {
    return this.entry(file, defaultNamespace).api;
  }

  private entry(file: FileModel, defaultNamespace: string): FileIdentity {
    let entry = this.byFile.get(file);
    if (!entry) {
      const set = new Set<string>();
      const apis = new Set<PolicyApi>();
      for (const o of file.objects) {
        const api = API_OF_KIND[o.kind];
        if (api) apis.add(api);
        if (o.name === undefined || o.kind === 'Namespace') continue;
        set.add(`${o.kind}\u0000${o.namespace ?? defaultNamespace}\u0000${o.name}`);
      }
      entry = { ids: [...set], api: apis.size === 1 ? [...apis][0] : undefined };
      this.byFile.set(file, entry);
    }
    return entry;
  }
}

/** One loose view: `group` is the alternative it stands for (absent when nothing conflicts), `api` the policy API generation it reads. */
export interface LooseView {
  readonly files: readonly FileModel[];
  readonly group?: readonly FileModel[];
  readonly api?: PolicyApi;
}

/** The loose files' views: one per policy API generation where both are written, each split into alternatives. */
export function looseViews(files: readonly FileModel[], identities: IdentityCache, defaultNamespace: string): LooseView[] {
  const apis = new Set<PolicyApi>();
  for (const f of files) {
    const api = identities.apiOf(f, defaultNamespace);
    if (api) apis.add(api);
  }
  const generations: (PolicyApi | undefined)[] = apis.size > 1 ? [...apis].sort() : [undefined];
  return generations.flatMap((api) => {
    const members = api === undefined ? files : files.filter((f) => (identities.apiOf(f, defaultNamespace) ?? api) === api);
    const { common, groups } = partitionLoose(members, identities, defaultNamespace);
    if (groups.length === 0) return [{ files: members, api }];
    return groups.map((group) => ({ files: [...group, ...common], group, api }));
  });
}

export function partitionLoose(files: readonly FileModel[], identities: IdentityCache, defaultNamespace: string): LoosePartition {
  const owners = new Map<string, FileModel[]>();
  for (const f of files) {
    for (const id of identities.of(f, defaultNamespace)) {
      const list = owners.get(id);
      if (list) list.push(f);
      else owners.set(id, [f]);
    }
  }
  const conflicts = new Map<FileModel, Set<FileModel>>();
  for (const list of owners.values()) {
    if (list.length < 2) continue;
    for (const a of list) {
      let set = conflicts.get(a);
      if (!set) conflicts.set(a, (set = new Set()));
      for (const b of list) if (b !== a) set.add(b);
    }
  }
  if (conflicts.size === 0) return { common: files, groups: [] };
  const common = files.filter((f) => !conflicts.has(f));
  const sorted = [...conflicts.keys()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  // Within a folder, files that do not conflict belong together (a bundle split into files);
  // each file goes to the first group of its folder it conflicts with nothing in.
  const groups: { folder: string; files: FileModel[] }[] = [];
  for (const f of sorted) {
    const folder = posix.dirname(uriPath(f.uri));
    const mine = conflicts.get(f) as Set<FileModel>;
    const group = groups.find((g) => g.folder === folder && !g.files.some((x) => mine.has(x)));
    if (group) group.files.push(f);
    else groups.push({ folder, files: [f] });
  }
  // A group then takes the files of its sibling folders that conflict with none of its members: an
  // add-on folder that replaces a few files of a split bundle (sock-shop's `manifests-jaeger/`
  // beside `manifests/`) is applied with the rest of that bundle, not alone.
  const byParent = new Map<string, { file: FileModel; folder: string }[]>();
  for (const f of sorted) {
    const folder = posix.dirname(uriPath(f.uri));
    const parent = posix.dirname(folder);
    const list = byParent.get(parent);
    if (list) list.push({ file: f, folder });
    else byParent.set(parent, [{ file: f, folder }]);
  }
  const conflictsWith = (f: FileModel, members: ReadonlySet<FileModel>): boolean => {
    for (const c of conflicts.get(f) ?? []) if (members.has(c)) return true;
    return false;
  };
  for (const group of groups) {
    const members = new Set(group.files);
    for (const { file, folder } of byParent.get(posix.dirname(group.folder)) ?? []) {
      if (folder === group.folder || members.has(file) || conflictsWith(file, members)) continue;
      members.add(file);
      group.files.push(file);
    }
  }
  return { common, groups: groups.map((g) => g.files) };
}
