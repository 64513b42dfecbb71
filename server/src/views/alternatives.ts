/**
 * Files outside kustomize that define the same object (same kind, namespace and name) are
 * alternatives — `install.yaml` beside `ha/install.yaml`, a bundle beside its namespaced variant —
 * never applied together. This splits such files into groups that can be: each group, with the
 * files that conflict with nothing, is one view.
 *
 * A Namespace repeated in several files is the usual way to make each file applicable on its own,
 * not an alternative, so Namespaces never make files conflict. Objects whose name the model did not
 * read (kinds the rules do not analyse) cannot be compared and never conflict either.
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

/** The identities of the objects a file defines, reused while its model lives. */
export class IdentityCache {
  private readonly byFile = new WeakMap<FileModel, readonly string[]>();

  of(file: FileModel, defaultNamespace: string): readonly string[] {
    let ids = this.byFile.get(file);
    if (!ids) {
      const set = new Set<string>();
      for (const o of file.objects) {
        if (o.name === undefined || o.kind === 'Namespace') continue;
        set.add(`${o.kind}\u0000${o.namespace ?? defaultNamespace}\u0000${o.name}`);
      }
      ids = [...set];
      this.byFile.set(file, ids);
    }
    return ids;
  }
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
  return { common, groups: groups.map((g) => g.files) };
}
