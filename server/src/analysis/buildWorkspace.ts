/**
 * What a WorkspaceAnalysis is built from: every file's extraction joined in workspace order
 * (workloads merged by id, policy ids made unique), the engine over them, and the lookups. Two
 * stages: the join (`Joined`: arrays in workspace order, with where each file's part starts) and
 * the finish (engine, indexes, lookups).
 *
 * After an edit the join is patched instead of redone (`patchJoined`): the edited files' parts
 * are replaced in place. Only where that is certain to give what a full join gives — the same
 * files; no workload id shared with another file (pods of one owner in two files); no policy id
 * renumbered (`ns/name#2`); cluster-wide policies, declared namespaces, route classes and
 * unknown custom resources regrouped from the extractions when the edited file has any —
 * otherwise the join is redone. Either way the engine gets the previous engine's compiled pieces
 * (engine/piecesCarry.ts).
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import type { K8sObject } from '../model/k8sObject';
import type { ManifestSet } from '../model/manifestSet';
import type { ClusterPolicy } from '../engine/clusterPolicyTypes';
import { NONE } from '../collections/none';
import { OverlayMap } from '../collections/overlayMap';
import { replacedRun } from '../engine/listAlignment';
import { Network } from '../engine/network';
import { BuiltLookups } from './builtLookups';
import type { Namespace, Policy, Workload } from '../engine/types';
import type { ExtractionCache, FileExtraction, Sourced, UnknownResource } from './fileExtraction';
import { podCreatorGrants, type PodCreatorGrant } from './podMakers';
import type { Access } from './readAccess';
import type { Route } from './readRoute';
import type { RouteClass } from './readRouteClass';
import type { Service } from './readService';
import type { ClusterPolicyInfo, FileContribution, NamespaceInfo, PolicyInfo, WorkloadInfo } from './workspaceAnalysis';

export interface Built {
  readonly joined: Joined;
  /** The workloads and policies handed to the engine (the next build takes them over while the join's arrays are the same). */
  readonly engineInput: { readonly workloads: readonly Workload[]; readonly policies: readonly Policy[]; readonly namespaces: readonly Namespace[] };
  readonly network: Network;
  readonly workloads: readonly WorkloadInfo[];
  readonly policies: readonly PolicyInfo[];
  readonly namespaces: readonly NamespaceInfo[];
  /** Workloads and policies by manifest, policies by id (answered from the join: nothing built per edit). */
  readonly lookups: BuiltLookups;
  readonly clusterPolicies: readonly ClusterPolicyInfo[];
  readonly clusterPolicyByObject: ReadonlyMap<K8sObject, ClusterPolicyInfo>;
  readonly clusterPolicyById: ReadonlyMap<string, ClusterPolicyInfo>;
}

/** A workload with every manifest it comes from (several Pods of one owner). */
export interface JoinedWorkload {
  readonly value: Workload;
  readonly sources: readonly K8sObject[];
}

/** The extractions joined in workspace order. */
export interface Joined {
  /** What each file contributed, in workspace order (kustomize patches left out). */
  readonly extractions: readonly FileContribution[];
  readonly positionOf: ReadonlyMap<string, number>;
  readonly workloads: readonly JoinedWorkload[];
  /** Ids made unique (`ns/name#2`). */
  readonly policies: readonly Sourced<Policy>[];
  /** Each policy by its unique id (an overlay: a patch adds the edited file's ids as a layer). */
  readonly policyIds: OverlayMap<string, Sourced<Policy>>;
  /**
   * For a manifest some of whose workloads sit in an earlier file's part (Pods of one owner over
   * several files: the workload stands where its first pod is), those files' positions, ascending.
   * A patch never changes it: it is not taken where the edited file shares a workload.
   */
  readonly foreignWorkloads: ReadonlyMap<K8sObject, readonly number[]>;
  readonly services: readonly Sourced<Service>[];
  readonly routes: readonly Sourced<Route>[];
  /** Per file position, where its part of each array starts (one more entry: the lengths). */
  readonly offsets: Offsets;
  /** Declared namespaces, then external ones (undefined source). */
  readonly namespaces: ReadonlyMap<string, Sourced<Namespace> | undefined>;
  readonly clusterPolicies: readonly Sourced<ClusterPolicy>[];
  readonly routeClasses: readonly Sourced<RouteClass>[];
  readonly unknownResources: ReadonlyMap<string, readonly Sourced<UnknownResource>[]>;
  /** The service accounts bindings let create pods, and where (podMakers.ts). */
  readonly podCreatorGrants: readonly PodCreatorGrant[];
}

interface Offsets {
  readonly workloads: Int32Array;
  readonly policies: Int32Array;
  readonly services: Int32Array;
  readonly routes: Int32Array;
}

/** What the previous analysis of the same settings built, and from which manifests. */
export interface CarriedBuild {
  readonly manifests: WeakRef<ManifestSet>;
  readonly built: Built;
}

/** How many changed files a patch takes on before a full join is cheaper. */
const PATCH_LIMIT = 64;

export function buildWorkspace(manifests: ManifestSet, settings: NetpolLensSettings, cache: ExtractionCache, previous: CarriedBuild | undefined): Built {
  const before = previous?.manifests.deref();
  const changed = before && before.partialFiles === manifests.partialFiles ? manifests.changesSince(before, PATCH_LIMIT) : undefined;
  // The previous engine indexes exactly the previous join's workload ids.
  const joinedWorkload = previous && ((id: string): boolean => previous.built.network.workloadById(id) !== undefined);
  const joined = (previous && changed && patchJoined(previous.built.joined, changed, manifests, settings, cache, joinedWorkload)) || join(manifests, settings, cache);
  return finish(joined, previous?.built);
}

export function join(manifests: ManifestSet, settings: NetpolLensSettings, cache: ExtractionCache): Joined {
  const extractions: FileContribution[] = [];
  for (const uri of manifests.sortedUris()) {
    const file = manifests.getFile(uri);
    if (!file || manifests.partialFiles.has(uri)) continue;
    extractions.push({ uri, extraction: cache.get(file, settings.defaultNamespace) });
  }
  const n = extractions.length + 1;
  const offsets: Offsets = { workloads: new Int32Array(n), policies: new Int32Array(n), services: new Int32Array(n), routes: new Int32Array(n) };
  const workloadsById = new Map<string, { value: Workload; sources: K8sObject[]; rank: string }>();
  const policies: Sourced<Policy>[] = [];
  const policyIds = new Map<string, number>();
  const services: Sourced<Service>[] = [];
  const routes: Sourced<Route>[] = [];
  extractions.forEach(({ extraction }, i) => {
    offsets.workloads[i] = workloadsById.size;
    offsets.policies[i] = policies.length;
    offsets.services[i] = services.length;
    offsets.routes[i] = routes.length;
    mergeWorkloads(workloadsById, extraction, cache);
    for (const p of extraction.policies) policies.push(uniqueId(p, policyIds));
    for (const s of extraction.services) services.push(s);
    for (const r of extraction.routes) routes.push(r);
  });
  offsets.workloads[n - 1] = workloadsById.size;
  offsets.policies[n - 1] = policies.length;
  offsets.services[n - 1] = services.length;
  offsets.routes[n - 1] = routes.length;
  const positionOf = new Map(extractions.map((e, i) => [e.uri, i]));
  const workloads = [...workloadsById.values()];
  return {
    extractions,
    positionOf,
    workloads,
    policies,
    policyIds: OverlayMap.of(new Map(policies.map((p) => [p.value.id, p]))),
    foreignWorkloads: foreignWorkloads(workloads, offsets.workloads, positionOf),
    services,
    routes,
    offsets,
    ...grouped(extractions, settings),
  };
}

function foreignWorkloads(workloads: readonly JoinedWorkload[], offsets: Int32Array, positionOf: ReadonlyMap<string, number>): Map<K8sObject, number[]> {
  const out = new Map<K8sObject, number[]>();
  for (let f = 0; f + 1 < offsets.length; f++) {
    for (let i = offsets[f] ?? 0; i < (offsets[f + 1] ?? 0); i++) {
      const w = workloads[i];
      if (!w || w.sources.length < 2) continue;
      for (const s of w.sources) {
        if (positionOf.get(s.uri) === f) continue;
        const list = out.get(s) ?? [];
        if (!list.includes(f)) list.push(f);
        out.set(s, list);
      }
    }
  }
  return out;
}

/** The parts few files have, grouped from every extraction. */
function grouped(
  extractions: readonly FileContribution[],
  settings: NetpolLensSettings,
): Pick<Joined, 'namespaces' | 'clusterPolicies' | 'routeClasses' | 'unknownResources' | 'podCreatorGrants'> {
  const namespaces = new Map<string, Sourced<Namespace> | undefined>();
  const clusterPolicies: Sourced<ClusterPolicy>[] = [];
  const clusterIds = new Map<string, number>();
  const routeClasses: Sourced<RouteClass>[] = [];
  const unknownResources = new Map<string, Sourced<UnknownResource>[]>();
  const access: Sourced<Access>[] = [];
  for (const { extraction } of extractions) {
    for (const a of extraction.access) access.push(a);
    for (const n of extraction.namespaces) if (!namespaces.get(n.value.name)) namespaces.set(n.value.name, n);
    for (const p of extraction.clusterPolicies) clusterPolicies.push(uniqueId(p, clusterIds));
    for (const r of extraction.routeClasses) routeClasses.push(r);
    for (const r of extraction.unknownResources) {
      const list = unknownResources.get(r.value.namespace);
      if (list) list.push(r);
      else unknownResources.set(r.value.namespace, [r]);
    }
  }
  for (const name of settings.externalNamespaces) if (!namespaces.has(name)) namespaces.set(name, undefined);
  return { namespaces, clusterPolicies, routeClasses, unknownResources, podCreatorGrants: access.length === 0 ? NONE : podCreatorGrants(access) };
}

/** Adds a file's workloads: an id seen before gains a source, and the pod ranked first speaks for all. */
function mergeWorkloads(byId: Map<string, { value: Workload; sources: K8sObject[]; rank: string }>, extraction: FileExtraction, cache: ExtractionCache): void {
  for (const w of extraction.workloads) {
    const existing = byId.get(w.value.id);
    if (!existing) byId.set(w.value.id, { value: w.value, sources: [w.source], rank: cache.representativeRank(w) });
    else {
      existing.sources.push(w.source);
      // Pods of one owner may differ (a rollout in progress): one pod, chosen whatever the document order, speaks for all.
      const rank = cache.representativeRank(w);
      if (rank < existing.rank) Object.assign(existing, { value: w.value, rank });
    }
  }
}

/** The object with its id made unique among those seen (`id#2` for the second). */
function uniqueId<T extends { readonly id: string }>(p: Sourced<T>, seen: Map<string, number>): Sourced<T> {
  const n = (seen.get(p.value.id) ?? 0) + 1;
  seen.set(p.value.id, n);
  return n === 1 ? p : { value: { ...p.value, id: `${p.value.id}#${n}` }, source: p.source };
}

/** `previous` with the changed files' parts replaced; undefined where only a full join is certain. */
export function patchJoined(
  previous: Joined,
  changed: ReadonlySet<string>,
  manifests: ManifestSet,
  settings: NetpolLensSettings,
  cache: ExtractionCache,
  /** Whether `previous` joins a workload of this id (without it, its workloads are searched). */
  joinedWorkload: (id: string) => boolean = (id) => previous.workloads.some((w) => w.value.id === id),
): Joined | undefined {
  let joined = previous;
  let regroup = false;
  for (const uri of changed) {
    const position = joined.positionOf.get(uri);
    const file = manifests.getFile(uri);
    if (position === undefined || !file) return undefined;
    const before = joined.extractions[position]?.extraction;
    const now = cache.get(file, settings.defaultNamespace);
    if (!before || before === now) continue;
    if ([before, now].some((e) => e.namespaces.length + e.clusterPolicies.length + e.routeClasses.length + e.unknownResources.length + e.access.length > 0)) regroup = true;
    // Once a file is patched, the join is no longer the one `joinedWorkload` answers for: search it.
    const next = patchFile(joined, position, before, now, cache, joined === previous ? joinedWorkload : (id) => joined.workloads.some((w) => w.value.id === id));
    if (!next) return undefined;
    joined = next;
  }
  return regroup ? { ...joined, ...grouped(joined.extractions, settings) } : joined;
}

function patchFile(joined: Joined, position: number, before: FileExtraction, now: FileExtraction, cache: ExtractionCache, joinedWorkload: (id: string) => boolean): Joined | undefined {
  const { offsets } = joined;
  const range = (o: Int32Array): [number, number] => [o[position] ?? 0, o[position + 1] ?? 0];
  // Workloads: the file's own, none shared with another file.
  const [w0, w1] = range(offsets.workloads);
  const own = new Set(before.workloads.map((w) => w.value.id));
  if (w1 - w0 !== own.size) return undefined;
  for (let i = w0; i < w1; i++) {
    const w = joined.workloads[i];
    if (!w || !own.has(w.value.id) || w.sources.length !== before.workloads.filter((x) => x.value.id === w.value.id).length) return undefined;
  }
  const byId = new Map<string, { value: Workload; sources: K8sObject[]; rank: string }>();
  mergeWorkloads(byId, now, cache);
  for (const id of byId.keys()) if (!own.has(id) && joinedWorkload(id)) return undefined;
  // Policies: none renumbered, before or after.
  const [p0, p1] = range(offsets.policies);
  const ids = new Set(now.policies.map((p) => p.value.id));
  if (ids.size !== now.policies.length || new Set(before.policies.map((p) => p.value.id)).size !== before.policies.length) return undefined;
  for (let i = p0; i < p1; i++) if (joined.policies[i]?.value !== before.policies[i - p0]?.value) return undefined;
  // Another file's policy with one of these ids (before or after), or renumbered after one: its number may change.
  // The first of an id keeps it bare and the next is `#2`, so asking for the id and for `#2` finds any.
  for (const p of before.policies) ids.add(p.value.id);
  const ownPolicies = new Set(before.policies.map((p) => p.value));
  for (const id of ids) {
    const holder = joined.policyIds.get(id);
    if ((holder && !ownPolicies.has(holder.value)) || joined.policyIds.has(`${id}#2`)) return undefined;
  }

  const extractions = [...joined.extractions];
  extractions[position] = { uri: extractions[position]?.uri ?? '', extraction: now };
  const workloads = replaced(joined.workloads, offsets.workloads, position, joinedWorkloads(byId, joined.workloads.slice(w0, w1)));
  const policies = replaced(joined.policies, offsets.policies, position, now.policies);
  const services = replaced(joined.services, offsets.services, position, now.services);
  const routes = replaced(joined.routes, offsets.routes, position, now.routes);
  return {
    ...joined,
    extractions,
    workloads: workloads.items,
    policies: policies.items,
    policyIds: joined.policyIds.with(new Map<string, Sourced<Policy> | undefined>([...before.policies.map((p): [string, undefined] => [p.value.id, undefined]), ...now.policies.map((p): [string, Sourced<Policy>] => [p.value.id, p])])),
    services: services.items,
    routes: routes.items,
    offsets: { workloads: workloads.offsets, policies: policies.offsets, services: services.offsets, routes: routes.offsets },
  };
}

/**
 * A file's merged workloads as joined items: the previous part's item where it holds the very same
 * workload from the very same manifests in the same order (an edit elsewhere in the file), so that
 * an unchanged part keeps its array (`replaced`) and what is made from it is taken over.
 */
function joinedWorkloads(byId: ReadonlyMap<string, { value: Workload; sources: K8sObject[] }>, before: readonly JoinedWorkload[]): JoinedWorkload[] {
  let i = 0;
  const out: JoinedWorkload[] = [];
  for (const w of byId.values()) {
    const old = before[i++];
    out.push(old?.value === w.value && old.sources.length === w.sources.length && old.sources.every((s, k) => s === w.sources[k]) ? old : { value: w.value, sources: w.sources });
  }
  return out;
}

/** The file at `position`'s part of a joined array replaced, and the offsets after it moved by the change in length. */
function replaced<T>(items: readonly T[], offsets: Int32Array, position: number, replacement: readonly T[]): { items: T[]; offsets: Int32Array } {
  const from = offsets[position] ?? 0;
  const to = offsets[position + 1] ?? 0;
  // The same items (an edit elsewhere in the file): the same array, so what is made from it can be taken over.
  if (replacement.length === to - from && replacement.every((item, i) => item === items[from + i])) return { items: items as T[], offsets };
  // One copy of the array (spreading slices made three).
  const out = items.slice(0, from);
  for (const item of replacement) out.push(item);
  for (let i = to; i < items.length; i++) out.push(items[i] as T);
  return { items: out, offsets: shifted(offsets, position, replacement.length - (to - from)) };
}

function shifted(offsets: Int32Array, position: number, delta: number): Int32Array {
  if (delta === 0) return offsets;
  const out = offsets.slice();
  for (let i = position + 1; i < out.length; i++) out[i] = (out[i] ?? 0) + delta;
  return out;
}

/** The engine (given the previous one's compiled pieces) and the lookups over a join, reusing the previous build's where the join is the same. */
function finish(joined: Joined, previous: Built | undefined): Built {
  // While the join's arrays are the very same (the edited file's part did not change), so are the engine's input and the info objects.
  const sameWorkloads = previous?.joined.workloads === joined.workloads;
  const samePolicies = previous?.joined.policies === joined.policies;
  const engineInput = {
    workloads: previous && sameWorkloads ? previous.engineInput.workloads : remade(joined.workloads, previous?.joined.workloads, previous?.engineInput.workloads, (w) => w.value),
    policies: previous && samePolicies ? previous.engineInput.policies : remade(joined.policies, previous?.joined.policies, previous?.engineInput.policies, (p) => p.value),
    namespaces:
      previous?.joined.namespaces === joined.namespaces ? previous.engineInput.namespaces : [...joined.namespaces.entries()].map(([name, n]) => n?.value ?? { name, labels: {} }),
  };
  const network = new Network(
    {
      workloads: engineInput.workloads,
      namespaces: engineInput.namespaces,
      policies: engineInput.policies,
      clusterPolicies: joined.clusterPolicies.map((p) => p.value),
    },
    previous?.network.compiled(),
  );
  const workloads =
    previous && sameWorkloads
      ? previous.workloads
      : reuse(joined.workloads, previous?.joined.workloads, previous?.workloads, (w, index, old) =>
          old?.workload === w.value && old.sources === w.sources ? old : { index, workload: w.value, sources: w.sources },
        );
  const policies =
    previous && samePolicies
      ? previous.policies
      : reuse(joined.policies, previous?.joined.policies, previous?.policies, (p, index, old) => (old?.policy === p.value && old.source === p.source ? old : { index, policy: p.value, source: p.source }));
  const clusterPolicies = joined.clusterPolicies.map((p, index): ClusterPolicyInfo => ({ index, policy: p.value, source: p.source }));
  return {
    joined,
    engineInput,
    network,
    workloads,
    policies,
    namespaces: network.namespaces.map((n): NamespaceInfo => ({ namespace: n, source: joined.namespaces.get(n.name)?.source })),
    lookups: new BuiltLookups(joined, workloads, policies),
    clusterPolicies,
    clusterPolicyByObject: new Map(clusterPolicies.map((p) => [p.source, p])),
    clusterPolicyById: new Map(clusterPolicies.map((p) => [p.policy.id, p])),
  };
}

/**
 * New info objects, the previous build's where index and contents are the same. Where the join
 * replaced one run of its items (`replacedRun`: around it they are the very same objects), the
 * items before the run keep their index and info, and so do those after it while the run kept
 * its length: only the others are visited.
 */
function reuse<S, T>(joined: readonly S[], before: readonly S[] | undefined, previous: readonly T[] | undefined, make: (item: S, index: number, old: T | undefined) => T): T[] {
  if (!before || !previous || previous.length !== before.length) return joined.map((item, i) => make(item, i, undefined));
  const run = replacedRun(before, joined);
  const out = previous.slice(0, run.start);
  const same = joined.length === before.length;
  const to = same ? run.nowEnd : joined.length;
  for (let i = run.start; i < to; i++) out.push(make(joined[i] as S, i, same ? previous[i] : undefined));
  for (let i = run.beforeEnd; to < joined.length && i < previous.length; i++) out.push(previous[i] as T);
  return out;
}

/**
 * `make` of each of the join's items, given what `make` gave for the previous join's items
 * (`before`): outside the run an edit replaced the items are the very same objects, so their
 * values are taken (`make` reads the item alone).
 */
function remade<S, T>(joined: readonly S[], before: readonly S[] | undefined, previous: readonly T[] | undefined, make: (item: S) => T): T[] {
  if (!before || !previous || previous.length !== before.length) return joined.map((item) => make(item));
  const run = replacedRun(before, joined);
  const out = previous.slice(0, run.start);
  for (let i = run.start; i < run.nowEnd; i++) out.push(make(joined[i] as S));
  for (let i = run.beforeEnd; i < previous.length; i++) out.push(previous[i] as T);
  return out;
}
