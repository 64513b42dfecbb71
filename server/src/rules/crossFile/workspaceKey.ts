/**
 * The workspace-wide inputs of the per-policy rules (policyInputs.ts), as a key two analyses
 * compare: any difference re-checks every policy. The namespaces, the namespaces holding
 * workloads and the DNS workloads make one small string; then, per file, its declared namespaces,
 * unknown custom resources and cluster-wide policies (one string per file that has some, made
 * once per extraction). A file's Services are kept apart: the rules read only the Services of a
 * policy's own namespace, so a changed Service re-checks the policies of its namespace.
 *
 * The per-file parts live in overlay maps by uri. A key made after an edit from the previous key
 * reads again only the files that changed (`patched`), and comparing it with that key looks at
 * those files only; any other pair of keys is compared file by file.
 */
import type { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { FileExtraction } from '../../analysis/fileExtraction';
import { OverlayMap } from '../../collections/overlayMap';

export interface WorkspaceKey {
  readonly global: string;
  /** Per file that has some: its declared namespaces, unknown custom resources and cluster-wide policies. */
  readonly files: OverlayMap<string, string>;
  readonly services: OverlayMap<string, ServicePart>;
  /** The key these parts were patched from, and the files read again (not holding that key). */
  readonly patched: { readonly from: WeakRef<WorkspaceKey>; readonly uris: ReadonlySet<string> } | undefined;
}

/** A file's Services: their values as one string, and their namespaces. */
export interface ServicePart {
  readonly key: string;
  readonly namespaces: readonly string[];
}

interface FileParts {
  /** The file the parts were made for (the extraction is its). */
  readonly uri: string;
  /** undefined when the file has none of the parts. */
  readonly file: string | undefined;
  readonly services: ServicePart | undefined;
}

/** Each extraction's parts, made once (handed from key to key). */
export type FilePartsCache = WeakMap<FileExtraction, FileParts>;

/**
 * The parts of every extraction, made once for all analyses: the cluster views holding a file
 * share its extraction (one per model and default namespace), so an edit of a file in many views
 * (istio: 298 of 511) makes its parts once, not once per view.
 */
export const SHARED_FILE_PARTS: FilePartsCache = new WeakMap();

/**
 * The key of an analysis: `previous`'s with the files `uris` read again when given (they are all
 * that changed between the two analyses' manifests), else every file read.
 */
export function workspaceKey(a: WorkspaceAnalysis, global: string, cache: FilePartsCache, previous: { key: WorkspaceKey; uris: ReadonlySet<string> } | undefined): WorkspaceKey {
  const partsOf = (uri: string, extraction: FileExtraction): FileParts => {
    let parts = cache.get(extraction);
    if (parts?.uri !== uri) cache.set(extraction, (parts = fileParts(uri, extraction)));
    return parts;
  };
  if (previous) {
    const files = new Map<string, string | undefined>();
    const services = new Map<string, ServicePart | undefined>();
    for (const uri of previous.uris) {
      const file = a.manifests.partialFiles.has(uri) ? undefined : a.manifests.getFile(uri);
      const parts = file && partsOf(uri, a.extractionOf(file));
      files.set(uri, parts?.file);
      services.set(uri, parts?.services);
    }
    return {
      global,
      files: previous.key.files.with(files),
      services: previous.key.services.with(services),
      patched: { from: new WeakRef(previous.key), uris: previous.uris },
    };
  }
  const files = new Map<string, string>();
  const services = new Map<string, ServicePart>();
  for (const { uri, extraction } of a.fileExtractions()) {
    const parts = partsOf(uri, extraction);
    if (parts.file !== undefined) files.set(uri, parts.file);
    if (parts.services) services.set(uri, parts.services);
  }
  return { global, files: OverlayMap.of(files), services: OverlayMap.of(services), patched: undefined };
}

/** The files whose parts may differ between `before` and `now`: those `now` was patched for, or undefined (any file). */
function patchedFiles(before: WorkspaceKey, now: WorkspaceKey): ReadonlySet<string> | undefined {
  return now.patched?.from.deref() === before ? now.patched.uris : undefined;
}

export function sameKey(before: WorkspaceKey, now: WorkspaceKey): boolean {
  if (before.global !== now.global) return false;
  const uris = patchedFiles(before, now);
  if (uris) return [...uris].every((uri) => before.files.get(uri) === now.files.get(uri));
  return sameEntries(before.files.toMap(), now.files.toMap(), (x, y) => x === y);
}

/**
 * The namespaces whose Services differ between two keys, when the policy inputs were derived by
 * the files `derivedBy`; otherwise 'all' as soon as any file's Services differ.
 */
export function serviceChanges(before: WorkspaceKey, now: WorkspaceKey, derivedBy: ReadonlySet<string> | undefined): Set<string> | 'all' {
  const out = new Set<string>();
  const differs = (uri: string): boolean => before.services.get(uri)?.key !== now.services.get(uri)?.key;
  if (derivedBy) {
    for (const uri of derivedBy) {
      if (!differs(uri)) continue;
      for (const ns of [...(before.services.get(uri)?.namespaces ?? []), ...(now.services.get(uri)?.namespaces ?? [])]) out.add(ns);
    }
    return out;
  }
  // Patched from `before`: only those files can differ.
  const uris = patchedFiles(before, now);
  if (uris) return [...uris].some(differs) ? 'all' : out;
  return sameEntries(before.services.toMap(), now.services.toMap(), (x, y) => x.key === y.key) ? out : 'all';
}

function sameEntries<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>, same: (x: V, y: V) => boolean): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || !same(v, w)) return false;
  }
  return true;
}

/** A file's parts of the key: its declared namespaces, unknown custom resources and cluster-wide policies, and its Services. */
function fileParts(uri: string, e: FileExtraction): FileParts {
  const declared = e.namespaces.map((n) => n.value.name);
  const unknown = e.unknownResources.map((r) => [r.value.namespace, r.value.kind, r.value.name]);
  // The tiers decide before NetworkPolicy (egress-blocks-dns asks them).
  const cluster = e.clusterPolicies.map((p) => p.value);
  const file = declared.length + unknown.length + cluster.length === 0 ? undefined : JSON.stringify([uri, declared, unknown, cluster]);
  const services =
    e.services.length === 0 ? undefined : { key: JSON.stringify(e.services.map((s) => s.value)), namespaces: [...new Set(e.services.map((s) => s.value.namespace))] };
  return { uri, file, services };
}
