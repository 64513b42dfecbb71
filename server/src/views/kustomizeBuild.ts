/**
 * What `kustomize build <root>` would contain, read from the workspace's file models: for every
 * file it includes, the chain of transforms (one level per kustomization or component on the way
 * up) that applies to that file's objects. Nothing is run and nothing is fetched: a remote
 * resource, a Helm chart or a file outside the workspace makes the build partial, with the reason.
 */
import type { FileModel } from '../model/fileModel';
import { splitDocuments } from '../model/splitDocuments';
import { toPlain } from '../model/yamlTree';
import { parseYamlDocument } from '../yaml/parseYamlDocument';
import { isRemoteResource, readKustomization, type KustomizationSpec, type PatchReference } from './kustomization';
import type { ResolvedPatch, TransformLevel } from './kustomizeTransforms';
import { joinPath, type PathIndex } from './pathIndex';

export interface KustomizationFile {
  readonly file: FileModel;
  readonly dir: string;
  readonly spec: KustomizationSpec;
}

/** A file of the build with the transforms that apply to its objects, innermost first. */
export interface BuildEntry {
  readonly file: FileModel;
  readonly chain: readonly TransformLevel[];
  /** Identifies the chain's content: equal keys, equal transforms. */
  readonly chainKey: string;
}

export interface KustomizeBuild {
  readonly entries: readonly BuildEntry[];
  /** Why the build may hold more than the workspace shows (empty: complete). */
  readonly partial: readonly string[];
  /** Kustomizations, components and patch files the build read. */
  readonly used: ReadonlySet<string>;
}

/** Parsed kustomizations and patch files, reused while their file models live. */
export class KustomizeReadCache {
  private readonly specs = new WeakMap<FileModel, KustomizationSpec | null>();
  private readonly patchDocs = new WeakMap<FileModel, readonly unknown[]>();

  spec(file: FileModel): KustomizationSpec | undefined {
    let s = this.specs.get(file);
    if (s === undefined) this.specs.set(file, (s = readKustomization(file.text) ?? null));
    return s ?? undefined;
  }

  /** The plain value of each document of a patch file. */
  documents(file: FileModel): readonly unknown[] {
    let docs = this.patchDocs.get(file);
    if (!docs) {
      docs = splitDocuments(file.text)
        .map((slice) => toPlain(parseYamlDocument(slice.text, slice.start).root))
        .filter((v) => v !== undefined && v !== null);
      this.patchDocs.set(file, docs);
    }
    return docs;
  }
}

/** A file a build names that the workspace did not read: missing, excluded, or over the size cap (argo-workflows' 2.7 MB CRDs). */
const NOT_READ = 'is not among the files read (missing, excluded by netpolLens.include/exclude, or larger than netpolLens.maxFileSizeKb)';

export function buildKustomization(root: KustomizationFile, index: PathIndex, kustomizations: ReadonlyMap<string, KustomizationFile>, cache: KustomizeReadCache): KustomizeBuild {
  const partial: string[] = [];
  const used = new Set<string>();
  const seenFiles = new Set<FileModel>();
  const note = (reason: string): void => {
    if (!partial.includes(reason)) partial.push(reason);
  };

  const levelOf = (k: KustomizationFile): { level: TransformLevel; key: string } => {
    const resolve = (refs: readonly PatchReference[]): ResolvedPatch[] => refs.flatMap((r) => resolvePatch(r, k, index, cache, used, note));
    const level: TransformLevel = {
      namespace: k.spec.namespace,
      namePrefix: k.spec.namePrefix,
      nameSuffix: k.spec.nameSuffix,
      labels: k.spec.labels,
      patches: resolve(k.spec.patches),
      jsonPatches: resolve(k.spec.jsonPatches),
    };
    return { level, key: JSON.stringify(level) };
  };

  const withLevel = (entries: BuildEntry[], level: { level: TransformLevel; key: string }): BuildEntry[] =>
    entries.map((e) => ({ file: e.file, chain: [...e.chain, level.level], chainKey: `${e.chainKey}\n${level.key}` }));

  /**
   * The entries of a kustomization's resources and components, before its own transforms. A
   * component starts from what its parent accumulated so far (`start`): its resources join those,
   * and its own components apply to all of them, as kustomize's do.
   */
  const accumulate = (k: KustomizationFile, stack: readonly string[], start: readonly BuildEntry[] = []): BuildEntry[] => {
    used.add(k.file.uri);
    for (const reason of k.spec.unread) note(`${relative(k.dir)}: ${reason}`);
    let entries: BuildEntry[] = [...start];
    for (const ref of k.spec.resources) {
      if (isRemoteResource(ref)) {
        note(`${relative(k.dir)}: remote resource ${ref} (never fetched)`);
        continue;
      }
      const path = joinPath(k.dir, ref);
      const nested = kustomizations.get(path);
      if (nested) {
        if (stack.includes(path)) {
          note(`${relative(k.dir)}: ${ref} includes itself`);
          continue;
        }
        entries.push(...withLevel(accumulate(nested, [...stack, path]), levelOf(nested)));
        continue;
      }
      const file = index.file(path);
      if (file && !file.skipped) {
        if (seenFiles.has(file)) continue;
        seenFiles.add(file);
        entries.push({ file, chain: [], chainKey: '' });
      } else if (file?.skipped) note(`${relative(k.dir)}: ${ref} was not read (${file.skipped})`);
      else if (index.isFolder(path)) note(`${relative(k.dir)}: ${ref} is a folder without a kustomization`);
      else note(`${relative(k.dir)}: ${ref} ${NOT_READ}`);
    }
    for (const ref of k.spec.components) {
      const path = joinPath(k.dir, ref);
      const component = isRemoteResource(ref) ? undefined : kustomizations.get(path);
      if (!component || stack.includes(path)) {
        note(`${relative(k.dir)}: component ${ref} ${isRemoteResource(ref) ? 'is remote (never fetched)' : 'is not in the workspace'}`);
        continue;
      }
      // A component's transforms (its nested components' first) apply to everything accumulated so far, and to its own resources.
      entries = withLevel(accumulate(component, [...stack, path], entries), levelOf(component));
    }
    return entries;
  };

  const relative = (dir: string): string => index.relative(dir) || '.';
  const entries = withLevel(accumulate(root, [root.dir]), levelOf(root));
  return { entries, partial, used };
}

function resolvePatch(
  ref: PatchReference,
  k: KustomizationFile,
  index: PathIndex,
  cache: KustomizeReadCache,
  used: Set<string>,
  note: (reason: string) => void,
): ResolvedPatch[] {
  let bodies: readonly unknown[];
  if (ref.inline !== undefined) {
    const value = toPlain(parseYamlDocument(ref.inline, 0).root);
    bodies = value === undefined || value === null ? [] : [value];
  } else if (ref.path !== undefined) {
    const file = index.file(joinPath(k.dir, ref.path));
    if (!file) {
      note(`${index.relative(k.dir) || '.'}: patch ${ref.path} ${NOT_READ}`);
      return [];
    }
    used.add(file.uri);
    bodies = cache.documents(file);
  } else return [];
  const json = ref.forceJson || bodies.some((b) => Array.isArray(b));
  if (json) return [{ type: 'json6902', bodies: bodies.flatMap((b): unknown[] => (Array.isArray(b) ? (b as unknown[]) : [])), target: ref.target }];
  return [{ type: 'strategic', bodies, target: ref.target }];
}
