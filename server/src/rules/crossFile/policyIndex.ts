/**
 * The per-policy rules' policies indexed by what can make an edit concern them: their file, their
 * namespace, and the labels their selectors require. An edit to a few files then finds the
 * policies it may affect without visiting every policy of the workspace (policyInputs.ts).
 *
 * A pod selector (podSelector, or a peer's) can only match a workload having each label its
 * `matchLabels` names (key and value), one of the values of each `In` expression and the key of
 * each `Exists` one: the policy is indexed under those. A peer without podSelector matches every
 * workload of the namespaces its namespaceSelector selects: the policy is indexed under the
 * namespace labels that selector requires (none: it is broad), and found for a workload change
 * in a namespace having them (a peer with neither selector matches nothing; one without
 * namespaceSelector reads its own namespace, whose policies callers take anyway). A podSelector
 * that tests nothing (missing or `{}`) matches every workload: in its own namespace (callers take
 * those policies), and elsewhere it is read only while it selects nothing, that is while its
 * namespace holds no workload (`selectingAll`). Any other selector requiring no label (only
 * `NotIn`/`DoesNotExist`, a peer's `{}`) may match any workload: its policy is "broad", a
 * candidate for every workload change.
 *
 * Immutable: `patched` adds what changed as a layer over the older maps (overlayMap.ts), and each
 * set it changes is an overlay map too (a policy joining a set of thousands, such as those whose
 * peers name the ingress controller's namespace, adds a layer to it instead of copying it), so an
 * older index stays as it was and an edit costs what it changed.
 * A policy whose file changed but whose node, policy and namespace are the same is left in place.
 */
import { OverlayMap } from '../../collections/overlayMap';
import type { LabelSelector, Policy } from '../../engine/types';
import type { YMap } from '../../model/yamlTree';

/** What the index reads of a policy. */
export interface IndexedPolicy {
  readonly uri: string;
  readonly namespace: string;
  readonly policy: Policy;
}

/** A set of policies: an overlay map to `true`. */
type Members = OverlayMap<YMap, true>;
type Sets = OverlayMap<string, Members>;

export class PolicyIndex {
  private constructor(
    private readonly byUri: OverlayMap<string, readonly YMap[]>,
    private readonly byNamespace: Sets,
    private readonly byKey: Sets,
    /** By the namespace labels a peer without podSelector requires of its namespaces. */
    private readonly byNamespaceKey: Sets,
    /** By namespace: the policies whose podSelector tests nothing. */
    private readonly selectAll: Sets,
    private readonly broad: Members,
  ) {}

  static of(policies: ReadonlyMap<YMap, IndexedPolicy>): PolicyIndex {
    const empty = OverlayMap.of(new Map<string, never>());
    return new PolicyIndex(empty, empty, empty, empty, empty, NO_MEMBERS).patched([], policies);
  }

  /** The policies of a file (as of this index). */
  inFile(uri: string): readonly YMap[] {
    return this.byUri.get(uri) ?? [];
  }

  inNamespace(namespace: string): Iterable<YMap> {
    return members(this.byNamespace.get(namespace));
  }

  /**
   * Policies of other namespaces one of whose selectors may match a workload with these labels in
   * a namespace with these labels, but for those whose podSelector tests nothing (`selectingAll`).
   */
  mayMatch(labels: Readonly<Record<string, string>>, namespaceLabels: Readonly<Record<string, string>>, into: Set<YMap>): void {
    for (const node of this.broad.keys()) into.add(node);
    addEntries(this.byKey, labels, into);
    addEntries(this.byNamespaceKey, namespaceLabels, into);
  }

  /** The policies of a namespace whose podSelector tests nothing (missing or `{}`): they select every workload of it. */
  selectingAll(namespace: string): Iterable<YMap> {
    return members(this.selectAll.get(namespace));
  }

  /** This index with the policies of `uris` (as `before` had them) replaced by `added` (the policies now in those files). */
  patched(uris: Iterable<string>, added: Iterable<readonly [YMap, IndexedPolicy]>, before?: Pick<ReadonlyMap<YMap, IndexedPolicy>, 'get'>): PolicyIndex {
    // The changes to each set this patch changes (true: joins, undefined: leaves).
    const namespaces = new Map<string, Map<YMap, true | undefined>>();
    const keys = new Map<string, Map<YMap, true | undefined>>();
    const namespaceKeys = new Map<string, Map<YMap, true | undefined>>();
    const selectAll = new Map<string, Map<YMap, true | undefined>>();
    const broad = new Map<YMap, true | undefined>();
    const edit = (changes: Map<string, Map<YMap, true | undefined>>, key: string): Map<YMap, true | undefined> => {
      let set = changes.get(key);
      if (!set) changes.set(key, (set = new Map<YMap, true | undefined>()));
      return set;
    };
    const setOf = ([kind, key]: Slot): Map<YMap, true | undefined> => {
      if (kind === 'namespace') return edit(namespaces, key);
      if (kind === 'key') return edit(keys, key);
      if (kind === 'namespaceKey') return edit(namespaceKeys, key);
      if (kind === 'selectAll') return edit(selectAll, key);
      return broad;
    };
    const gone = new Map<YMap, IndexedPolicy>();
    const lists = new Map<string, YMap[] | undefined>();
    for (const uri of uris) {
      for (const node of this.byUri.get(uri) ?? []) {
        const p = before?.get(node);
        if (p) gone.set(node, p);
      }
      lists.set(uri, undefined);
    }
    const fresh = new Map<YMap, IndexedPolicy>();
    for (const [node, p] of added) {
      let list = lists.get(p.uri);
      if (!list) lists.set(p.uri, (list = lists.has(p.uri) ? [] : [...(this.byUri.get(p.uri) ?? [])]));
      list.push(node);
      const old = gone.get(node);
      // What the index reads of a policy is its policy and namespace: the same, and it stays where it is.
      if (old && old.policy === p.policy && old.namespace === p.namespace) gone.delete(node);
      else fresh.set(node, p);
    }
    // A policy edited in place (its node kept) leaves and joins only the sets that differ: a port edit copies none.
    for (const [node, p] of gone) {
      const now = fresh.get(node);
      const was = slotsOf(p);
      const is = now ? slotsOf(now) : new Map<string, Slot>();
      for (const [name, slot] of was) if (!is.has(name)) setOf(slot).set(node, undefined);
      for (const [name, slot] of is) if (!was.has(name)) setOf(slot).set(node, true);
    }
    for (const [node, p] of fresh) if (!gone.has(node)) for (const slot of slotsOf(p).values()) setOf(slot).set(node, true);
    const byUri = new Map<string, readonly YMap[] | undefined>();
    for (const [uri, list] of lists) if (!sameList(this.byUri.get(uri), list)) byUri.set(uri, list);
    return new PolicyIndex(
      this.byUri.with(byUri),
      patchedSets(this.byNamespace, namespaces),
      patchedSets(this.byKey, keys),
      patchedSets(this.byNamespaceKey, namespaceKeys),
      patchedSets(this.selectAll, selectAll),
      this.broad.with(broad),
    );
  }
}

function sameList(a: readonly YMap[] | undefined, b: readonly YMap[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((n, i) => n === b[i]));
}

const NO_MEMBERS: Members = OverlayMap.of(new Map<YMap, true>());

function members(set: Members | undefined): Iterable<YMap> {
  return set ? set.keys() : [];
}

/** Each changed set with its changes as a layer. */
function patchedSets(sets: Sets, changes: ReadonlyMap<string, ReadonlyMap<YMap, true | undefined>>): Sets {
  const next = new Map<string, Members>();
  for (const [key, change] of changes) next.set(key, (sets.get(key) ?? NO_MEMBERS).with(change));
  return sets.with(next);
}

function addEntries(sets: Sets, labels: Readonly<Record<string, string>>, into: Set<YMap>): void {
  for (const [key, value] of Object.entries(labels)) {
    for (const node of members(sets.get(pairEntry(key, value)))) into.add(node);
    for (const node of members(sets.get(keyEntry(key)))) into.add(node);
  }
}

/** One set the index files a policy in: by namespace, by a label its selectors require, by a namespace label, selecting its namespace, broad. */
type Slot = readonly ['namespace' | 'key' | 'namespaceKey' | 'selectAll' | 'broad', string];

/** The sets a policy is filed in, each under a name saying both kind and key. */
function slotsOf(p: IndexedPolicy): Map<string, Slot> {
  const out = new Map<string, Slot>();
  const put = (slot: Slot): void => void out.set(`${slot[0]}\u0002${slot[1]}`, slot);
  put(['namespace', p.namespace]);
  const required = requiredKeys(p.policy);
  for (const key of required.keys) put(['key', key]);
  for (const key of required.namespaceKeys) put(['namespaceKey', key]);
  if (required.selectsAll) put(['selectAll', p.namespace]);
  if (required.isBroad) put(['broad', '']);
  return out;
}

/** What the index files a policy under (see the top of this file). */
interface Required {
  /** The workload labels (or keys) its pod selectors require. */
  readonly keys: Set<string>;
  /** The namespace labels (or keys) the namespaceSelectors of its peers without podSelector require. */
  readonly namespaceKeys: Set<string>;
  /** Its podSelector tests nothing. */
  readonly selectsAll: boolean;
  /** A selector other than that requires no label. */
  readonly isBroad: boolean;
}

function requiredKeys(policy: Policy): Required {
  const keys = new Set<string>();
  const namespaceKeys = new Set<string>();
  const podSelector = policy.podSelector;
  const selectsAll = Object.keys(podSelector?.matchLabels ?? {}).length === 0 && (podSelector?.matchExpressions ?? []).length === 0;
  let isBroad = false;
  const file = (selector: LabelSelector | undefined, into: Set<string>): void => {
    const own = entriesOf(selector);
    if (own.length === 0) isBroad = true;
    for (const k of own) into.add(k);
  };
  if (!selectsAll) file(podSelector, keys);
  for (const rules of [policy.ingress, policy.egress]) {
    for (const rule of rules ?? []) {
      for (const peer of rule.peers ?? []) {
        if (peer.ipBlock) continue;
        if (peer.podSelector) file(peer.podSelector, keys);
        else if (peer.namespaceSelector) file(peer.namespaceSelector, namespaceKeys);
      }
    }
  }
  return { keys, namespaceKeys, selectsAll, isBroad };
}

/** The labels (or keys) a selector requires, as index entries (none: it may match anything). */
function entriesOf(selector: LabelSelector | undefined): string[] {
  const own = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => pairEntry(k, v));
  for (const r of selector?.matchExpressions ?? []) {
    if (r.operator === 'Exists') own.push(keyEntry(r.key));
    // `In` matches one of its values: each is an entry (no value: it matches nothing, any entry will do).
    else if (r.operator === 'In') own.push(...(r.values?.length ? r.values.map((v) => pairEntry(r.key, v)) : [keyEntry(r.key)]));
  }
  return own;
}

function pairEntry(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function keyEntry(key: string): string {
  return `${key}\u0001`;
}
