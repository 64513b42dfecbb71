/**
 * Sets of IP addresses, IPv4 and IPv6 side by side, as sorted disjoint inclusive ranges of
 * `bigint`s: what an ipBlock (`cidr` minus its `except`s) allows, and the algebra the
 * connectivity listing needs (union, intersection, difference, containment) with printing as
 * a minimal CIDR list or as ranges. CIDR text is parsed by `cidr.ts`, as the API server reads it.
 */
import { formatAddress, parseCidr, type Cidr, type IpFamily } from './cidr';
import { orNone } from '../collections/none';

/** An inclusive range of addresses of one family. */
export interface AddressRange {
  readonly family: IpFamily;
  readonly from: bigint;
  readonly to: bigint;
}

type Interval = readonly [bigint, bigint];

const MAX: Record<IpFamily, bigint> = { ipv4: (1n << 32n) - 1n, ipv6: (1n << 128n) - 1n };
const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };

export class AddressSet {
  private readonly v4: readonly Interval[];
  private readonly v6: readonly Interval[];

  /** An empty family is the shared empty list: most sets hold addresses of one family, or none. */
  private constructor(v4: readonly Interval[], v6: readonly Interval[]) {
    this.v4 = orNone(v4);
    this.v6 = orNone(v6);
  }

  /** The empty set, shared (a set is a value: most peers select workloads and allow no address). */
  static empty(): AddressSet {
    return AddressSet.EMPTY;
  }

  private static readonly EMPTY = new AddressSet([], []);

  /** Every IPv4 and every IPv6 address. */
  static all(): AddressSet {
    return new AddressSet([[0n, MAX.ipv4]], [[0n, MAX.ipv6]]);
  }

  /** Every address of one family (`0.0.0.0/0` or `::/0`). */
  static universe(family: IpFamily): AddressSet {
    return AddressSet.range(family, 0n, MAX[family]);
  }

  static range(family: IpFamily, from: bigint, to: bigint): AddressSet {
    if (from > to) return AddressSet.empty();
    return family === 'ipv4' ? new AddressSet([[from, to]], []) : new AddressSet([], [[from, to]]);
  }

  static fromCidr(cidr: Cidr): AddressSet {
    return AddressSet.range(cidr.family, cidr.network, cidr.last);
  }

  /** The addresses of a CIDR text, or undefined when it does not parse. */
  static parse(text: string): AddressSet | undefined {
    const r = parseCidr(text);
    return r.ok ? AddressSet.fromCidr(r.cidr) : undefined;
  }

  /** `cidr` minus every `except` that parses; empty when `cidr` does not parse. */
  static ipBlock(cidr: string, except: readonly string[] = []): AddressSet {
    let set = AddressSet.parse(cidr) ?? AddressSet.empty();
    for (const e of except) {
      const ex = AddressSet.parse(e);
      if (ex) set = set.subtract(ex);
    }
    return set;
  }

  union(other: AddressSet): AddressSet {
    return new AddressSet(unionOf(this.v4, other.v4), unionOf(this.v6, other.v6));
  }

  intersect(other: AddressSet): AddressSet {
    return new AddressSet(intersectOf(this.v4, other.v4), intersectOf(this.v6, other.v6));
  }

  subtract(other: AddressSet): AddressSet {
    return new AddressSet(subtractOf(this.v4, other.v4), subtractOf(this.v6, other.v6));
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  equals(other: AddressSet): boolean {
    const same = (a: readonly Interval[], b: readonly Interval[]): boolean =>
      a.length === b.length && a.every((x, i) => x[0] === b[i]?.[0] && x[1] === b[i]?.[1]);
    return same(this.v4, other.v4) && same(this.v6, other.v6);
  }

  containsAddress(family: IpFamily, address: bigint): boolean {
    const list = this.intervals(family);
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const iv = list[mid] as Interval;
      if (address < iv[0]) hi = mid - 1;
      else if (address > iv[1]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** True when every address of `other` is in this set. */
  containsSet(other: AddressSet): boolean {
    return other.subtract(this).isEmpty();
  }

  /** The set's ranges, IPv4 first, ascending. */
  ranges(family?: IpFamily): AddressRange[] {
    const of = (f: IpFamily): AddressRange[] => this.intervals(f).map(([from, to]) => ({ family: f, from, to }));
    return family ? of(family) : [...of('ipv4'), ...of('ipv6')];
  }

  /** The fewest CIDRs whose union is the set, in standard form, IPv4 first. */
  toCidrs(): string[] {
    return this.ranges().flatMap((r) => rangeToCidrs(r));
  }

  /** `a.b.c.d-e.f.g.h` per range (the listing's form), IPv4 first. */
  toRangeStrings(): string[] {
    return this.ranges().map(formatRange);
  }

  private intervals(family: IpFamily): readonly Interval[] {
    return family === 'ipv4' ? this.v4 : this.v6;
  }
}

export function formatRange(r: AddressRange): string {
  return `${formatAddress(r.family, r.from)}-${formatAddress(r.family, r.to)}`;
}

/** The fewest CIDRs covering exactly the range. */
export function rangeToCidrs(r: AddressRange): string[] {
  const out: string[] = [];
  const bits = BITS[r.family];
  let start = r.from;
  while (start <= r.to) {
    let size = 0;
    while (size < bits) {
      const block = 1n << BigInt(size + 1);
      if (start % block !== 0n || start + block - 1n > r.to) break;
      size++;
    }
    out.push(`${formatAddress(r.family, start)}/${bits - size}`);
    start += 1n << BigInt(size);
  }
  return out;
}

function unionOf(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const all = [...a, ...b].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: [bigint, bigint][] = [];
  for (const [from, to] of all) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1n) {
      if (to > last[1]) last[1] = to;
    } else out.push([from, to]);
  }
  return out;
}

function intersectOf(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const from = x[0] > y[0] ? x[0] : y[0];
    const to = x[1] < y[1] ? x[1] : y[1];
    if (from <= to) out.push([from, to]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return out;
}

function subtractOf(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [from0, to] of a) {
    let from = from0;
    while (j < b.length && (b[j] as Interval)[1] < from) j++;
    let k = j;
    while (k < b.length && from <= to) {
      const [bf, bt] = b[k] as Interval;
      if (bf > to) break;
      if (bf > from) out.push([from, bf - 1n]);
      from = bt + 1n;
      k++;
    }
    if (from <= to) out.push([from, to]);
  }
  return out;
}
