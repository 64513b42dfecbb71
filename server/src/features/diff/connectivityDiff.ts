/**
 * The semantic diff of two connectivity listings, as netpol-analyzer's `diff` computes it: every
 * (source, destination) pair whose allowed connections differ, as `changed` (something in both),
 * `added` (nothing before) or `removed` (nothing after), with the ends that exist on one side only.
 *
 * Pure: it reads two listings (netpol-analyzer's lines, already computed) and the workload names
 * of each side. Address ranges are cut at the boundaries of both sides' ranges, so each piece has
 * one connection set per side, then touching pieces of the same workload, direction and
 * connection sets are merged again.
 */
import { formatRange, type AddressRange } from '../../engine/addressSet';
import type { IpFamily } from '../../engine/cidr';
import type { ListingEndpoint, ListingEntry } from '../../engine/connectivityListing';
import { PortSet } from '../../engine/portSet';

export type DiffType = 'changed' | 'added' | 'removed';

/** One end of a diff line: a workload (`ns/name[Kind]`) or an address range. */
export type DiffEndpoint =
  | { readonly kind: 'workload'; readonly text: string }
  | { readonly kind: 'address'; readonly range: AddressRange; readonly text: string };

export interface DiffEntry {
  readonly type: DiffType;
  readonly src: DiffEndpoint;
  readonly dst: DiffEndpoint;
  /** What the first side allows (empty: No Connections). */
  readonly ref1: PortSet;
  /** What the second side allows (empty: No Connections). */
  readonly ref2: PortSet;
  /** The source workload exists on one side only (added with the pair, or removed with it). */
  readonly srcNewOrRemoved: boolean;
  readonly dstNewOrRemoved: boolean;
}

/** One side of a diff: its listing and the ids (`ns/name[Kind]`) of all its workloads. */
export interface DiffSide {
  readonly entries: readonly ListingEntry[];
  readonly workloads: ReadonlySet<string>;
}

const EMPTY = PortSet.empty();

/** The pairs whose connections differ between `side1` and `side2`, changed first, then added, then removed, each sorted. */
export function diffConnectivity(side1: DiffSide, side2: DiffSide): DiffEntry[] {
  const out: DiffEntry[] = [];
  const pairs = new Map<string, { src: DiffEndpoint; dst: DiffEndpoint; p1?: PortSet; p2?: PortSet }>();
  const ranged = new Map<string, { workload: string; inbound: boolean; family: IpFamily; s1: Segment[]; s2: Segment[] }>();
  const collect = (entries: readonly ListingEntry[], first: boolean): void => {
    for (const e of entries) {
      const address = e.src.kind === 'address' ? e.src : e.dst.kind === 'address' ? e.dst : undefined;
      if (!address) {
        const key = `${e.src.text}\u0000${e.dst.text}`;
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { src: plain(e.src), dst: plain(e.dst) }));
        if (first) pair.p1 = e.ports;
        else pair.p2 = e.ports;
        continue;
      }
      const inbound = e.src.kind === 'address';
      const workload = inbound ? e.dst.text : e.src.text;
      const key = `${inbound ? 'in' : 'out'}\u0000${workload}\u0000${address.range.family}`;
      let group = ranged.get(key);
      if (!group) ranged.set(key, (group = { workload, inbound, family: address.range.family, s1: [], s2: [] }));
      (first ? group.s1 : group.s2).push({ from: address.range.from, to: address.range.to, ports: e.ports });
    }
  };
  collect(side1.entries, true);
  collect(side2.entries, false);

  const classify = (src: DiffEndpoint, dst: DiffEndpoint, p1: PortSet | undefined, p2: PortSet | undefined): void => {
    const a = p1 && !p1.isEmpty() ? p1 : undefined;
    const b = p2 && !p2.isEmpty() ? p2 : undefined;
    if (!a && !b) return;
    if (a && b) {
      if (!a.equals(b)) out.push({ type: 'changed', src, dst, ref1: a, ref2: b, srcNewOrRemoved: false, dstNewOrRemoved: false });
      return;
    }
    const type: DiffType = a ? 'removed' : 'added';
    const other = a ? side2.workloads : side1.workloads;
    const missing = (e: DiffEndpoint): boolean => e.kind === 'workload' && !other.has(e.text);
    out.push({ type, src, dst, ref1: a ?? EMPTY, ref2: b ?? EMPTY, srcNewOrRemoved: missing(src), dstNewOrRemoved: missing(dst) });
  };

  for (const { src, dst, p1, p2 } of pairs.values()) classify(src, dst, p1, p2);
  for (const g of ranged.values()) {
    const workload: DiffEndpoint = { kind: 'workload', text: g.workload };
    for (const piece of refine(g.s1, g.s2)) {
      const range: AddressRange = { family: g.family, from: piece.from, to: piece.to };
      const address: DiffEndpoint = { kind: 'address', range, text: `${formatRange(range)}[External]` };
      if (g.inbound) classify(address, workload, piece.p1, piece.p2);
      else classify(workload, address, piece.p1, piece.p2);
    }
  }
  const rank: Record<DiffType, number> = { changed: 0, added: 1, removed: 2 };
  const keyed = out.map((e): [string, DiffEntry] => [`${rank[e.type]}${e.src.text}\u0000${e.dst.text}`, e]);
  return keyed.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([, e]) => e);
}

/** `workload <src> and <dst> added`: the ends that exist on one side only; '' when none. */
export function workloadsDiffInfo(e: DiffEntry): string {
  const ends = [...(e.srcNewOrRemoved ? [e.src.text] : []), ...(e.dstNewOrRemoved ? [e.dst.text] : [])];
  return ends.length === 0 ? '' : `workload ${ends.join(' and ')} ${e.type}`;
}

/** Whether the second side allows something the first did not (a new path, or new ports on one). */
export function opensSomething(e: DiffEntry): boolean {
  return !e.ref2.subtract(e.ref1).isEmpty();
}

/** Whether the second side no longer allows something the first did. */
export function closesSomething(e: DiffEntry): boolean {
  return !e.ref1.subtract(e.ref2).isEmpty();
}

interface Segment {
  readonly from: bigint;
  readonly to: bigint;
  readonly ports: PortSet;
}

interface Piece {
  readonly from: bigint;
  readonly to: bigint;
  readonly p1: PortSet | undefined;
  readonly p2: PortSet | undefined;
}

/**
 * Cuts the address space at every boundary of both sides' segments, gives each piece the
 * connections of each side, and merges touching pieces with the same pair of connection sets.
 */
function refine(s1: readonly Segment[], s2: readonly Segment[]): Piece[] {
  const a = [...s1].sort(byFrom);
  const b = [...s2].sort(byFrom);
  const cuts = new Set<bigint>();
  for (const s of [...a, ...b]) {
    cuts.add(s.from);
    cuts.add(s.to + 1n);
  }
  const points = [...cuts].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const pieces: Piece[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k] as bigint;
    const to = (points[k + 1] as bigint) - 1n;
    while (i < a.length && (a[i] as Segment).to < from) i++;
    while (j < b.length && (b[j] as Segment).to < from) j++;
    const x = a[i];
    const y = b[j];
    const p1 = x && x.from <= from ? x.ports : undefined;
    const p2 = y && y.from <= from ? y.ports : undefined;
    if (!p1 && !p2) continue;
    const last = pieces[pieces.length - 1];
    if (last && last.to + 1n === from && samePorts(last.p1, p1) && samePorts(last.p2, p2)) pieces[pieces.length - 1] = { ...last, to };
    else pieces.push({ from, to, p1, p2 });
  }
  return pieces;
}

function samePorts(x: PortSet | undefined, y: PortSet | undefined): boolean {
  return x === undefined || y === undefined ? x === y : x.equals(y);
}

function byFrom(x: Segment, y: Segment): number {
  return x.from < y.from ? -1 : x.from > y.from ? 1 : 0;
}

function plain(e: ListingEndpoint): DiffEndpoint {
  return e.kind === 'workload' ? { kind: 'workload', text: e.text } : { kind: 'address', range: e.range, text: e.text };
}

