/**
 * What each rule of the cluster-wide tiers does across a whole input: whether it matches any
 * connection, whether it decides any (or earlier rules decided all it matches, and which), where
 * a Pass's connections end up, and which policies of one tier and priority match the same
 * connection (their order is undefined upstream). The tier mistakes rules read this.
 *
 * Workloads to which the same policies apply (and which NetworkPolicy isolates alike) are
 * evaluated once; targets are the workloads and the address ranges cut at the tiers' `networks`.
 * Pure, and only as good as the input: callers decide when the input is the whole answer.
 */
import { AddressSet } from './addressSet';
import type { IpFamily } from './cidr';
import type { TierPiece, TieredAnswer } from './clusterLayer';
import type { Network } from './network';
import { PortResolver } from './portResolver';
import { PortSetTable, type InternedPortSet } from './portSetTable';
import { resolvePorts } from './portSpec';
import type { PortSet } from './portSet';
import type { Direction } from './types';

export interface PieceEffect {
  readonly piece: TierPiece;
  /** Some connection of the input matches it (its peer and ports, for a workload it applies to). */
  matched: boolean;
  /** It decides some of them (no earlier rule of its tier, or final admin decision, did). */
  decided: boolean;
  /** A Pass: some of what it passes is decided by NetworkPolicy or the Baseline tier. */
  passReachesLowerTier: boolean;
  /** A Baseline piece: consulted for some workload (one no NetworkPolicy isolates). */
  consulted: boolean;
}

/** Two policies of one tier and priority matching a common connection. */
export interface Overlap {
  readonly policies: readonly [string, string];
  readonly direction: Direction;
  /** The workload the policies apply to, and the peer (a workload index or an address range). */
  readonly workload: number;
  readonly peer: { readonly workload: number } | { readonly family: IpFamily; readonly from: bigint; readonly to: bigint };
  readonly ports: PortSet;
}

export interface TierAnalysis {
  effectOf(piece: TierPiece): PieceEffect | undefined;
  /** Earlier pieces (its tier, or admin Allow/Deny for a baseline piece) matching what the piece matches. */
  coveringPieces(piece: TierPiece): TierPiece[];
  readonly overlaps: readonly Overlap[];
  /** Per policy id and direction: the workloads it applies to that NetworkPolicy isolates, and all it applies to. */
  isolation(policy: string, direction: Direction): { readonly isolated: number; readonly applying: number };
}

interface Target {
  readonly id: number;
  readonly peer: Overlap['peer'];
}

interface ClassRun {
  readonly workload: number;
  readonly direction: Direction;
  readonly tiers: TieredAnswer;
  readonly isolated: boolean;
}

export function analyseTiers(net: Network): TierAnalysis {
  const table = new PortSetTable();
  const effects = new Map<TierPiece, PieceEffect>();
  const overlaps: Overlap[] = [];
  const overlapKeys = new Set<string>();
  const isolation = new Map<string, { isolated: number; applying: number }>();
  const runs: ClassRun[] = [];
  const n = net.workloads.length;

  const resolver = new PortResolver(net.workloads, table);
  /** A piece's ports toward a destination workload (its named ports resolved) or an address (undefined). */
  const resolve = (piece: TierPiece, destination: number | undefined): InternedPortSet => resolver.resolve(piece.ports, destination);

  for (const direction of ['ingress', 'egress'] as const) {
    const partition = addressPartition(net, direction);
    const targetCache = new Map<TierPiece, Target[]>();
    const targetsOf = (piece: TierPiece): Target[] => {
      let targets = targetCache.get(piece);
      if (!targets) {
        targets = [...piece.workloads].map((t): Target => ({ id: t, peer: { workload: t } }));
        for (const r of piece.addresses.ranges()) {
          // Elementary ranges inside the piece's ranges (the partition cuts at every boundary).
          for (let i = firstAtOrAfter(partition, r.family, r.from); i < partition.length; i++) {
            const e = partition[i] as Range;
            if (e.family !== r.family || e.from > r.to) break;
            targets.push({ id: n + i, peer: e });
          }
        }
        targetCache.set(piece, targets);
      }
      return targets;
    };
    const classes = new Map<string, ClassRun>();
    for (let w = 0; w < n; w++) {
      const tiers = net.tiered(w, direction);
      if (tiers.policies.length === 0) continue;
      const isolated = net.allowed(w, direction).isolated;
      for (const pi of tiers.policies) {
        const id = net.cluster.policies[pi]?.id ?? '';
        const key = `${id}:${direction}`;
        const counts = isolation.get(key) ?? { isolated: 0, applying: 0 };
        counts.applying++;
        if (isolated) counts.isolated++;
        isolation.set(key, counts);
      }
      const named = direction === 'ingress' && [...tiers.admin, ...tiers.baseline].some((p) => p.ports.named.length > 0);
      const key = `${tiers.policies.join(',')}|${isolated ? 'i' : ''}${named ? `|${resolver.classOf(w)}` : ''}`;
      if (!classes.has(key)) classes.set(key, { workload: w, direction, tiers, isolated });
    }
    for (const run of classes.values()) {
      runs.push(run);
      const portsOf = (piece: TierPiece, target: Target): InternedPortSet =>
        resolve(piece, direction === 'ingress' ? run.workload : 'workload' in target.peer ? target.peer.workload : undefined);
      if (!saturated(run)) evaluate(run, targetsOf, portsOf, n + partition.length);
      findOverlaps(run, targetsOf, portsOf);
    }
  }

  function effect(piece: TierPiece): PieceEffect {
    let e = effects.get(piece);
    if (!e) effects.set(piece, (e = { piece, matched: false, decided: false, passReachesLowerTier: false, consulted: false }));
    return e;
  }

  /** Every flag a run could set is set already: evaluating it again changes nothing. */
  function saturated(run: ClassRun): boolean {
    const done = (p: TierPiece): boolean => {
      const e = effects.get(p);
      return e !== undefined && e.matched && e.decided && (p.action !== 'pass' || e.passReachesLowerTier);
    };
    return run.tiers.admin.every(done) && (run.isolated || run.tiers.baseline.every((p) => done(p) && effects.get(p)?.consulted === true));
  }

  function evaluate(run: ClassRun, targetsOf: (p: TierPiece) => Target[], portsOf: (p: TierPiece, t: Target) => InternedPortSet, size: number): void {
    const t = table;
    // Per target id (workloads, then the elementary address ranges): what an earlier admin rule matched, and allowed or denied.
    const seen = new Array<InternedPortSet | undefined>(size);
    const final = new Array<InternedPortSet | undefined>(size);
    const passed: { piece: TierPiece; target: number; ports: InternedPortSet }[] = [];
    for (const piece of run.tiers.admin) {
      const e = effect(piece);
      for (const target of targetsOf(piece)) {
        const ports = portsOf(piece, target);
        if (ports === t.empty) continue;
        e.matched = true;
        const before = seen[target.id] ?? t.empty;
        const decided = t.subtract(ports, before);
        seen[target.id] = t.union(before, ports);
        if (decided === t.empty) continue;
        e.decided = true;
        if (piece.action === 'pass') passed.push({ piece, target: target.id, ports: decided });
        else final[target.id] = t.union(final[target.id] ?? t.empty, decided);
      }
    }
    if (run.isolated) {
      // NetworkPolicy decides every port it is handed.
      for (const p of passed) effect(p.piece).passReachesLowerTier = true;
      for (const piece of run.tiers.baseline) effect(piece);
      return;
    }
    const baseSeen = new Array<InternedPortSet | undefined>(size);
    const baseDecided = new Array<InternedPortSet | undefined>(size);
    for (const piece of run.tiers.baseline) {
      const e = effect(piece);
      e.consulted = true;
      for (const target of targetsOf(piece)) {
        const ports = portsOf(piece, target);
        if (ports === t.empty) continue;
        e.matched = true;
        const before = baseSeen[target.id] ?? final[target.id] ?? t.empty;
        const decided = t.subtract(ports, before);
        baseSeen[target.id] = t.union(before, ports);
        if (decided === t.empty) continue;
        e.decided = true;
        if (piece.action !== 'pass') baseDecided[target.id] = t.union(baseDecided[target.id] ?? t.empty, decided);
      }
    }
    for (const p of passed) {
      if (t.intersect(p.ports, baseDecided[p.target] ?? t.empty) !== t.empty) effect(p.piece).passReachesLowerTier = true;
    }
  }

  function findOverlaps(run: ClassRun, targetsOf: (p: TierPiece) => Target[], portsOf: (p: TierPiece, t: Target) => InternedPortSet): void {
    if (run.tiers.ties.length === 0) return;
    for (const group of run.tiers.ties) {
      const pairs = group.flatMap((a, i) => group.slice(i + 1).map((b) => [a, b].sort().join('\u0000')));
      if (pairs.every((k) => overlapKeys.has(k))) continue;
      const pieces = [...run.tiers.admin, ...run.tiers.baseline].filter((p) => group.includes(p.rule.policy));
      const byTarget = new Map<number, { piece: TierPiece; ports: InternedPortSet; target: Target }[]>();
      for (const piece of pieces) {
        for (const target of targetsOf(piece)) {
          const ports = portsOf(piece, target);
          if (ports === table.empty) continue;
          const list = byTarget.get(target.id) ?? [];
          for (const other of list) {
            if (other.piece.rule.policy === piece.rule.policy) continue;
            const common = table.intersect(other.ports, ports);
            if (common === table.empty) continue;
            const pair = [other.piece.rule.policy, piece.rule.policy].sort() as [string, string];
            const key = pair.join('\u0000');
            if (overlapKeys.has(key)) continue;
            overlapKeys.add(key);
            overlaps.push({ policies: pair, direction: run.direction, workload: run.workload, peer: target.peer, ports: common.set });
          }
          list.push({ piece, ports, target });
          byTarget.set(target.id, list);
        }
      }
    }
  }

  function coveringPieces(piece: TierPiece): TierPiece[] {
    const out = new Set<TierPiece>();
    for (const run of runs) {
      const inAdmin = run.tiers.admin.indexOf(piece);
      const inBase = run.tiers.baseline.indexOf(piece);
      if (inAdmin < 0 && inBase < 0) continue;
      const earlier =
        inAdmin >= 0 ? run.tiers.admin.slice(0, inAdmin) : [...run.tiers.admin.filter((p) => p.action !== 'pass'), ...run.tiers.baseline.slice(0, inBase)];
      for (const other of earlier) {
        const overlapsPods = !other.workloads.intersect(piece.workloads).isEmpty();
        const overlapsAddresses = !other.addresses.intersect(piece.addresses).isEmpty();
        if (!overlapsPods && !overlapsAddresses) continue;
        const a = resolvePorts(other.ports, run.direction === 'ingress' ? net.workloads[run.workload]?.namedPorts : undefined);
        const b = resolvePorts(piece.ports, run.direction === 'ingress' ? net.workloads[run.workload]?.namedPorts : undefined);
        if (!a.intersect(b).isEmpty() || other.ports.named.length > 0 || piece.ports.named.length > 0) out.add(other);
      }
    }
    return [...out];
  }

  return {
    effectOf: (piece) => effects.get(piece),
    coveringPieces,
    overlaps,
    isolation: (policy, direction) => isolation.get(`${policy}:${direction}`) ?? { isolated: 0, applying: 0 },
  };
}

interface Range {
  readonly family: IpFamily;
  readonly from: bigint;
  readonly to: bigint;
}

/** Index of the first elementary range of `family` that starts at or after `from` (ranges of a family are contiguous and sorted). */
function firstAtOrAfter(partition: readonly Range[], family: IpFamily, from: bigint): number {
  let lo = 0;
  let hi = partition.length;
  const before = (r: Range): boolean => (r.family === family ? r.from < from : family === 'ipv6');
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(partition[mid] as Range)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Elementary ranges of both families (IPv4 first) cut at every `networks` boundary of the direction's tiers. */
function addressPartition(net: Network, direction: Direction): Range[] {
  const out: Range[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    const max = AddressSet.universe(family).ranges()[0]?.to ?? 0n;
    const cuts = new Set<bigint>();
    let any = false;
    net.cluster.policies.forEach((_, pi) => {
      for (const piece of net.cluster.piecesOf(pi, direction)) {
        for (const r of piece.addresses.ranges(family)) {
          any = true;
          cuts.add(r.from);
          if (r.to < max) cuts.add(r.to + 1n);
        }
      }
    });
    if (!any) continue;
    cuts.add(0n);
    const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    starts.forEach((from, i) => out.push({ family, from, to: i + 1 < starts.length ? (starts[i + 1] as bigint) - 1n : max }));
  }
  return out;
}
