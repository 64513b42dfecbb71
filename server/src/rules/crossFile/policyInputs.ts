/**
 * What the per-policy cross-file rules read, recorded once per analysis, and which policies an
 * edit can have affected: the rest keep their findings from the previous analysis.
 *
 * The contract a per-policy rule (see `policyRule`) keeps: its findings for a policy depend only on
 *   - the policy itself (its YAML node, id and the text of its file);
 *   - the workloads its podSelector selects in its namespace — and, while it selects none, those
 *     it matches by labels in any namespace — and those a peer's podSelector matches by labels, in
 *     any namespace (their ids, labels, kinds, container ports and whether they use the host
 *     network), and their order;
 *   - for its pods, the Services of its namespace whose selectors match them (a change of a label
 *     a Service tests re-checks the policies selecting that workload);
 *   - the other policies of its namespace that select some of its pods, or, when it selects no
 *     workload, every policy of its namespace (stand-in pods);
 *   - the namespaces (names, labels, which are declared), which namespaces hold workloads and how
 *     many, the cluster DNS workloads (`k8s-app: kube-dns`), and the custom resources of kinds the
 *     operator catalogue does not know, per namespace;
 *   - the Services of its namespace (selectors and ports);
 *   - the cluster-wide policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy);
 *   - the settings (one record per settings object).
 * An edit that changes one of the workspace-wide inputs re-checks every policy; otherwise only the
 * policies whose own inputs changed. Policies are matched across analyses by their YAML node,
 * which the model reuses while a document is unchanged and in place.
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import { selectorMatches } from '../../engine/labelSelector';
import { replacedRun } from '../../engine/listAlignment';
import type { LabelSelector, Labels, Policy, PolicyPeer, Workload } from '../../engine/types';
import type { FileModel } from '../../model/fileModel';
import type { ManifestSet } from '../../model/manifestSet';
import { OverlayMap } from '../../collections/overlayMap';
import { PolicyIndex } from './policyIndex';
import type { YMap } from '../../model/yamlTree';
import { ClusterKnowledge } from './clusterKnowledge';
import { sameKey, serviceChanges, SHARED_FILE_PARTS, workspaceKey, type FilePartsCache, type WorkspaceKey } from './workspaceKey';
import { FileMovesBuilder, matchMoved, untouched, type FileMoves } from './movedPolicies';

const DNS_SELECTOR: LabelSelector = { matchLabels: { 'k8s-app': 'kube-dns' } };

interface PolicyState {
  readonly id: string;
  readonly uri: string;
  readonly namespace: string;
  readonly policy: Policy;
  /** Ids of the workloads its podSelector selects. */
  readonly selected: readonly string[];
  /** The model of its file: fixes are computed from the file's text. */
  readonly file: FileModel | undefined;
  // Its peers' selectors and the label keys its selectors test are read from `policy` when a
  // workload change is weighed (`somePeer`, `testsChange`): kept per policy, as a map of
  // sets, they took 9 MB of the large bench workspace's heap.
}

/** The workloads of an analysis, in order, and where each id stands (the engine's: nothing built per analysis). */
interface Workloads {
  readonly list: readonly Workload[];
  indexOf(id: string): number | undefined;
}

export interface PolicyInputs {
  /** Any change re-checks all. */
  readonly workspaceKey: WorkspaceKey;
  /** Each file's parts of the key, by extraction (SHARED_FILE_PARTS: one for all analyses, so unchanged files and other views reuse their strings). */
  readonly fileKeys: FilePartsCache;
  readonly workloads: Workloads;
  /** By YAML node (an overlay: derived inputs add their changes as a layer, see overlayMap.ts). */
  readonly policies: OverlayMap<YMap, PolicyState>;
  /** The workload changes since the inputs these were derived from (kept without holding those inputs). */
  readonly changesSince: WeakMap<PolicyInputs, readonly WorkloadChange[]>;
  /** The policies by file, namespace and the label keys their selectors require. */
  readonly index: PolicyIndex;
  /** The manifests these inputs were read from (not held). */
  readonly manifests: WeakRef<ManifestSet>;
  /** Set when these inputs were derived from earlier ones by the files that changed between them (see `derive`). */
  readonly derived: { readonly from: WeakRef<PolicyInputs>; readonly uris: ReadonlySet<string> } | undefined;
}

/** How many changed files the inputs are derived for; more, and they are read whole. */
const DERIVE_LIMIT = 64;

/**
 * The inputs of this analysis (computed once per analysis). Derived from the previous inputs of
 * the same settings where that is certain: a policy keeps its selection unless a workload change
 * of its namespace flips its podSelector.
 */
export function policyInputs(analysis: WorkspaceAnalysis): PolicyInputs {
  return analysis.carried<PolicyInputs>('crossFile:policyInputs', (a, previous) => {
    const net = a.network;
    const workloads: Workloads = { list: net.workloads, indexOf: (id) => net.workloadById(id) };
    const fileKeys = SHARED_FILE_PARTS;
    // Read from the previous key where the manifests say which files changed since (and which files are patches is the same).
    const before = previous?.manifests.deref();
    const changed = before && before.partialFiles === a.manifests.partialFiles ? a.manifests.changesSince(before, DERIVE_LIMIT) : undefined;
    const global = JSON.stringify([net.namespaces.map((n) => [n.name, n.labels]), [...net.namespacesWithWorkloads()].sort(), [...net.podsMatching(DNS_SELECTOR)].map((i) => net.workloads[i]), a.podMakersKey()]);
    const key = workspaceKey(a, global, fileKeys, previous && changed ? { key: previous.workspaceKey, uris: changed } : undefined);
    const changesSince = new WeakMap<PolicyInputs, readonly WorkloadChange[]>();
    const base = previous && sameKey(previous.workspaceKey, key) ? previous : undefined;
    const changes = base ? workloadChanges(base.workloads, workloads) : [];
    if (base) changesSince.set(base, changes);
    const manifests = new WeakRef(a.manifests);
    const uris = base && changed;
    if (base && uris && derivable(a, base, uris)) {
      const { policies, index } = derive(a, base, uris, changes);
      return { workspaceKey: key, fileKeys, workloads, policies, changesSince, index, manifests, derived: { from: new WeakRef(base), uris } };
    }
    const policies = new Map<YMap, PolicyState>();
    for (const { uri } of a.fileExtractions()) {
      const file = a.manifests.getFile(uri);
      for (const p of a.policiesOfFile(uri)) if (p.source.node) policies.set(p.source.node, stateOf(a, p, base?.policies.get(p.source.node), changes, file, uri));
    }
    return {
      workspaceKey: key,
      fileKeys,
      workloads,
      policies: OverlayMap.of(policies),
      changesSince,
      index: PolicyIndex.of(policies),
      manifests,
      derived: undefined,
    };
  });
}

/**
 * A policy's state: the previous one while the policy, its file and its selection are the same.
 * A policy keeps its selection unless a workload change of its namespace flips its podSelector.
 */
function stateOf(a: WorkspaceAnalysis, p: PolicyInfo, old: PolicyState | undefined, changes: readonly WorkloadChange[], file: FileModel | undefined, uri: string): PolicyState {
  const net = a.network;
  const same = old !== undefined && old.id === p.policy.id && old.namespace === p.policy.namespace;
  const keep = same && !changes.some((c) => c.namespace === old.namespace && flips(old.policy.podSelector, c));
  if (keep && old.file === file && old.uri === uri) return old;
  const selected = keep ? old.selected : [...net.selected(p.index)].map((i) => net.workloads[i]?.id ?? '');
  return { id: p.policy.id, uri, namespace: p.policy.namespace, policy: p.policy, selected, file };
}

/**
 * Whether the policies outside `uris` are the same objects with the same ids as in `base`: no
 * policy of a changed file shares its id with another file's (then numbering, `ns/name#2`, may
 * have moved elsewhere).
 */
function derivable(a: WorkspaceAnalysis, base: PolicyInputs, uris: ReadonlySet<string>): boolean {
  for (const uri of uris) {
    if (a.manifests.partialFiles.has(uri)) return false;
    for (const p of a.policiesOfFile(uri)) if (p.policy.id.includes('#') || a.policyById(`${p.policy.id}#2`)) return false;
    for (const node of base.index.inFile(uri)) {
      const id = base.policies.get(node)?.id ?? '#';
      const now = a.policyById(id);
      if (id.includes('#') || (now && !uris.has(now.source.uri))) return false;
    }
  }
  return true;
}

/** The base's policies with those of the changed files read again, and the others' selections flipped by workload changes. */
function derive(a: WorkspaceAnalysis, base: PolicyInputs, uris: ReadonlySet<string>, changes: readonly WorkloadChange[]): { policies: OverlayMap<YMap, PolicyState>; index: PolicyIndex } {
  const changed = new Map<YMap, PolicyState | undefined>();
  const current = (node: YMap): PolicyState | undefined => (changed.has(node) ? changed.get(node) : base.policies.get(node));
  // A policy an edit only moved is a new node with the very same value (the extraction keeps it): its state is the old node's.
  const byValue = new Map<Policy, PolicyState>();
  for (const uri of uris) {
    for (const node of base.index.inFile(uri)) {
      changed.set(node, undefined);
      const state = base.policies.get(node);
      if (state) byValue.set(state.policy, state);
    }
  }
  const added: [YMap, PolicyState][] = [];
  for (const uri of uris) {
    const file = a.manifests.getFile(uri);
    for (const p of a.policiesOfFile(uri)) {
      const node = p.source.node;
      if (!node) continue;
      const state = stateOf(a, p, base.policies.get(node) ?? byValue.get(p.policy), changes, file, uri);
      changed.set(node, state);
      added.push([node, state]);
    }
  }
  for (const c of changes) {
    for (const node of base.index.inNamespace(c.namespace)) {
      const old = current(node);
      if (!old || uris.has(old.uri) || !flips(old.policy.podSelector, c)) continue;
      const info = a.policyById(old.id);
      if (info) changed.set(node, stateOf(a, info, old, changes, old.file, old.uri));
    }
  }
  return { policies: base.policies.with(changed), index: base.index.patched(uris, added, base.policies) };
}

/**
 * What a policy's peers can match, both directions, ipBlocks left out: with a podSelector,
 * workloads by labels in any namespace (rules name those of other namespaces); without one, every
 * workload of the namespaces its namespaceSelector selects (namespace labels are a
 * workspace-wide input).
 */
function somePeer(policy: Policy, test: (peer: PolicyPeer) => boolean): boolean {
  return somePeerOf(policy.ingress, test) || somePeerOf(policy.egress, test);
}

function somePeerOf(rules: Policy['ingress'], test: (peer: PolicyPeer) => boolean): boolean {
  for (const rule of rules ?? []) {
    for (const peer of rule.peers ?? []) if (!peer.ipBlock && test(peer)) return true;
  }
  return false;
}

export interface PolicyChanges {
  /** Policies of the newer analysis whose findings may differ. */
  readonly recheck: ReadonlySet<YMap>;
  /** Policies of the older one that are gone, with their files. */
  readonly removed: readonly { readonly node: YMap; readonly uri: string }[];
  /**
   * Policies not re-checked whose findings may hold offsets an edit moved (their file, or a file
   * their findings point into, changed), with their node in the older analysis (see movedPolicies.ts).
   */
  readonly moved: ReadonlyMap<YMap, YMap>;
  /** How the changed files' texts changed. */
  readonly moves: FileMoves;
}

/**
 * What changed for the per-policy rules since `before` ('all' when a workspace-wide input
 * changed: every policy must be re-checked). Memoised per pair on the newer analysis.
 */
export function changedPolicies(analysis: WorkspaceAnalysis, before: PolicyInputs): PolicyChanges | 'all' {
  const now = policyInputs(analysis);
  const memo = analysis.memo('crossFile:changedPolicies', () => new WeakMap<PolicyInputs, PolicyChanges | 'all'>());
  let result = memo.get(before);
  if (result === undefined) {
    result = compare(analysis, before, now);
    memo.set(before, result);
  }
  return result;
}

function compare(analysis: WorkspaceAnalysis, before: PolicyInputs, now: PolicyInputs): PolicyChanges | 'all' {
  if (before === now) return { recheck: new Set(), removed: [], moved: new Map(), moves: new Map() };
  if (!sameKey(before.workspaceKey, now.workspaceKey)) return 'all';
  // Messages list workloads in workspace order: the workloads both have must keep theirs.
  if (!sameOrder(before.workloads, now.workloads)) return 'all';

  const changes = now.changesSince.get(before) ?? workloadChanges(before.workloads, now.workloads);
  const countChanged = new Set<string>();
  for (const c of changes) if (!c.before || !c.after) countChanged.add(c.namespace);

  // Derived by the files that changed: only their policies can be edited, added, removed or renumbered.
  const uris = now.derived?.from.deref() === before ? now.derived.uris : undefined;
  // Services are read only for the policy's own namespace (port-is-service-port): a change re-checks that namespace's policies.
  const serviceNamespaces = serviceChanges(before.workspaceKey, now.workspaceKey, uris);
  if (serviceNamespaces === 'all') return 'all';
  const nowInFiles = uris && [...uris].flatMap((u) => now.index.inFile(u));
  const beforeInFiles = uris && [...uris].flatMap((u) => before.index.inFile(u));
  const entries = (inputs: PolicyInputs, nodes: readonly YMap[] | undefined): Iterable<[YMap, PolicyState]> =>
    nodes ? nodes.flatMap((n): [YMap, PolicyState][] => (inputs.policies.has(n) ? [[n, inputs.policies.get(n) as PolicyState]] : [])) : inputs.policies;

  // Policies edited, added, removed or renumbered: the pods they select(ed) and their namespaces.
  const touchedPods = new Set<string>();
  const touchedNamespaces = new Set<string>();
  const edited = new Set<YMap>();
  const touch = (s: PolicyState): void => {
    for (const id of s.selected) touchedPods.add(id);
    touchedNamespaces.add(s.namespace);
  };
  // A policy whose document an edit only moved is the same policy (new node → old node).
  const moves = new FileMovesBuilder();
  const movedNodes = matchMoved(entries(before, beforeInFiles), entries(now, nowInFiles), before.policies, now.policies, moves);
  const movedFrom = new Set(movedNodes.values());
  const previousOf = (node: YMap): PolicyState | undefined => before.policies.get(movedNodes.get(node) ?? node);
  for (const [node, s] of entries(now, nowInFiles)) {
    const old = previousOf(node);
    if (old?.id === s.id) continue;
    edited.add(node);
    touch(s);
    if (old) touch(old);
  }
  const removed: { node: YMap; uri: string }[] = [];
  for (const [node, s] of entries(before, beforeInFiles)) {
    if (movedFrom.has(node)) {
      removed.push({ node, uri: s.uri });
      continue;
    }
    const kept = now.policies.get(node);
    if (kept?.id !== s.id) touch(s);
    if (!kept) removed.push({ node, uri: s.uri });
  }
  // A workload whose set of selecting policies changes changes what is allowed to it.
  const selectionChanges = new Set<WorkloadChange>();
  for (const c of changes) {
    const flipsHere = (s: PolicyState): boolean => s.namespace === c.namespace && flips(s.policy.podSelector, c);
    const inNamespace = (inputs: PolicyInputs): Iterable<[YMap, PolicyState]> => entries(inputs, uris && [...inputs.index.inNamespace(c.namespace)]);
    if (someEntry(inNamespace(before), flipsHere) || someEntry(inNamespace(now), flipsHere)) selectionChanges.add(c);
  }

  // The label keys Services test, per namespace (the Services are the same in both: workspace-wide input).
  const serviceKeys = new Map<string, Set<string>>();
  const changedNamespaces = new Set(changes.map((c) => c.namespace));
  for (const { value } of uris ? [...changedNamespaces].flatMap((ns) => analysis.servicesIn(ns)) : analysis.services()) {
    const keys = serviceKeys.get(value.namespace) ?? new Set<string>();
    for (const k of Object.keys(value.selector)) keys.add(k);
    serviceKeys.set(value.namespace, keys);
  }
  const known = new ClusterKnowledge(analysis);
  const labelsOf = new Map<string, Labels>();
  const namespaceLabels = (ns: string): Labels => {
    let labels = labelsOf.get(ns);
    if (!labels) labelsOf.set(ns, (labels = analysis.network.namespaceLabelsOf(ns)));
    return labels;
  };
  // Derived: the policies the checks below can select are those of the changed files, of the namespaces of the changes, and those whose selectors may match a changed workload (policyIndex.ts).
  let candidates: Iterable<[YMap, PolicyState]> = now.policies;
  if (uris && nowInFiles) {
    const nodes = new Set<YMap>(nowInFiles);
    for (const ns of new Set([...changedNamespaces, ...touchedNamespaces, ...serviceNamespaces])) for (const n of now.index.inNamespace(ns)) nodes.add(n);
    for (const c of changes) for (const w of [c.before, c.after]) if (w) now.index.mayMatch(w.labels, namespaceLabels(c.namespace), nodes);
    // A podSelector testing nothing matches a workload of another namespace only while it selects nothing: its namespace holds no workload (the namespaces without changes hold the same workloads in both).
    if (changes.length > 0) for (const { name } of analysis.network.namespaces) if (!analysis.network.hasWorkloads(name)) for (const n of now.index.selectingAll(name)) nodes.add(n);
    candidates = entries(now, [...nodes]);
  }
  const out = new Set<YMap>();
  // Same YAML in a file whose text changed: re-checked unless the edit left its document and the
  // text around it alone (then its findings move with the text, and so do those of the policies
  // of its namespace, whose findings may point at it).
  const movedNamespaces = new Set<string>();
  const textMoved = (node: YMap, s: PolicyState, old: PolicyState | undefined): boolean => {
    if (old?.file === s.file) return false;
    const change = s.file && moves.change(s.uri, old?.file, s.file);
    if (!change || !s.file || !untouched(s.file, node, change)) return true;
    movedNamespaces.add(s.namespace);
    return false;
  };
  for (const [node, s] of candidates) {
    const old = previousOf(node);
    const standIn = (): boolean => (s.selected.length === 0 || (old?.selected.length ?? 0) === 0) && !known.workloadsKnown(s.namespace, s.namespace);
    if (
      edited.has(node) ||
      serviceNamespaces.has(s.namespace) ||
      textMoved(node, s, old) ||
      // The namespace's workload count is read only in what a policy selecting nothing says.
      (countChanged.has(s.namespace) && (s.selected.length === 0 || (old?.selected.length ?? 0) === 0)) ||
      (touchedNamespaces.has(s.namespace) && standIn()) ||
      s.selected.some((id) => touchedPods.has(id)) ||
      (old?.selected ?? []).some((id) => touchedPods.has(id)) ||
      changes.some((c) =>
        affects(s, c, selectionChanges.has(c), serviceKeys.get(c.namespace), namespaceLabels(c.namespace), s.selected.length === 0 || (old?.selected.length ?? 0) === 0),
      )
    ) {
      out.add(node);
    }
  }
  const moved = new Map<YMap, YMap>();
  for (const ns of movedNamespaces) for (const node of now.index.inNamespace(ns)) if (!out.has(node) && now.policies.has(node)) moved.set(node, movedNodes.get(node) ?? node);
  return { recheck: out, removed, moved, moves: moves.result };
}

function someEntry<K, V>(entries: Iterable<[K, V]>, test: (v: V) => boolean): boolean {
  for (const [, v] of entries) if (test(v)) return true;
  return false;
}

interface WorkloadChange {
  readonly before: Workload | undefined;
  readonly after: Workload | undefined;
  readonly namespace: string;
  /**
   * Same container ports and host-network setting before and after (labels aside, what rules
   * read of a matched workload).
   */
  readonly samePorts: boolean;
  /** For a workload in both: the label keys whose values differ. */
  readonly changedKeys: ReadonlySet<string> | undefined;
}

/**
 * The workloads added, removed or changed. Only the run an edit replaced can hold any: the
 * workloads around it are the very same objects in both (and, ids being unique in each list, an id
 * of the run is in no other part of the other list).
 */
function workloadChanges(before: Workloads, now: Workloads): WorkloadChange[] {
  const { start, beforeEnd, nowEnd } = replacedRun(before.list, now.list);
  const out: WorkloadChange[] = [];
  for (let i = start; i < nowEnd; i++) {
    const w = now.list[i] as Workload;
    const at = before.indexOf(w.id);
    const old = at === undefined ? undefined : before.list[at];
    if (!sameWorkload(old, w)) out.push(change(old, w));
  }
  for (let i = start; i < beforeEnd; i++) {
    const w = before.list[i] as Workload;
    if (now.indexOf(w.id) === undefined) out.push(change(w, undefined));
  }
  return out;
}

/** Whether the workloads both have come in the same order in both (those around the replaced run do). */
function sameOrder(before: Workloads, now: Workloads): boolean {
  const { start, beforeEnd, nowEnd } = replacedRun(before.list, now.list);
  let i = start;
  let j = start;
  for (;;) {
    while (i < beforeEnd && now.indexOf((before.list[i] as Workload).id) === undefined) i++;
    while (j < nowEnd && before.indexOf((now.list[j] as Workload).id) === undefined) j++;
    const a = i < beforeEnd ? before.list[i] : undefined;
    const b = j < nowEnd ? now.list[j] : undefined;
    if (!a || !b) return !a && !b;
    if (a.id !== b.id) return false;
    i++;
    j++;
  }
}

function change(before: Workload | undefined, after: Workload | undefined): WorkloadChange {
  const namespace = (before ?? after)?.namespace ?? '';
  if (!before || !after) return { before, after, namespace, samePorts: false, changedKeys: undefined };
  const samePorts =
    JSON.stringify(before.namedPorts) === JSON.stringify(after.namedPorts) &&
    JSON.stringify(before.unnamedPorts) === JSON.stringify(after.unnamedPorts) &&
    before.namedPortsPartial === after.namedPortsPartial &&
    before.hostNetwork === after.hostNetwork;
  const changedKeys = new Set<string>();
  for (const k of new Set([...Object.keys(before.labels), ...Object.keys(after.labels)])) if (before.labels[k] !== after.labels[k]) changedKeys.add(k);
  return { before, after, namespace, samePorts, changedKeys };
}

function flips(selector: LabelSelector | undefined, c: WorkloadChange): boolean {
  const was = c.before !== undefined && selectorMatches(selector, c.before.labels);
  const is = c.after !== undefined && selectorMatches(selector, c.after.labels);
  return was !== is;
}

/** Whether a workload change can change what the policy's selectors match, or what they see of it. */
function affects(
  s: PolicyState,
  c: WorkloadChange,
  selectionChanges: boolean,
  serviceKeys: ReadonlySet<string> | undefined,
  namespaceLabels: Labels,
  selectsNothing: boolean,
): boolean {
  // Which Services front its pods: a label a Service of the namespace tests changed.
  const serviceChange = c.namespace === s.namespace && c.changedKeys !== undefined && [...c.changedKeys].some((k) => serviceKeys?.has(k));
  const ownPods = c.namespace === s.namespace && (!c.samePorts || selectionChanges || serviceChange);
  // Labels only, ports the same: nothing the selectors test changed, and its pods' ports and policies did not either.
  if (c.changedKeys && c.samePorts && !ownPods && !testsChange(s, c.changedKeys, c)) return false;
  const selector = s.policy.podSelector;
  const was = c.before !== undefined && selectorMatches(selector, c.before.labels);
  const is = c.after !== undefined && selectorMatches(selector, c.after.labels);
  // What its podSelector selects in its namespace, and its pods' ports and selecting policies; in
  // other namespaces its labels are read only in what a policy selecting nothing says.
  if ((was !== is && (c.namespace === s.namespace || selectsNothing)) || ((was || is) && ownPods)) return true;
  // A peer reads of its workloads which they are, and their container ports.
  return somePeer(
    s.policy,
    ({ podSelector, namespaceSelector }) =>
      // Without a podSelector, a peer matches the pods of its namespaces only: the policy's own, or those its namespaceSelector selects.
      (podSelector !== undefined || (namespaceSelector ? selectorMatches(namespaceSelector, namespaceLabels) : c.namespace === s.namespace)) &&
      (flips(podSelector, c) || (!c.samePorts && c.after !== undefined && selectorMatches(podSelector, c.after.labels))),
  );
}

/**
 * Whether one of the policy's selectors (its podSelector, its peers' podSelectors) tests a changed
 * key: with an expression (any value may matter), or in `matchLabels` with the old or new value.
 * A change to other keys or values cannot change what they match.
 */
function testsChange(s: PolicyState, changedKeys: ReadonlySet<string>, c: WorkloadChange): boolean {
  for (const k of changedKeys) {
    const was = c.before?.labels[k];
    const is = c.after?.labels[k];
    if (testsKey(s.policy.podSelector, k, was, is)) return true;
    if (somePeer(s.policy, (peer) => testsKey(peer.podSelector, k, was, is))) return true;
  }
  return false;
}

function testsKey(selector: LabelSelector | undefined, key: string, was: string | undefined, is: string | undefined): boolean {
  if (!selector) return false;
  if (selector.matchExpressions?.some((r) => r.key === key)) return true;
  const labels = selector.matchLabels;
  if (!labels || !Object.hasOwn(labels, key)) return false;
  const value = labels[key];
  return value === was || value === is;
}

function sameWorkload(a: Workload | undefined, b: Workload): boolean {
  return a === b || (a !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
