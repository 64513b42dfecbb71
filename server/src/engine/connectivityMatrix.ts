/**
 * Who may connect to whom: every workload pair, and every workload with the outside world split
 * into address ranges by the ipBlock boundaries of the direction (sources by ingress ipBlocks,
 * destinations by egress ipBlocks and `networks`, one universe per family), as netpol-analyzer
 * lists them. Where AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy apply,
 * a row is their tiers around the NetworkPolicy answer (`layered`).
 *
 * Workloads selected by the same policies share one row per direction (an ingress row also
 * depends on the workload's named ports when a rule names ports), and port sets are interned
 * with memoised union/intersection, so a pair costs about one table lookup (computed on demand:
 * no n² storage).
 */
import { AddressSet, type AddressRange } from './addressSet';
import type { IpFamily } from './cidr';
import type { TierPiece, TieredAnswer } from './clusterLayer';
import type { AllowedPiece, Network } from './network';
import type { PortSet } from './portSet';
import type { InternedPortSet, PortSetTable } from './portSetTable';
import { PortResolver } from './portResolver';
import type { PortSpec } from './portSpec';
import type { Direction } from './types';

export interface AddressConnection {
  readonly range: AddressRange;
  readonly ports: PortSet;
}

export interface WorkloadConnection {
  readonly src: number;
  readonly dst: number;
  readonly ports: PortSet;
}

type Row = (InternedPortSet | undefined)[];

interface Partition {
  readonly family: IpFamily;
  /** Start of each elementary range, ascending; range i ends where range i+1 starts. */
  readonly starts: readonly bigint[];
  readonly ends: readonly bigint[];
}

const FAMILIES: readonly IpFamily[] = ['ipv4', 'ipv6'];

export class ConnectivityMatrix {
  private readonly table: PortSetTable;
  private readonly resolver: PortResolver;
  private readonly n: number;
  private readonly partitions: Record<Direction, readonly Partition[]>;
  /** Per direction and workload: the shared row (undefined: not isolated). */
  private readonly podRows: Record<Direction, readonly (Row | undefined)[]>;
  private readonly addressRows: Record<Direction, readonly (readonly Row[] | undefined)[]>;

  constructor(private readonly net: Network) {
    this.n = net.workloads.length;
    this.resolver = new PortResolver(net.workloads);
    this.table = this.resolver.table;
    net.indexSelection();
    this.partitions = { ingress: this.partition('ingress'), egress: this.partition('egress') };
    const ingress = this.rows('ingress');
    const egress = this.rows('egress');
    this.podRows = { ingress: ingress.pods, egress: egress.pods };
    this.addressRows = { ingress: ingress.addresses, egress: egress.addresses };
  }

  get size(): number {
    return this.n;
  }

  /** What `src` may open toward `dst` (workload indexes); undefined when nothing. */
  ports(src: number, dst: number): PortSet | undefined {
    const { table } = this;
    const out = this.podRows.egress[src];
    const e = out ? out[dst] : table.all;
    if (!e) return undefined;
    const inRow = this.podRows.ingress[dst];
    const i = inRow ? inRow[src] : table.all;
    if (!i) return undefined;
    const r = table.intersect(e, i);
    return r === table.empty ? undefined : r.set;
  }

  /** Every connected pair of distinct workloads, by source then destination index. */
  *pairs(): IterableIterator<WorkloadConnection> {
    for (let src = 0; src < this.n; src++) {
      for (let dst = 0; dst < this.n; dst++) {
        if (src === dst) continue;
        const ports = this.ports(src, dst);
        if (ports) yield { src, dst, ports };
      }
    }
  }

  /** External sources allowed into `dst`, one entry per elementary range with something allowed. */
  fromAddresses(dst: number, family?: IpFamily): AddressConnection[] {
    return this.addressConnections('ingress', dst, family);
  }

  /** External destinations `src` may reach. */
  toAddresses(src: number, family?: IpFamily): AddressConnection[] {
    return this.addressConnections('egress', src, family);
  }

  private addressConnections(direction: Direction, workload: number, family: IpFamily | undefined): AddressConnection[] {
    const rows = this.addressRows[direction][workload];
    const out: AddressConnection[] = [];
    this.partitions[direction].forEach((part, pi) => {
      if (family && part.family !== family) return;
      const row = rows?.[pi];
      part.starts.forEach((from, i) => {
        const ports = rows ? row?.[i] : this.table.all;
        if (ports && ports !== this.table.empty) out.push({ range: { family: part.family, from, to: part.ends[i] as bigint }, ports: ports.set });
      });
    });
    return out;
  }

  /** Rows per workload for a direction, shared by workloads with the same policies (and named ports). */
  private rows(direction: Direction): { pods: (Row | undefined)[]; addresses: (Row[] | undefined)[] } {
    const podRowByClass = new Map<string, Row>();
    const addressRowsByClass = new Map<string, Row[]>();
    const pods: (Row | undefined)[] = [];
    const addresses: (Row[] | undefined)[] = [];
    for (let w = 0; w < this.n; w++) {
      const answer = this.net.allowed(w, direction);
      const tiers = this.net.tiered(w, direction);
      const tiered = tiers.policies.length > 0;
      if (!answer.isolated && !tiered) {
        pods.push(undefined);
        addresses.push(undefined);
        continue;
      }
      const named = (p: { readonly ports: PortSpec }): boolean => p.ports.named.length > 0;
      const namesMatter = direction === 'ingress' && (answer.pieces.some(named) || tiers.admin.some(named) || tiers.baseline.some(named));
      const key = `${answer.policies.join(',')}|${tiers.policies.join(',')}${namesMatter ? `#${this.resolver.classOf(w)}` : ''}`;
      let podRow = podRowByClass.get(key);
      let addressRow = addressRowsByClass.get(key);
      if (!podRow || !addressRow) {
        const npPods = answer.isolated ? this.podRow(answer.pieces, direction, w) : undefined;
        const npAddresses = this.partitions[direction].map((part) => (answer.isolated ? this.addressRow(answer.pieces, part, direction, w) : undefined));
        podRow = tiered ? this.layered(this.n, tiers, npPods, (piece) => piece.workloads, (piece, peer) => this.resolve(piece.ports, direction === 'ingress' ? w : peer)) : npPods;
        addressRow = this.partitions[direction].map((part, pi) =>
          tiered
            ? this.layered(part.starts.length, tiers, npAddresses[pi], (piece) => rangeIndexes(part, piece.addresses), (piece) => this.resolve(piece.ports, direction === 'ingress' ? w : undefined))
            : (npAddresses[pi] ?? []),
        );
        podRow ??= [];
        podRowByClass.set(key, podRow);
        addressRowsByClass.set(key, addressRow);
      }
      pods.push(podRow);
      addresses.push(addressRow);
    }
    return { pods, addresses };
  }

  /**
   * A row where cluster-wide tiers apply: the Admin tier's first matching rule per port decides
   * (Pass leaves it undecided), then NetworkPolicy when it isolates (`npRow`), else the Baseline
   * tier, else allow. The same order as tierVerdict.ts, on interned sets, for every target at once.
   */
  private layered(
    count: number,
    tiers: TieredAnswer,
    npRow: Row | undefined,
    targetsOf: (piece: TierPiece) => Iterable<number>,
    portsOf: (piece: TierPiece, target: number) => InternedPortSet,
  ): Row {
    const t = this.table;
    const seen: Row = new Array<InternedPortSet | undefined>(count);
    const allowed: Row = new Array<InternedPortSet | undefined>(count);
    const denied: Row = new Array<InternedPortSet | undefined>(count);
    for (const piece of tiers.admin) {
      for (const i of targetsOf(piece)) {
        const ports = portsOf(piece, i);
        const before = seen[i] ?? t.empty;
        const decided = t.subtract(ports, before);
        seen[i] = t.union(before, ports);
        if (decided === t.empty || piece.action === 'pass') continue;
        const target = piece.action === 'allow' ? allowed : denied;
        target[i] = t.union(target[i] ?? t.empty, decided);
      }
    }
    const row: Row = new Array<InternedPortSet | undefined>(count);
    if (npRow) {
      for (let i = 0; i < count; i++) {
        const np = npRow[i];
        const rest = t.subtract(t.subtract(t.all, allowed[i] ?? t.empty), denied[i] ?? t.empty);
        const r = t.union(allowed[i] ?? t.empty, np ? t.intersect(rest, np) : t.empty);
        row[i] = r === t.empty ? undefined : r;
      }
      return row;
    }
    const baseSeen: Row = new Array<InternedPortSet | undefined>(count);
    for (const piece of tiers.baseline) {
      for (const i of targetsOf(piece)) {
        const ports = portsOf(piece, i);
        const before = baseSeen[i] ?? t.union(allowed[i] ?? t.empty, denied[i] ?? t.empty);
        const decided = t.subtract(ports, before);
        baseSeen[i] = t.union(before, ports);
        if (decided !== t.empty && piece.action === 'deny') denied[i] = t.union(denied[i] ?? t.empty, decided);
      }
    }
    for (let i = 0; i < count; i++) {
      const r = t.subtract(t.all, denied[i] ?? t.empty);
      row[i] = r === t.empty ? undefined : r;
    }
    return row;
  }

  private podRow(pieces: readonly AllowedPiece[], direction: Direction, self: number): Row {
    const row: Row = new Array<InternedPortSet | undefined>(this.n);
    for (const piece of pieces) {
      const fixed = direction === 'ingress' || piece.ports.named.length === 0 ? this.resolve(piece.ports, self) : undefined;
      for (const peer of piece.workloads) {
        const ports = fixed ?? this.resolve(piece.ports, peer);
        const cur = row[peer];
        row[peer] = cur ? this.table.union(cur, ports) : ports;
      }
    }
    return row;
  }

  private addressRow(pieces: readonly AllowedPiece[], part: Partition, direction: Direction, self: number): Row {
    const row: Row = new Array<InternedPortSet | undefined>(part.starts.length);
    for (const piece of pieces) {
      if (piece.addresses.ranges(part.family).length === 0) continue;
      const ports = direction === 'ingress' ? this.resolve(piece.ports, self) : this.resolve(piece.ports, undefined);
      for (const i of rangeIndexes(part, piece.addresses)) {
        const cur = row[i];
        row[i] = cur ? this.table.union(cur, ports) : ports;
      }
    }
    return row;
  }

  /** Ports of a spec toward a workload (its named ports resolved) or an address (undefined). */
  private resolve(spec: PortSpec, destination: number | undefined): InternedPortSet {
    return this.resolver.resolve(spec, destination);
  }

  /** Elementary ranges of each family cut at every ipBlock boundary of the direction. */
  private partition(direction: Direction): Partition[] {
    return FAMILIES.map((family) => {
      const cuts = new Set<bigint>([0n]);
      const max = AddressSet.universe(family).ranges()[0]?.to ?? 0n;
      const cut = (addresses: AddressSet): void => {
        for (const r of addresses.ranges(family)) {
          cuts.add(r.from);
          if (r.to < max) cuts.add(r.to + 1n);
        }
      };
      this.net.policies.forEach((_, pi) => {
        for (const piece of this.net.piecesOf(pi, direction)) cut(piece.addresses);
      });
      this.net.cluster.policies.forEach((_, pi) => {
        for (const piece of this.net.cluster.piecesOf(pi, direction)) cut(piece.addresses);
      });
      const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const ends = starts.map((_, i) => (i + 1 < starts.length ? (starts[i + 1] as bigint) - 1n : max));
      return { family, starts, ends };
    });
  }
}


/** Indexes of the elementary ranges of a partition inside an address set. */
function* rangeIndexes(part: Partition, addresses: AddressSet): IterableIterator<number> {
  for (const r of addresses.ranges(part.family)) {
    for (let i = indexOfStart(part.starts, r.from); i < part.starts.length && (part.starts[i] as bigint) <= r.to; i++) yield i;
  }
}

function indexOfStart(starts: readonly bigint[], value: bigint): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as bigint) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
