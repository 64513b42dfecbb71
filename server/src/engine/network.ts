/**
 * The engine: one immutable view of a cluster (workloads, namespaces, policies) answering who is
 * selected, who is isolated, and what each rule allows, following SEMANTICS.md. Everything is
 * computed lazily and cached on the instance; build a new instance for a new input.
 *
 * Selectors resolve through label indexes into workload bitsets, so the cost of a policy does
 * not grow with the number of policies × workloads beyond the size of its answer.
 */
import { AddressSet } from './addressSet';
import { ClusterLayer, type TieredAnswer } from './clusterLayer';
import { LabelIndex } from './labelIndex';
import { NamespacePods } from './namespacePods';
import { selectorKey } from './labelSelector';
import { IdIndex } from './idIndex';
import { alignment, type Alignment } from './listAlignment';
import { carryFrom, type CompiledPieces, type PiecesByDirection, type PiecesCarry } from './piecesCarry';
import { governedDirections, rulesOf } from './policyTypes';
import { compilePorts, type PortSpec } from './portSpec';
import {
  NAMESPACE_NAME_LABEL,
  type Direction,
  type EngineInput,
  type LabelSelector,
  type Namespace,
  type Policy,
  type PolicyPeer,
  type RuleRef,
  type Workload,
} from './types';
import { WorkloadSet } from './workloadSet';

/** One peer of one rule (or the whole rule when it has no peers), with what it matches. */
export interface AllowedPiece {
  readonly rule: RuleRef;
  /** Pods the peer matches (an ipBlock matches no pod). */
  readonly workloads: WorkloadSet;
  /** Addresses the peer matches: the ipBlock, or every address for a rule without peers. */
  readonly addresses: AddressSet;
  readonly ports: PortSpec;
}

/** What a workload may do in one direction, and why. */
export interface DirectionAnswer {
  readonly workload: Workload;
  readonly direction: Direction;
  /** Policies selecting the workload that govern this direction (indexes into `policies`). */
  readonly policies: readonly number[];
  /** False: nothing governs this direction, everything is allowed. */
  readonly isolated: boolean;
  /** The union of these is what is allowed when isolated. */
  readonly pieces: readonly AllowedPiece[];
}

const EMPTY_LABELS: Readonly<Record<string, string>> = {};

export class Network {
  readonly workloads: readonly Workload[];
  readonly namespaces: readonly Namespace[];
  readonly policies: readonly Policy[];
  private readonly workloadIndex: IdIndex;
  private readonly policyIndex: ReadonlyMap<string, number>;
  private readonly podLabels: LabelIndex;
  private readonly namespaceLabels: LabelIndex;
  private readonly podsByNamespace: NamespacePods;
  private readonly selectedCache = new Map<number, WorkloadSet>();
  /** Compiled pieces by policy object (some taken from the Network of the previous input, see piecesCarry.ts). */
  private readonly piecesByPolicy = new Map<Policy, PiecesByDirection>();
  private readonly carried: PiecesCarry | undefined;
  private readonly answerCache = new Map<string, DirectionAnswer>();
  private readonly selectingCache = new Map<number, readonly number[]>();
  private readonly policiesByNamespace: ReadonlyMap<string, readonly number[]>;
  /** Every namespace a workload or policy lives in, in order of first appearance (workloads first). */
  private readonly livedIn: readonly string[];
  /** The input's namespaces (Namespace manifests and external ones). */
  private readonly declared: readonly Namespace[];
  /** The workloads of the namespaces a namespaceSelector matches, by the selector's key: peers of many policies share one. */
  private readonly scopeCache = new Map<string, WorkloadSet>();
  /**
   * One compiled spec per distinct `ports` (by its key): most rules of a workspace allow the same
   * few ports, and a spec with its port set is about 500 bytes (7.5 MB over the large bench
   * workspace's 15,000 peers, 0.3 MB shared). Specs are values: nothing keys on a spec but the
   * port resolver's caches, which then answer once per spec instead of once per rule.
   */
  private readonly portSpecs = new Map<string, PortSpec>();
  /** AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy: the tiers around NetworkPolicy. */
  readonly cluster: ClusterLayer;

  /** `previous`: what the Network of an earlier version of the input compiled (see piecesCarry.ts). */
  constructor(input: EngineInput, previous?: CompiledPieces) {
    // The previous input's id indexes hold while every index keeps its id (and, for policies, its namespace).
    const sameWorkloads = previous !== undefined && sameIds(previous.workloads, input.workloads, false);
    const samePolicies = previous !== undefined && sameIds(previous.lookups.policies, input.policies, true);
    // The previous workloads kept as they were, by pointer: an edit replaces one file's part.
    const aligned = previous && alignment(previous.workloads, input.workloads);
    const moved = previous && aligned && !sameWorkloads ? movedIds(previous.lookups.workloadIndex, aligned, input.workloads) : undefined;
    if (previous && sameWorkloads) {
      this.workloads = input.workloads;
      this.workloadIndex = previous.lookups.workloadIndex;
    } else if (moved) {
      this.workloads = input.workloads;
      this.workloadIndex = moved;
    } else {
      const [unique, index] = uniqueById(input.workloads);
      this.workloads = unique;
      this.workloadIndex = IdIndex.of(index);
    }
    if (previous && samePolicies) {
      this.policies = input.policies;
      this.policyIndex = previous.lookups.policyIndex;
      this.policiesByNamespace = previous.lookups.policiesByNamespace;
    } else {
      [this.policies, this.policyIndex] = uniqueById(input.policies);
      this.policiesByNamespace = indexesBy(this.policies, (p) => p.namespace);
    }
    const workloads = this.workloads;
    this.livedIn =
      previous && sameWorkloads && samePolicies && sameNamespaces(previous.workloads, workloads)
        ? previous.lookups.livedIn
        : sameOrPrevious(firstAppearances([input.workloads, input.policies]), previous?.lookups.livedIn);
    // The same declared namespaces (the same array: the build takes it over) and the same namespaces lived in: the same list.
    this.declared = input.namespaces;
    this.namespaces =
      previous && previous.lookups.declared === input.namespaces && previous.lookups.livedIn === this.livedIn ? previous.namespaces : completeNamespaces(input.namespaces, this.livedIn);
    this.carried = previous && carryFrom(previous, workloads, this.workloadIndex, this.namespaces, this.workloads === input.workloads ? aligned?.step : undefined);
    const same = this.carried?.indexes;
    this.podLabels = this.carried?.podLabels ?? new LabelIndex(workloads.map((w) => w.labels));
    this.namespaceLabels = same?.namespaceLabels ?? new LabelIndex(this.namespaces.map((n) => n.labels));
    this.podsByNamespace =
      same?.podsByNamespace ??
      (previous && aligned && workloads === input.workloads && aligned.end - aligned.start <= MAX_PLACED
        ? previous.indexes.podsByNamespace.moved(aligned.step, previous.workloads, workloads, aligned.start, aligned.beforeEnd, aligned.end)
        : undefined) ??
      NamespacePods.of(workloads);
    this.cluster = new ClusterLayer(input.clusterPolicies ?? [], {
      workloadCount: workloads.length,
      podLabels: this.podLabels,
      podsIn: (ns) => this.podsIn(ns),
      namespacesMatching: (selector) => this.namespacesMatching(selector),
    });
  }

  workloadById(id: string): number | undefined {
    return this.workloadIndex.get(id);
  }

  policyById(id: string): number | undefined {
    return this.policyIndex.get(id);
  }

  /** Workloads a policy's podSelector selects in its namespace. */
  selected(policy: number): WorkloadSet {
    let s = this.selectedCache.get(policy);
    if (!s) {
      const p = this.policies[policy] as Policy;
      s = this.podsIn(p.namespace).intersect(this.podLabels.resolve(p.podSelector));
      this.selectedCache.set(policy, s);
    }
    return s;
  }

  /**
   * Policies whose podSelector selects the workload, whatever directions they govern (only its
   * namespace's are tested). Computed for the whole namespace at once from the policies' selected
   * sets: rules ask about every pod a namespace-wide policy selects.
   */
  selecting(workload: number): readonly number[] {
    const cached = this.selectingCache.get(workload);
    if (cached) return cached;
    const w = this.workloads[workload];
    if (!w) return [];
    const lists = new Map<number, number[]>();
    for (const i of this.podsIn(w.namespace)) lists.set(i, []);
    for (const pi of this.policiesByNamespace.get(w.namespace) ?? []) for (const i of this.selected(pi)) lists.get(i)?.push(pi);
    for (const [i, list] of lists) this.selectingCache.set(i, list);
    return lists.get(workload) ?? [];
  }

  /**
   * Fills `selecting` for every workload at once from the policies' selected sets (label-index
   * bitsets): what the full matrix wants, instead of testing each pod against its namespace's
   * policies one by one.
   */
  indexSelection(): void {
    if (this.selectingCache.size === this.workloads.length) return;
    const lists: number[][] = this.workloads.map(() => []);
    this.policies.forEach((_, pi) => {
      for (const w of this.selected(pi)) lists[w]?.push(pi);
    });
    lists.forEach((list, w) => this.selectingCache.set(w, list));
  }

  /** Whether a policy governs a direction (policyTypes after defaulting). */
  governs(policy: number, direction: Direction): boolean {
    const p = this.policies[policy];
    return p !== undefined && governedDirections(p).has(direction);
  }

  /** The workload's policies, isolation and allowed pieces for one direction. */
  allowed(workload: number, direction: Direction): DirectionAnswer {
    const key = `${direction}:${workload}`;
    let answer = this.answerCache.get(key);
    if (!answer) {
      const policies = this.selecting(workload).filter((pi) => this.governs(pi, direction));
      answer = {
        workload: this.workloads[workload] as Workload,
        direction,
        policies,
        isolated: policies.length > 0,
        pieces: policies.flatMap((pi) => this.piecesOf(pi, direction)),
      };
      this.answerCache.set(key, answer);
    }
    return answer;
  }

  /** The Admin and Baseline tier rules applying to the workload in a direction (empty when none). */
  tiered(workload: number, direction: Direction): TieredAnswer {
    return this.cluster.answer(workload, direction);
  }

  /** The pieces of one policy's rules for a direction (empty when it does not govern it). */
  piecesOf(policy: number, direction: Direction): readonly AllowedPiece[] {
    const p = this.policies[policy];
    if (!p) return [];
    let entry = this.piecesByPolicy.get(p);
    if (!entry) this.piecesByPolicy.set(p, (entry = this.carried?.take(p) ?? {}));
    let pieces = entry[direction];
    if (!pieces) {
      pieces = this.governs(policy, direction) ? this.compileRules(policy, direction) : [];
      entry[direction] = pieces;
    }
    return pieces;
  }

  /** What this Network compiled so far (and goes on compiling), for the Network of the next version of its input. */
  compiled(): CompiledPieces {
    return {
      workloads: this.workloads,
      namespaces: this.namespaces,
      byPolicy: this.piecesByPolicy,
      indexes: { podLabels: this.podLabels, namespaceLabels: this.namespaceLabels, podsByNamespace: this.podsByNamespace },
      lookups: { policies: this.policies, workloadIndex: this.workloadIndex, policyIndex: this.policyIndex, policiesByNamespace: this.policiesByNamespace, livedIn: this.livedIn, declared: this.declared },
    };
  }

  /** Workloads of a namespace. */
  podsIn(namespace: string): WorkloadSet {
    return this.podsByNamespace.get(namespace);
  }

  /** Whether a namespace holds some workload. */
  hasWorkloads(namespace: string): boolean {
    return this.podsByNamespace.holds(namespace);
  }

  /** The namespaces holding some workload. */
  namespacesWithWorkloads(): Iterable<string> {
    return this.podsByNamespace.namespaces();
  }

  /** Workloads whose labels a pod selector matches, in any namespace (missing or `{}`: all). */
  podsMatching(selector: PolicyPeer['podSelector']): WorkloadSet {
    return this.podLabels.resolve(selector);
  }

  /** Namespaces a selector matches (missing: none here; callers decide what missing means). */
  namespacesMatching(selector: PolicyPeer['namespaceSelector']): Namespace[] {
    return [...this.namespaceLabels.resolve(selector)].map((i) => this.namespaces[i] as Namespace);
  }

  /** Labels of a namespace, the automatic name label included. */
  namespaceLabelsOf(name: string): Readonly<Record<string, string>> {
    return this.namespaces.find((n) => n.name === name)?.labels ?? EMPTY_LABELS;
  }

  private compileRules(policy: number, direction: Direction): AllowedPiece[] {
    const p = this.policies[policy] as Policy;
    const out: AllowedPiece[] = [];
    rulesOf(p, direction).forEach((rule, ruleIndex) => {
      const ports = this.sharedPorts(compilePorts(rule.ports));
      const peers = rule.peers ?? [];
      if (peers.length === 0) {
        const all = WorkloadSet.full(this.workloads.length);
        out.push({ rule: { policy: p.id, direction, ruleIndex, peerIndex: undefined }, workloads: all, addresses: AddressSet.all(), ports });
        return;
      }
      peers.forEach((peer, peerIndex) => {
        // Fields named, not spread: a spread's piece keeps them in a property array of its own.
        const { workloads, addresses } = this.resolvePeer(p, peer);
        out.push({ rule: { policy: p.id, direction, ruleIndex, peerIndex }, workloads, addresses, ports });
      });
    });
    return out;
  }

  private sharedPorts(spec: PortSpec): PortSpec {
    const known = this.portSpecs.get(spec.key);
    if (known) return known;
    this.portSpecs.set(spec.key, spec);
    return spec;
  }

  private resolvePeer(policy: Policy, peer: PolicyPeer): { workloads: WorkloadSet; addresses: AddressSet } {
    const none = WorkloadSet.empty(this.workloads.length);
    if (peer.ipBlock) return { workloads: none, addresses: AddressSet.ipBlock(peer.ipBlock.cidr, peer.ipBlock.except ?? []) };
    if (!peer.podSelector && !peer.namespaceSelector) return { workloads: none, addresses: AddressSet.empty() };
    const scope = peer.namespaceSelector ? this.podsInNamespacesMatching(peer.namespaceSelector) : this.podsIn(policy.namespace);
    return { workloads: scope.intersect(this.podLabels.resolve(peer.podSelector)), addresses: AddressSet.empty() };
  }

  private podsInNamespacesMatching(selector: LabelSelector): WorkloadSet {
    const key = selectorKey(selector);
    let scope = this.scopeCache.get(key);
    if (!scope) {
      scope = WorkloadSet.empty(this.workloads.length);
      for (const ns of this.namespacesMatching(selector)) scope = scope.union(this.podsIn(ns.name));
      this.scopeCache.set(key, scope);
    }
    return scope;
  }
}

/** Declared namespaces, then every other one a workload or policy lives in, each with its name label. */
function completeNamespaces(declared: readonly Namespace[], livedIn: readonly string[]): Namespace[] {
  const byName = new Map<string, Namespace>();
  for (const ns of declared) {
    if (!byName.has(ns.name)) byName.set(ns.name, { name: ns.name, labels: { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name } });
  }
  for (const name of livedIn) if (!byName.has(name)) byName.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name } });
  return [...byName.values()];
}

/** The namespaces of the items, each once, in order of first appearance. */
function firstAppearances(lists: readonly (readonly { readonly namespace: string }[])[]): string[] {
  const seen = new Set<string>();
  let last: string | undefined;
  for (const list of lists) {
    for (const { namespace } of list) {
      if (namespace === last) continue;
      last = namespace;
      seen.add(namespace);
    }
  }
  return [...seen];
}

/** How many items of a replaced run the id index takes on as moved; more, and it is built afresh. */
const MAX_PLACED = 64;

/**
 * The previous id index moved to the items now, where the run an edit replaced holds few items and
 * none of them has an id another item has (then the items now are unique, as the previous ones were).
 */
function movedIds(before: IdIndex, aligned: Alignment, items: readonly { readonly id: string }[]): IdIndex | undefined {
  if (aligned.end - aligned.start > MAX_PLACED) return undefined;
  const placed = new Map<string, number>();
  for (let j = aligned.start; j < aligned.end; j++) {
    const id = (items[j] as { readonly id: string }).id;
    const was = before.get(id);
    if ((was !== undefined && (aligned.step[was] ?? -1) >= 0) || placed.has(id)) return undefined;
    placed.set(id, j);
  }
  return before.moved(aligned.step, placed);
}

/** The previous list where it holds the same strings (then what was made from it is taken over). */
function sameOrPrevious(list: readonly string[], previous: readonly string[] | undefined): readonly string[] {
  return previous?.length === list.length && list.every((x, i) => previous[i] === x) ? previous : list;
}

/** The items with the first of each id, and the index of each id. */
function uniqueById<T extends { readonly id: string }>(items: readonly T[]): [T[], Map<string, number>] {
  const index = new Map<string, number>();
  const out: T[] = [];
  for (const item of items) {
    if (index.has(item.id)) continue;
    index.set(item.id, out.length);
    out.push(item);
  }
  return [out, index];
}

/** The indexes of the items per key, keys in order of first appearance (a run of equal keys costs one lookup). */
function indexesBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let key: string | undefined;
  let list: number[] = [];
  items.forEach((item, i) => {
    const k = keyOf(item);
    if (k !== key) {
      key = k;
      list = out.get(k) ?? [];
      out.set(k, list);
    }
    list.push(i);
  });
  return out;
}

/** Whether `items` has, at every index, the id (and, with `namespaces`, the namespace) `before` has: `before` is unique by id, so then `items` is too. */
function sameIds(before: readonly { readonly id: string; readonly namespace: string }[], items: readonly { readonly id: string; readonly namespace: string }[], namespaces: boolean): boolean {
  if (before === items) return true;
  if (before.length !== items.length) return false;
  for (let i = 0; i < items.length; i++) {
    const a = before[i];
    const b = items[i];
    // Mostly the very same object (the join keeps unchanged files' items).
    if (a !== b && (a?.id !== b?.id || (namespaces && a?.namespace !== b?.namespace))) return false;
  }
  return true;
}

function sameNamespaces(before: readonly Workload[], items: readonly Workload[]): boolean {
  return before === items || (before.length === items.length && items.every((w, i) => before[i] === w || before[i]?.namespace === w.namespace));
}
