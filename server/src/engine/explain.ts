/**
 * Why a connection is allowed or denied: each side's policies and the rules (with peer) that
 * match the other end, the ports each allows, and the verdict. A pod-to-pod connection needs
 * both the source's egress and the destination's ingress; for an address only the pod's side
 * counts. Where cluster-wide policies apply, each side also says which tier and rule decided each
 * port (`decisions`, see tierVerdict.ts).
 */
import type { IpFamily } from './cidr';
import type { TierPiece } from './clusterLayer';
import type { Network } from './network';
import { PortSet } from './portSet';
import { resolvePorts } from './portSpec';
import { tierVerdict, type Decision, type TierMatch } from './tierVerdict';
import type { Direction, RuleRef } from './types';

/** A workload (by index in the network) or one IP address. */
export type Endpoint = { readonly workload: number } | { readonly family: IpFamily; readonly address: bigint };

export interface RuleMatch {
  readonly rule: RuleRef;
  /** What this rule allows toward the destination (may be empty: the peer matches, the ports do not). */
  readonly ports: PortSet;
}

export interface SideExplanation {
  readonly workload: number;
  readonly direction: Direction;
  /** False: no NetworkPolicy selecting the workload governs this direction. */
  readonly isolated: boolean;
  /** Ids of the selecting NetworkPolicies that govern this direction. */
  readonly policies: readonly string[];
  /** NetworkPolicy rules whose peer matches the other end. */
  readonly matches: readonly RuleMatch[];
  /** Ids of the cluster-wide policies (Admin and Baseline tiers) applying to this side, in evaluation order. */
  readonly clusterPolicies: readonly string[];
  /** Cluster-wide rules whose peer matches the other end, in evaluation order, with what each decides. */
  readonly tierMatches: readonly TierMatch[];
  /** Who decided each port (disjoint, covering the ports asked about). */
  readonly decisions: readonly Decision[];
  /** Policies of one tier and priority that both match the other end on a common port: which applies is undefined upstream. */
  readonly ties: readonly (readonly string[])[];
  /** Peers of applying rules whose match cannot be judged from manifests (`nodes`, `domainNames`). */
  readonly unjudged: readonly TierPiece[];
  /** What this side allows. */
  readonly ports: PortSet;
}

export type DenyReason =
  /** The source is isolated for egress and no egress rule allows the destination (on these ports). */
  | 'no-egress-rule'
  /** The destination is isolated for ingress and no ingress rule allows the source. */
  | 'no-ingress-rule'
  /** Both sides allow something, but no common port and protocol. */
  | 'ports-disjoint';

export interface PairExplanation {
  /** The source's egress side; undefined when the source is an address. */
  readonly egress: SideExplanation | undefined;
  /** The destination's ingress side; undefined when the destination is an address. */
  readonly ingress: SideExplanation | undefined;
  /** Ports allowed end to end (restricted to `only` when given). */
  readonly allowed: PortSet;
  readonly denied: readonly DenyReason[];
}

export function isWorkload(e: Endpoint): e is { readonly workload: number } {
  return 'workload' in e;
}

/** Explain src → dst, optionally only for some ports (e.g. `PortSet.range('TCP', 80, 80)`). */
export function explainPair(net: Network, src: Endpoint, dst: Endpoint, only: PortSet = PortSet.all()): PairExplanation {
  const egress = isWorkload(src) ? side(net, src.workload, 'egress', dst, only) : undefined;
  const ingress = isWorkload(dst) ? side(net, dst.workload, 'ingress', src, only) : undefined;
  let allowed = only;
  if (egress) allowed = allowed.intersect(egress.ports);
  if (ingress) allowed = allowed.intersect(ingress.ports);
  const denied: DenyReason[] = [];
  if (egress?.ports.isEmpty()) denied.push('no-egress-rule');
  if (ingress?.ports.isEmpty()) denied.push('no-ingress-rule');
  if (denied.length === 0 && allowed.isEmpty()) denied.push('ports-disjoint');
  return { egress, ingress, allowed, denied };
}

function side(net: Network, workload: number, direction: Direction, other: Endpoint, only: PortSet): SideExplanation {
  const answer = net.allowed(workload, direction);
  const policies = answer.policies.map((pi) => net.policies[pi]?.id ?? '');
  const destination = direction === 'ingress' ? net.workloads[workload] : isWorkload(other) ? net.workloads[other.workload] : undefined;
  const toward = direction === 'egress' && !isWorkload(other) ? undefined : destination?.namedPorts;
  const hits = (p: { workloads: { has(i: number): boolean }; addresses: { containsAddress(f: IpFamily, a: bigint): boolean } }): boolean =>
    isWorkload(other) ? p.workloads.has(other.workload) : p.addresses.containsAddress(other.family, other.address);
  const matches: RuleMatch[] = [];
  if (answer.isolated) {
    for (const piece of answer.pieces) if (hits(piece)) matches.push({ rule: piece.rule, ports: resolvePorts(piece.ports, toward).intersect(only) });
  }
  const tiers = net.tiered(workload, direction);
  const verdict = tierVerdict(tiers, (piece) => (hits(piece) ? resolvePorts(piece.ports, toward) : undefined), { isolated: answer.isolated, matches }, only);
  const clusterPolicies = tiers.policies.map((pi) => net.cluster.policies[pi]?.id ?? '');
  const pieces = [...tiers.admin, ...tiers.baseline];
  return {
    workload,
    direction,
    isolated: answer.isolated,
    policies,
    matches,
    clusterPolicies,
    tierMatches: verdict.matches,
    decisions: verdict.decisions,
    ties: tiesThatMatter(tiers.ties, verdict.matches),
    unjudged: pieces.filter((p) => p.unjudged !== undefined),
    ports: verdict.allowed,
  };
}

/** Tie groups in which two policies match the other end on a common port. */
function tiesThatMatter(groups: readonly (readonly string[])[], matches: readonly TierMatch[]): string[][] {
  const out: string[][] = [];
  for (const group of groups) {
    const byPolicy = new Map<string, PortSet>();
    for (const m of matches) {
      if (!group.includes(m.piece.rule.policy)) continue;
      byPolicy.set(m.piece.rule.policy, (byPolicy.get(m.piece.rule.policy) ?? PortSet.empty()).union(m.matched));
    }
    const sets = [...byPolicy.entries()];
    const clashing = new Set<string>();
    sets.forEach(([a, pa], i) => {
      for (const [b, pb] of sets.slice(i + 1)) {
        if (!pa.intersect(pb).isEmpty()) {
          clashing.add(a);
          clashing.add(b);
        }
      }
    });
    if (clashing.size > 1) out.push(group.filter((id) => clashing.has(id)));
  }
  return out;
}
