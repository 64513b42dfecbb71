/**
 * netpol-analyzer's explanation of one (source, destination) pair: the ports of TCP, UDP and SCTP
 * split into classes that share one verdict and one set of deciding rules, per direction.
 *
 * Read from the engine's answers (who is selected, which rule's peer matches, what its ports
 * resolve to), with netpol-analyzer's way of naming the rule behind a port:
 * - a side no policy isolates is decided by the system default (allow all); so is the address side;
 * - within one policy, an allowed port is credited to the first rule (in order) whose peers select
 *   the other end and whose ports hold it; a denied port to the first rule whose peers select the
 *   other end ("the protocols and ports do not match", or "named ports … have no match" when that
 *   rule allows nothing toward the destination), or, when no rule selects it, to the policy
 *   ("… is not allowed by any rule", "(no rules defined)" when it has none in the direction);
 * - across policies, an allowed port collects the lines of every policy allowing it, a denied port
 *   those of every policy (all deny it);
 * - a pair's port is allowed when both sides allow it, and names the rules of both sides;
 * - where cluster-wide tiers apply to a side, an Admin tier rule that decides a port is its line
 *   (`AdminNetworkPolicy 'x' allows|denies connections by Egress rule <name>`); a port an Admin
 *   Pass hands on names the Pass, then whoever decides below — NetworkPolicy as above when it
 *   isolates the side, else the Baseline tier's rule, else the system default.
 * Pure: the same network and ends give the same answer.
 */
import type { IpFamily } from '../../engine/cidr';
import type { TierPiece, TieredAnswer } from '../../engine/clusterLayer';
import type { Network } from '../../engine/network';
import { PortSet } from '../../engine/portSet';
import { resolvePorts } from '../../engine/portSpec';
import { rulesOf } from '../../engine/policyTypes';
import type { Direction } from '../../engine/types';

/** A workload (index into the network) or an address range, with the text output names it by. */
export type ExplainEnd =
  | { readonly kind: 'workload'; readonly index: number; readonly text: string }
  | { readonly kind: 'address'; readonly family: IpFamily; readonly from: bigint; readonly to: bigint; readonly text: string };

/** Who decided a side's class: a rule of one of these layers, or nothing but the system default. */
export type RuleLayer = 'AdminNetworkPolicy' | 'NetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'default';

/** One direction's verdict on a class of ports, and the lines naming what decided it. */
export interface SideVerdict {
  readonly allowed: boolean;
  /** The first layer with a line; `default` when the system default alone decided. */
  readonly layer: RuleLayer;
  /** In layer order (Admin tier, NetworkPolicy, Baseline tier, the system default), each layer's sorted, without duplicates. */
  readonly lines: readonly string[];
}

export interface PortClass {
  readonly ports: PortSet;
  readonly allowed: boolean;
  readonly egress: SideVerdict;
  readonly ingress: SideVerdict;
}

export interface ExplainedPair {
  readonly src: ExplainEnd;
  readonly dst: ExplainEnd;
  /** Disjoint, covering every port of every protocol (or the focus port). */
  readonly classes: readonly PortClass[];
  /** Everything is allowed by the system default on both sides: listed apart, without detail. */
  readonly systemDefaultOnly: boolean;
  /** What is allowed end to end. */
  readonly allowed: PortSet;
}

export const SYSTEM_DEFAULT = 'the system default (Allow all)';

interface SideClass {
  readonly ports: PortSet;
  readonly verdict: SideVerdict;
}

const DEFAULT_VERDICT: SideVerdict = { allowed: true, layer: 'default', lines: [SYSTEM_DEFAULT] };

export function explainEnds(net: Network, src: ExplainEnd, dst: ExplainEnd): ExplainedPair {
  const egress = src.kind === 'workload' ? side(net, src, dst, 'egress') : [{ ports: PortSet.all(), verdict: DEFAULT_VERDICT }];
  const ingress = dst.kind === 'workload' ? side(net, dst, src, 'ingress') : [{ ports: PortSet.all(), verdict: DEFAULT_VERDICT }];
  const byKey = new Map<string, PortClass>();
  let allowed = PortSet.empty();
  for (const e of egress) {
    for (const i of ingress) {
      const ports = e.ports.intersect(i.ports);
      if (ports.isEmpty()) continue;
      const ok = e.verdict.allowed && i.verdict.allowed;
      if (ok) allowed = allowed.union(ports);
      const key = `${ok}\u0000${verdictKey(e.verdict)}\u0000${verdictKey(i.verdict)}`;
      const prev = byKey.get(key);
      byKey.set(key, prev ? { ...prev, ports: prev.ports.union(ports) } : { ports, allowed: ok, egress: e.verdict, ingress: i.verdict });
    }
  }
  const classes = [...byKey.values()];
  const systemDefaultOnly = classes.length === 1 && classes[0]?.egress.layer === 'default' && classes[0].ingress.layer === 'default';
  return { src, dst, classes, systemDefaultOnly, allowed };
}

/** The pair restricted to one protocol and port (`--focus-conn`): the class holding it, with only that port. */
export function focusPair(pair: ExplainedPair, focus: PortSet): ExplainedPair {
  const classes = pair.classes.flatMap((c) => {
    const ports = c.ports.intersect(focus);
    return ports.isEmpty() ? [] : [{ ...c, ports }];
  });
  // A single port is never "all connections": the system default then shows as a class.
  return { ...pair, classes, systemDefaultOnly: false, allowed: pair.allowed.intersect(focus) };
}

function verdictKey(v: SideVerdict): string {
  return `${v.allowed}|${v.layer}|${v.lines.join('\n')}`;
}

/** One side: the tiers and NetworkPolicies of the workload `self` for `direction`, toward the other end. */
function side(net: Network, self: ExplainEnd & { kind: 'workload' }, other: ExplainEnd, direction: Direction): SideClass[] {
  const np = networkPolicySide(net, self, other, direction);
  const tiers = net.tiered(self.index, direction);
  return tiers.policies.length === 0 ? np : tieredSide(net, tiers, np, net.allowed(self.index, direction).isolated, self, other, direction);
}

/**
 * The Admin tier's decisions first (first matching rule per port), then for what it leaves: the
 * NetworkPolicy classes when they isolate the side, else the Baseline tier, else the default —
 * each preceded by the Pass line where an Admin Pass handed the ports on.
 */
function tieredSide(
  net: Network,
  tiers: TieredAnswer,
  np: readonly SideClass[],
  isolated: boolean,
  self: ExplainEnd & { kind: 'workload' },
  other: ExplainEnd,
  direction: Direction,
): SideClass[] {
  const destination = direction === 'ingress' ? net.workloads[self.index] : other.kind === 'workload' ? net.workloads[other.index] : undefined;
  const hit = (piece: TierPiece): boolean => (other.kind === 'workload' ? piece.workloads.has(other.index) : piece.addresses.containsAddress(other.family, other.from));
  const out: SideClass[] = [];
  const passes: { ports: PortSet; line: string }[] = [];
  let seen = PortSet.empty();
  let rest = PortSet.all();
  for (const piece of tiers.admin) {
    if (!hit(piece)) continue;
    const matched = resolvePorts(piece.ports, destination?.namedPorts);
    const decided = matched.subtract(seen);
    seen = seen.union(matched);
    if (decided.isEmpty()) continue;
    const line = tierLine(net, piece);
    if (piece.action === 'pass') passes.push({ ports: decided, line });
    else {
      out.push({ ports: decided, verdict: { allowed: piece.action === 'allow', layer: 'AdminNetworkPolicy', lines: [line] } });
      rest = rest.subtract(decided);
    }
  }
  /** A lower layer's class, cut where different Passes handed its ports on (their line first). */
  const handedOn = (ports: PortSet, verdict: SideVerdict): void => {
    let left = ports;
    for (const pass of passes) {
      const part = left.intersect(pass.ports);
      if (part.isEmpty()) continue;
      const lines = verdict.layer === 'default' ? [pass.line, SYSTEM_DEFAULT] : [pass.line, ...verdict.lines];
      out.push({ ports: part, verdict: { allowed: verdict.allowed, layer: 'AdminNetworkPolicy', lines } });
      left = left.subtract(part);
    }
    if (!left.isEmpty()) out.push({ ports: left, verdict });
  };
  if (isolated) {
    for (const c of np) {
      const ports = c.ports.intersect(rest);
      if (!ports.isEmpty()) handedOn(ports, c.verdict);
    }
    return out;
  }
  let baseSeen = PortSet.all().subtract(rest);
  let undecided = rest;
  for (const piece of tiers.baseline) {
    if (!hit(piece)) continue;
    const matched = resolvePorts(piece.ports, destination?.namedPorts);
    const decided = matched.subtract(baseSeen);
    baseSeen = baseSeen.union(matched);
    // A Baseline tier Pass (ClusterNetworkPolicy) goes on to the default.
    if (decided.isEmpty() || piece.action === 'pass') continue;
    undecided = undecided.subtract(decided);
    handedOn(decided, { allowed: piece.action === 'allow', layer: 'BaselineAdminNetworkPolicy', lines: [tierLine(net, piece)] });
  }
  if (!undecided.isEmpty()) handedOn(undecided, DEFAULT_VERDICT);
  return out;
}

/** `AdminNetworkPolicy 'deny-mon' denies connections by Ingress rule deny-from-mon`. */
function tierLine(net: Network, piece: TierPiece): string {
  const policy = net.cluster.policies[net.cluster.policyById(piece.rule.policy) ?? -1];
  const rule = policy ? (piece.rule.direction === 'ingress' ? policy.ingress : policy.egress)[piece.rule.ruleIndex] : undefined;
  const verb = piece.action === 'allow' ? 'allows' : piece.action === 'deny' ? 'denies' : 'passes';
  const dir = piece.rule.direction === 'ingress' ? 'Ingress' : 'Egress';
  return `${policy?.kind ?? 'AdminNetworkPolicy'} '${policy?.name ?? piece.rule.policy}' ${verb} connections by ${dir} rule ${rule?.name ?? ''}`;
}

/** One side as NetworkPolicy alone decides it (the system default when none isolates it). */
function networkPolicySide(net: Network, self: ExplainEnd & { kind: 'workload' }, other: ExplainEnd, direction: Direction): SideClass[] {
  const answer = net.allowed(self.index, direction);
  if (!answer.isolated) return [{ ports: PortSet.all(), verdict: DEFAULT_VERDICT }];
  // Start from "denied, nothing said": the first policy's lines replace it, later ones collect.
  let classes: { ports: PortSet; allowed: boolean; lines: string[] }[] = [{ ports: PortSet.all(), allowed: false, lines: [] }];
  for (const pi of answer.policies) {
    const mine = policyClasses(net, pi, self, other, direction);
    const next: typeof classes = [];
    for (const c of classes) {
      for (const m of mine) {
        const ports = c.ports.intersect(m.ports);
        if (ports.isEmpty()) continue;
        if (c.allowed === m.allowed) next.push({ ports, allowed: c.allowed, lines: [...c.lines, m.line] });
        else next.push(c.allowed ? { ports, allowed: true, lines: c.lines } : { ports, allowed: true, lines: [m.line] });
      }
    }
    classes = next;
  }
  return classes.map((c) => ({
    ports: c.ports,
    verdict: { allowed: c.allowed, layer: 'NetworkPolicy', lines: [...new Set(c.lines)].sort() },
  }));
}

/** One policy's answer for every port: the rule (or the policy) each port is credited to. */
function policyClasses(
  net: Network,
  policyIndex: number,
  self: ExplainEnd & { kind: 'workload' },
  other: ExplainEnd,
  direction: Direction,
): { ports: PortSet; allowed: boolean; line: string }[] {
  const policy = net.policies[policyIndex];
  if (!policy) return [];
  const name = `NetworkPolicy '${policy.namespace}/${policy.name}'`;
  const dir = direction === 'ingress' ? 'Ingress' : 'Egress';
  const rules = rulesOf(policy, direction);
  if (rules.length === 0) {
    return [{ ports: PortSet.all(), allowed: false, line: `${name} selects ${self.text}, but ${other.text} is not allowed by any ${dir} rule (no rules defined)` }];
  }
  const destination = direction === 'ingress' ? net.workloads[self.index] : other.kind === 'workload' ? net.workloads[other.index] : undefined;
  const selecting: { ruleIndex: number; ports: PortSet }[] = [];
  const seen = new Set<number>();
  for (const piece of net.piecesOf(policyIndex, direction)) {
    if (seen.has(piece.rule.ruleIndex)) continue;
    const hit = other.kind === 'workload' ? piece.workloads.has(other.index) : piece.addresses.containsAddress(other.family, other.from);
    if (!hit) continue;
    seen.add(piece.rule.ruleIndex);
    selecting.push({ ruleIndex: piece.rule.ruleIndex, ports: resolvePorts(piece.ports, destination?.namedPorts) });
  }
  selecting.sort((a, b) => a.ruleIndex - b.ruleIndex);
  const first = selecting[0];
  if (!first) return [{ ports: PortSet.all(), allowed: false, line: `${name} selects ${self.text}, but ${other.text} is not allowed by any ${dir} rule` }];
  const out: { ports: PortSet; allowed: boolean; line: string }[] = [];
  let rest = PortSet.all();
  for (const r of selecting) {
    const mine = r.ports.intersect(rest);
    if (mine.isEmpty()) continue;
    out.push({ ports: mine, allowed: true, line: `${name} allows connections by ${dir} rule #${r.ruleIndex + 1}` });
    rest = rest.subtract(mine);
  }
  if (!rest.isEmpty()) {
    const why = first.ports.isEmpty()
      ? 'but named ports of the rule have no match in the configuration of the destination peer'
      : 'but the protocols and ports do not match';
    out.push({ ports: rest, allowed: false, line: `${name} selects ${self.text}, and ${dir} rule #${first.ruleIndex + 1} selects ${other.text}, ${why}` });
  }
  return out;
}
