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
import { selectorKey } from './labelSelector';
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
  private readonly workloadIndex = new Map<string, number>();
  private readonly policyIndex = new Map<string, number>();
  private readonly podLabels: LabelIndex;
  private readonly namespaceLabels: LabelIndex;
  private readonly podsByNamespace: ReadonlyMap<string, WorkloadSet>;
  private readonly selectedCache = new Map<number, WorkloadSet>();
  /** Compiled pieces by policy object (some taken from the Network of the previous input, see piecesCarry.ts). */
  private readonly piecesByPolicy = new Map<Policy, PiecesByDirection>();
  private readonly carried: PiecesCarry | undefined;
  private readonly answerCache = new Map<string, DirectionAnswer>();
  private readonly selectingCache = new Map<number, readonly number[]>();
  private readonly policiesByNamespace = new Map<string, number[]>();
  /** The workloads of the namespaces a namespaceSelector matches, by the selector's key: peers of many policies share one. */
  private readonly scopeCache = new Map<string, WorkloadSet>();
  /** AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy: the tiers around NetworkPolicy. */
  readonly cluster: ClusterLayer;

  /** `previous`: what the Network of an earlier version of the input compiled (see piecesCarry.ts). */
  constructor(input: EngineInput, previous?: CompiledPieces) {
    const workloads: Workload[] = [];
    for (const w of input.workloads) {
      if (this.workloadIndex.has(w.id)) continue;
      this.workloadIndex.set(w.id, workloads.length);
      workloads.push(w);
    }
    this.workloads = workloads;
    const policies: Policy[] = [];
    for (const p of input.policies) {
      if (this.policyIndex.has(p.id)) continue;
      this.policyIndex.set(p.id, policies.length);
      policies.push(p);
    }
    this.policies = policies;
    policies.forEach((p, i) => {
      const list = this.policiesByNamespace.get(p.namespace);
      if (list) list.push(i);
      else this.policiesByNamespace.set(p.namespace, [i]);
    });
    this.namespaces = completeNamespaces(input);
    this.carried = previous && carryFrom(previous, workloads, this.workloadIndex, this.namespaces);
    const same = this.carried?.indexes;
    this.podLabels = same?.podLabels ?? new LabelIndex(workloads.map((w) => w.labels));
    this.namespaceLabels = same?.namespaceLabels ?? new LabelIndex(this.namespaces.map((n) => n.labels));
    this.podsByNamespace = same?.podsByNamespace ?? podsByNamespace(workloads);
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
    };
  }

  /** Workloads of a namespace. */
  podsIn(namespace: string): WorkloadSet {
    return this.podsByNamespace.get(namespace) ?? WorkloadSet.empty(this.workloads.length);
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
      const ports = compilePorts(rule.ports);
      const peers = rule.peers ?? [];
      if (peers.length === 0) {
        const all = WorkloadSet.full(this.workloads.length);
        out.push({ rule: { policy: p.id, direction, ruleIndex, peerIndex: undefined }, workloads: all, addresses: AddressSet.all(), ports });
        return;
      }
      peers.forEach((peer, peerIndex) => {
        out.push({ rule: { policy: p.id, direction, ruleIndex, peerIndex }, ...this.resolvePeer(p, peer), ports });
      });
    });
    return out;
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

/** Each namespace's workloads. */
function podsByNamespace(workloads: readonly Workload[]): Map<string, WorkloadSet> {
  const byNs = new Map<string, number[]>();
  workloads.forEach((w, i) => {
    const list = byNs.get(w.namespace);
    if (list) list.push(i);
    else byNs.set(w.namespace, [i]);
  });
  const out = new Map<string, WorkloadSet>();
  for (const [ns, list] of byNs) out.set(ns, WorkloadSet.of(workloads.length, list));
  return out;
}

/** Declared namespaces plus every one a workload or policy lives in, each with its name label. */
function completeNamespaces(input: EngineInput): Namespace[] {
  const byName = new Map<string, Namespace>();
  for (const ns of input.namespaces) {
    if (!byName.has(ns.name)) byName.set(ns.name, { name: ns.name, labels: { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name } });
  }
  const referenced = (name: string): void => {
    if (!byName.has(name)) byName.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name } });
  };
  for (const w of input.workloads) referenced(w.namespace);
  for (const p of input.policies) referenced(p.namespace);
  return [...byName.values()];
}
