/**
 * The cluster-wide tiers around NetworkPolicy: for a workload and a direction, the rules of the
 * Admin tier and of the Baseline tier that apply to it, each tier in evaluation order (policies by
 * priority, lower first; rules as written), one piece per peer with what it matches. Which pieces
 * decide a given connection is `tierVerdict.ts`'s concern.
 *
 * Policies of one tier with the same priority have no defined order upstream: they are ordered by
 * name here, and every answer lists such groups (`ties`) so that callers can say so instead of
 * guessing silently.
 */
import { AddressSet } from './addressSet';
import type { ClusterAction, ClusterPeer, ClusterPolicy, ClusterRuleRef, Tier } from './clusterPolicyTypes';
import type { LabelIndex } from './labelIndex';
import { compileClusterPorts, type PortSpec } from './portSpec';
import type { Direction, Namespace } from './types';
import { WorkloadSet } from './workloadSet';

/** One peer of one rule of a cluster-wide policy, resolved. */
export interface TierPiece {
  readonly rule: ClusterRuleRef;
  readonly tier: Tier;
  readonly action: ClusterAction;
  /** Pods the peer matches. */
  readonly workloads: WorkloadSet;
  /** Addresses the peer matches (`networks`). */
  readonly addresses: AddressSet;
  readonly ports: PortSpec;
  /** A `nodes` or `domainNames` peer: what it matches cannot be told from manifests; it matches nothing here. */
  readonly unjudged?: 'nodes' | 'domainNames';
}

/** The cluster-wide rules applying to one workload in one direction. */
export interface TieredAnswer {
  /** Indexes of the policies applying here, in evaluation order. */
  readonly policies: readonly number[];
  /** Admin tier pieces in evaluation order. */
  readonly admin: readonly TierPiece[];
  /** Baseline tier pieces in evaluation order. */
  readonly baseline: readonly TierPiece[];
  /** Ids of the policies applying here, grouped where a tier holds several of one priority (undefined order upstream). */
  readonly ties: readonly (readonly string[])[];
}

/** What the layer needs from the network: its label indexes and namespaces. */
export interface ClusterResolver {
  readonly workloadCount: number;
  readonly podLabels: LabelIndex;
  podsIn(namespace: string): WorkloadSet;
  namespacesMatching(selector: ClusterPeer['namespaces']): readonly Namespace[];
}

const NO_ANSWER: TieredAnswer = Object.freeze({ policies: [], admin: [], baseline: [], ties: [] });

export class ClusterLayer {
  readonly policies: readonly ClusterPolicy[];
  private readonly policyIndex = new Map<string, number>();
  /** Policy indexes in evaluation order (Admin tier, then Baseline; each by priority, then name). */
  readonly order: readonly number[];
  private readonly subjectCache = new Map<number, WorkloadSet>();
  private readonly piecesCache = new Map<string, readonly TierPiece[]>();
  private readonly answerCache = new Map<string, TieredAnswer>();

  constructor(
    input: readonly ClusterPolicy[],
    private readonly resolver: ClusterResolver,
  ) {
    const policies: ClusterPolicy[] = [];
    for (const p of input) {
      if (this.policyIndex.has(p.id)) continue;
      this.policyIndex.set(p.id, policies.length);
      policies.push(p);
    }
    this.policies = policies;
    this.order = policies.map((_, i) => i).sort((a, b) => comparePolicies(policies[a] as ClusterPolicy, policies[b] as ClusterPolicy));
  }

  get isEmpty(): boolean {
    return this.policies.length === 0;
  }

  policyById(id: string): number | undefined {
    return this.policyIndex.get(id);
  }

  /** Workloads the policy's subject selects (none when the subject is not valid). */
  subject(policy: number): WorkloadSet {
    let s = this.subjectCache.get(policy);
    if (!s) {
      const p = this.policies[policy];
      s = p ? this.podsOf(p.subject) : WorkloadSet.empty(this.resolver.workloadCount);
      this.subjectCache.set(policy, s);
    }
    return s;
  }

  /** The resolved peers of a policy's rules for a direction, in rule order (rules with an unknown action left out). */
  piecesOf(policy: number, direction: Direction): readonly TierPiece[] {
    const key = `${direction}:${policy}`;
    let pieces = this.piecesCache.get(key);
    if (!pieces) {
      pieces = this.compile(policy, direction);
      this.piecesCache.set(key, pieces);
    }
    return pieces;
  }

  /** Policies applying to the workload in a direction (selected, with rules there), in evaluation order. */
  applying(workload: number, direction: Direction): number[] {
    return this.order.filter((pi) => {
      const p = this.policies[pi] as ClusterPolicy;
      return (direction === 'ingress' ? p.ingress : p.egress).length > 0 && this.subject(pi).has(workload);
    });
  }

  answer(workload: number, direction: Direction): TieredAnswer {
    if (this.isEmpty) return NO_ANSWER;
    const key = `${direction}:${workload}`;
    let answer = this.answerCache.get(key);
    if (!answer) {
      const applying = this.applying(workload, direction);
      if (applying.length === 0) answer = NO_ANSWER;
      else {
        const admin: TierPiece[] = [];
        const baseline: TierPiece[] = [];
        for (const pi of applying) (this.policies[pi]?.tier === 'admin' ? admin : baseline).push(...this.piecesOf(pi, direction));
        answer = { policies: applying, admin, baseline, ties: this.tiesAmong(applying) };
      }
      this.answerCache.set(key, answer);
    }
    return answer;
  }

  /** Groups of at least two policies of one tier and one priority. */
  tiesAmong(policies: readonly number[]): string[][] {
    const groups = new Map<string, string[]>();
    for (const pi of policies) {
      const p = this.policies[pi] as ClusterPolicy;
      if (p.priority === undefined) continue;
      const key = `${p.tier}:${p.priority}`;
      const group = groups.get(key);
      if (group) group.push(p.id);
      else groups.set(key, [p.id]);
    }
    return [...groups.values()].filter((g) => g.length > 1);
  }

  private compile(policy: number, direction: Direction): TierPiece[] {
    const p = this.policies[policy];
    if (!p) return [];
    const out: TierPiece[] = [];
    (direction === 'ingress' ? p.ingress : p.egress).forEach((rule, ruleIndex) => {
      const action = rule.action;
      if (!action) return;
      const ports = compileClusterPorts(rule.ports);
      rule.peers.forEach((peer, peerIndex) => {
        out.push({ rule: { policy: p.id, direction, ruleIndex, peerIndex }, tier: p.tier, action, ports, ...this.resolvePeer(peer, direction) });
      });
    });
    return out;
  }

  private resolvePeer(peer: ClusterPeer, direction: Direction): Pick<TierPiece, 'workloads' | 'addresses' | 'unjudged'> {
    const none = WorkloadSet.empty(this.resolver.workloadCount);
    const fields = setFields(peer);
    if (fields.length !== 1) return { workloads: none, addresses: AddressSet.empty() };
    if (peer.namespaces || peer.pods) return { workloads: this.podsOf(peer), addresses: AddressSet.empty() };
    // Only egress peers may name addresses, nodes or domains; in an ingress rule the CRD has no such field.
    if (direction === 'ingress') return { workloads: none, addresses: AddressSet.empty() };
    if (peer.networks) {
      let addresses = AddressSet.empty();
      for (const cidr of peer.networks) addresses = addresses.union(AddressSet.parse(cidr) ?? AddressSet.empty());
      return { workloads: none, addresses };
    }
    return { workloads: none, addresses: AddressSet.empty(), unjudged: peer.nodes ? 'nodes' : 'domainNames' };
  }

  /** Pods of a `namespaces` or `pods` field (a subject, or an in-cluster peer). */
  private podsOf(peer: ClusterPeer): WorkloadSet {
    const { resolver } = this;
    let scope = WorkloadSet.empty(resolver.workloadCount);
    if (setFields(peer).length !== 1) return scope;
    const namespaceSelector = peer.namespaces ?? peer.pods?.namespaceSelector;
    if (!peer.namespaces && !peer.pods) return scope;
    for (const ns of resolver.namespacesMatching(namespaceSelector ?? {})) scope = scope.union(resolver.podsIn(ns.name));
    return peer.pods ? scope.intersect(resolver.podLabels.resolve(peer.pods.podSelector)) : scope;
  }
}

/** The fields a subject or peer sets (exactly one is valid). */
export function setFields(peer: ClusterPeer): (keyof ClusterPeer)[] {
  return (['namespaces', 'pods', 'networks', 'nodes', 'domainNames'] as const).filter((k) => peer[k] !== undefined);
}

/** Admin tier first, then Baseline; by priority (missing last), then name: the order rules are consulted in. */
function comparePolicies(a: ClusterPolicy, b: ClusterPolicy): number {
  if (a.tier !== b.tier) return a.tier === 'admin' ? -1 : 1;
  const pa = a.priority ?? Number.POSITIVE_INFINITY;
  const pb = b.priority ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
