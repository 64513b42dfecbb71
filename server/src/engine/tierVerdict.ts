/**
 * What one side of a connection (a workload's ingress or egress toward one peer) allows once the
 * tiers are consulted in order, and which rule decides each port:
 *
 *   1. Admin tier rules in evaluation order: the first rule matching a port decides it; Allow and
 *      Deny are final, Pass sends the port on to NetworkPolicy.
 *   2. NetworkPolicy, when some policy isolates the workload in this direction: the union of
 *      their rules allows, everything else undecided is denied.
 *   3. Otherwise the Baseline tier, first match deciding (a Pass there goes on to the default).
 *   4. The default: allowed.
 *
 * Pure: the caller says which ports each piece matches toward the peer (undefined: the peer does
 * not match) and what NetworkPolicy allows. The connectivity matrix computes the same with
 * interned sets (connectivityMatrix.ts); a property test keeps the two equal.
 */
import type { TierPiece, TieredAnswer } from './clusterLayer';
import { PortSet } from './portSet';
import type { RuleRef } from './types';

/** A cluster-wide rule whose peer matches, with what it matches and what it decides. */
export interface TierMatch {
  readonly piece: TierPiece;
  /** The rule's ports toward this peer. */
  readonly matched: PortSet;
  /** The part no earlier rule of its tier (or a final admin decision) had decided: what this rule decides. */
  readonly decided: PortSet;
}

export type DecisionSource =
  /** An Allow/Accept or Deny rule of the Admin or Baseline tier. */
  | { readonly layer: 'cluster'; readonly piece: TierPiece }
  /** NetworkPolicy isolation: allowed by these rules, or (none) denied by isolation. */
  | { readonly layer: 'networkpolicy'; readonly allowedBy: readonly RuleRef[] }
  /** No tier decided: allowed. */
  | { readonly layer: 'default' };

export interface Decision {
  readonly ports: PortSet;
  readonly allowed: boolean;
  readonly by: DecisionSource;
  /** The Admin (or Baseline) tier Pass rule that sent these ports to the layer that decided. */
  readonly passedBy?: TierPiece;
}

export interface TierVerdict {
  readonly allowed: PortSet;
  /** Disjoint, covering `only`: who decided each port. */
  readonly decisions: readonly Decision[];
  /** Cluster-wide rules matching the peer, in evaluation order. */
  readonly matches: readonly TierMatch[];
}

/** What NetworkPolicy says on this side: isolated or not, and per matching rule what it allows. */
export interface NetworkPolicySide {
  readonly isolated: boolean;
  readonly matches: readonly { readonly rule: RuleRef; readonly ports: PortSet }[];
}

export function tierVerdict(answer: TieredAnswer, portsFor: (piece: TierPiece) => PortSet | undefined, np: NetworkPolicySide, only: PortSet): TierVerdict {
  const decisions: Decision[] = [];
  const matches: TierMatch[] = [];
  const passes: { piece: TierPiece; ports: PortSet }[] = [];
  // Admin tier: `seen` is what an earlier admin rule matched (any action), `final` what it allowed or denied.
  let seen = PortSet.empty();
  let final = PortSet.empty();
  for (const piece of answer.admin) {
    const matched = portsFor(piece)?.intersect(only);
    if (!matched) continue;
    const decided = matched.subtract(seen);
    matches.push({ piece, matched, decided });
    seen = seen.union(matched);
    if (decided.isEmpty()) continue;
    if (piece.action === 'pass') passes.push({ piece, ports: decided });
    else {
      final = final.union(decided);
      decisions.push({ ports: decided, allowed: piece.action === 'allow', by: { layer: 'cluster', piece } });
    }
  }
  const rest = only.subtract(final);
  const lower: Decision[] = [];
  if (np.isolated) {
    let allowedByNp = PortSet.empty();
    for (const m of np.matches) allowedByNp = allowedByNp.union(m.ports);
    const allowed = rest.intersect(allowedByNp);
    if (!allowed.isEmpty()) {
      const allowedBy = np.matches.filter((m) => !m.ports.intersect(allowed).isEmpty()).map((m) => m.rule);
      lower.push({ ports: allowed, allowed: true, by: { layer: 'networkpolicy', allowedBy } });
    }
    const denied = rest.subtract(allowedByNp);
    if (!denied.isEmpty()) lower.push({ ports: denied, allowed: false, by: { layer: 'networkpolicy', allowedBy: [] } });
  } else {
    let baseSeen = final;
    let undecided = rest;
    for (const piece of answer.baseline) {
      const matched = portsFor(piece)?.intersect(only);
      if (!matched) continue;
      const decided = matched.subtract(baseSeen);
      matches.push({ piece, matched, decided });
      baseSeen = baseSeen.union(matched);
      if (decided.isEmpty()) continue;
      if (piece.action === 'pass') continue; // on to the default, with what was not decided
      undecided = undecided.subtract(decided);
      lower.push({ ports: decided, allowed: piece.action === 'allow', by: { layer: 'cluster', piece } });
    }
    if (!undecided.isEmpty()) lower.push({ ports: undecided, allowed: true, by: { layer: 'default' } });
  }
  for (const d of lower) decisions.push(...splitByPass(d, passes));
  let allowed = PortSet.empty();
  for (const d of decisions) if (d.allowed) allowed = allowed.union(d.ports);
  return { allowed, decisions, matches };
}

/** A lower layer's decision, cut where different admin Pass rules sent the ports down. */
function splitByPass(d: Decision, passes: readonly { piece: TierPiece; ports: PortSet }[]): Decision[] {
  const out: Decision[] = [];
  let left = d.ports;
  for (const pass of passes) {
    const part = left.intersect(pass.ports);
    if (part.isEmpty()) continue;
    out.push({ ...d, ports: part, passedBy: pass.piece });
    left = left.subtract(part);
  }
  if (!left.isEmpty()) out.push({ ...d, ports: left });
  return out;
}
