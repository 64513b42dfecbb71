/**
 * Why a connection is allowed or denied: each side's policies and the rules (with peer) that
 * match the other end, the ports each allows, and the verdict. A pod-to-pod connection needs
 * both the source's egress and the destination's ingress; for an address only the pod's side
 * counts.
 */
import type { IpFamily } from './cidr';
import type { Network } from './network';
import { PortSet } from './portSet';
import { resolvePorts } from './portSpec';
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
  /** False: no policy selecting the workload governs this direction, so all is allowed. */
  readonly isolated: boolean;
  /** Ids of the selecting policies that govern this direction. */
  readonly policies: readonly string[];
  /** Rules whose peer matches the other end. */
  readonly matches: readonly RuleMatch[];
  /** What this side allows (all when not isolated). */
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
  if (!answer.isolated) return { workload, direction, isolated: false, policies, matches: [], ports: only };
  const destination = direction === 'ingress' ? net.workloads[workload] : isWorkload(other) ? net.workloads[other.workload] : undefined;
  const matches: RuleMatch[] = [];
  let ports = PortSet.empty();
  for (const piece of answer.pieces) {
    const hit = isWorkload(other) ? piece.workloads.has(other.workload) : piece.addresses.containsAddress(other.family, other.address);
    if (!hit) continue;
    const toward = direction === 'egress' && !isWorkload(other) ? undefined : destination?.namedPorts;
    const allowed = resolvePorts(piece.ports, toward).intersect(only);
    matches.push({ rule: piece.rule, ports: allowed });
    ports = ports.union(allowed);
  }
  return { workload, direction, isolated: true, policies, matches, ports };
}
