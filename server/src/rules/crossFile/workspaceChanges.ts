/**
 * What changed between the manifests a carried result was computed from and an analysis: the
 * files whose model differs, and what those files contributed before and after, by kind and
 * namespace. Rules judged per item (`itemRule`) re-judge only the items whose inputs appear here.
 *
 * Unchanged files are told by identity: an edit builds a new FileModel for the edited file only,
 * kustomize views reuse a file's transformed copy while the file and its transforms are the same,
 * and a FileModel's extraction is one object while the model lives. So a file not listed here
 * contributes exactly what it did, and the extractions compared are never recomputed.
 */
import type { FileExtraction, Sourced } from '../../analysis/fileExtraction';
import type { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { FileModel } from '../../model/fileModel';
import type { ManifestSet } from '../../model/manifestSet';

export interface WorkspaceChanges {
  /** Files added, removed, edited, or now (no longer) a kustomize patch. */
  readonly files: ReadonlySet<string>;
  /** Namespaces where a workload (its id, labels, ports, host network, order) was added, removed or changed. */
  readonly workloads: ReadonlySet<string>;
  /** The same for NetworkPolicies. */
  readonly policies: ReadonlySet<string>;
  /** The same for Services. */
  readonly services: ReadonlySet<string>;
  /** The same for custom resources of kinds the operator catalogue does not know. */
  readonly unknownResources: ReadonlySet<string>;
  /** Namespaces of anything a changed file held before or after (findings anchored in those files may move). */
  readonly inChangedFiles: ReadonlySet<string>;
  /** A changed file holds (or held) a Namespace manifest. */
  readonly namespaces: boolean;
  /** A changed file holds (or held) a cluster-wide policy (findings are anchored in it, so its offsets count too). */
  readonly clusterPolicies: boolean;
  /** An IngressClass, GatewayClass or Gateway was added, removed or changed. */
  readonly routeClasses: boolean;
}

/** The changes from `since` to the analysis's manifests (computed once per pair; same settings assumed: carries are per settings). */
export function workspaceChanges(analysis: WorkspaceAnalysis, since: ManifestSet): WorkspaceChanges {
  const memo = analysis.memo('crossFile:workspaceChanges', () => new WeakMap<ManifestSet, WorkspaceChanges>());
  let changes = memo.get(since);
  if (!changes) {
    changes = compare(analysis, since, analysis.manifests);
    memo.set(since, changes);
  }
  return changes;
}

/** Whether a namespace's workloads, NetworkPolicies or Services changed. */
export function podsOrPoliciesChanged(changes: WorkspaceChanges, namespace: string): boolean {
  return changes.workloads.has(namespace) || changes.policies.has(namespace) || changes.services.has(namespace);
}

const CATEGORIES = ['workloads', 'policies', 'services', 'unknownResources'] as const;

function compare(analysis: WorkspaceAnalysis, before: ManifestSet, after: ManifestSet): WorkspaceChanges {
  const sets = { workloads: new Set<string>(), policies: new Set<string>(), services: new Set<string>(), unknownResources: new Set<string>(), inChangedFiles: new Set<string>() };
  const flags = { namespaces: false, clusterPolicies: false, routeClasses: false };
  const files = new Set<string>();
  const read = (set: ManifestSet, uri: string): FileModel | undefined => (set.partialFiles.has(uri) ? undefined : set.getFile(uri));
  for (const uri of changedUris(before, after)) {
    const old = read(before, uri);
    const now = read(after, uri);
    if (old === now) continue;
    files.add(uri);
    const a = old && analysis.extractionOf(old);
    const b = now && analysis.extractionOf(now);
    for (const category of CATEGORIES) {
      const x = a?.[category] ?? [];
      const y = b?.[category] ?? [];
      if (!sameValues(x, y)) for (const item of [...x, ...y]) sets[category].add(item.value.namespace);
    }
    for (const e of [a, b]) if (e) noteContents(e, sets.inChangedFiles, flags);
    if (!sameValues(a?.routeClasses ?? [], b?.routeClasses ?? [])) flags.routeClasses = true;
  }
  return { files, ...sets, ...flags };
}

function noteContents(e: FileExtraction, namespaces: Set<string>, flags: { namespaces: boolean; clusterPolicies: boolean }): void {
  for (const category of CATEGORIES) for (const item of e[category]) namespaces.add(item.value.namespace);
  for (const r of e.routes) namespaces.add(r.value.namespace);
  if (e.namespaces.length > 0) flags.namespaces = true;
  if (e.clusterPolicies.length > 0) flags.clusterPolicies = true;
}

/** Files whose model may differ: from the set's history when `after` was made from `before`, else by comparing every file. */
function changedUris(before: ManifestSet, after: ManifestSet): Iterable<string> {
  const partial = before.partialFiles === after.partialFiles ? [] : [...before.partialFiles, ...after.partialFiles];
  const known = after.changesSince(before) ?? before.changesSince(after);
  if (known) return [...known, ...partial];
  const out = new Set<string>(partial);
  for (const f of after.files()) if (before.getFile(f.uri) !== f) out.add(f.uri);
  for (const f of before.files()) if (!after.getFile(f.uri)) out.add(f.uri);
  return out;
}

/**
 * Same values from objects of the same names (a pod's name decides which of an owner's pods
 * speaks for it), item by item: the very same value (an object an edit only moved keeps its
 * extraction's values) or the same JSON.
 */
function sameValues(a: readonly Sourced<unknown>[], b: readonly Sourced<unknown>[]): boolean {
  if (a.length !== b.length) return false;
  const text = (x: Sourced<unknown>): string => JSON.stringify([x.value, x.source.name]);
  return a.every((x, i) => {
    const y = b[i] as Sourced<unknown>;
    return x.source.name === y.source.name && (x.value === y.value || text(x) === text(y));
  });
}
