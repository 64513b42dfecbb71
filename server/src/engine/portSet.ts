/**
 * Sets of (protocol, port) pairs: for each of TCP, UDP and SCTP a sorted list of disjoint
 * inclusive port ranges within 1–65535. Immutable; `key` is a canonical text, so equal sets
 * have equal keys.
 */
import { PROTOCOLS, type Protocol } from './types';
import { NONE, orNone } from '../collections/none';

export type PortRange = readonly [number, number];

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

type Ranges = Readonly<Record<Protocol, readonly PortRange[]>>;

export class PortSet {
  readonly key: string;
  /** The listing text, computed on first use. */
  private text: string | undefined;

  private constructor(readonly ranges: Ranges) {
    this.key = PROTOCOLS.map((p) => `${p}:${ranges[p].map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`).join(' ');
  }

  static empty(): PortSet {
    return new PortSet({ TCP: NONE, UDP: NONE, SCTP: NONE });
  }

  /** Every port of every protocol. */
  static all(): PortSet {
    const full: PortRange[] = [[MIN_PORT, MAX_PORT]];
    return new PortSet({ TCP: full, UDP: full, SCTP: full });
  }

  /** `from..to` of one protocol (clamped to 1–65535; empty when `from > to`). */
  static range(protocol: Protocol, from: number, to: number): PortSet {
    const a = Math.max(from, MIN_PORT);
    const b = Math.min(to, MAX_PORT);
    // A protocol without ports is the shared empty list (most sets hold one protocol's ports).
    const ranges: Record<Protocol, readonly PortRange[]> = { TCP: NONE, UDP: NONE, SCTP: NONE };
    if (a <= b) ranges[protocol] = [[a, b]];
    return new PortSet(ranges);
  }

  static fromRanges(ranges: Partial<Record<Protocol, readonly PortRange[]>>): PortSet {
    return new PortSet({
      TCP: normalize(ranges.TCP ?? []),
      UDP: normalize(ranges.UDP ?? []),
      SCTP: normalize(ranges.SCTP ?? []),
    });
  }

  union(other: PortSet): PortSet {
    return PortSet.fromRanges({
      TCP: [...this.ranges.TCP, ...other.ranges.TCP],
      UDP: [...this.ranges.UDP, ...other.ranges.UDP],
      SCTP: [...this.ranges.SCTP, ...other.ranges.SCTP],
    });
  }

  intersect(other: PortSet): PortSet {
    return new PortSet({
      TCP: intersectRanges(this.ranges.TCP, other.ranges.TCP),
      UDP: intersectRanges(this.ranges.UDP, other.ranges.UDP),
      SCTP: intersectRanges(this.ranges.SCTP, other.ranges.SCTP),
    });
  }

  /** What this set has and `other` has not. */
  subtract(other: PortSet): PortSet {
    return new PortSet({
      TCP: subtractRanges(this.ranges.TCP, other.ranges.TCP),
      UDP: subtractRanges(this.ranges.UDP, other.ranges.UDP),
      SCTP: subtractRanges(this.ranges.SCTP, other.ranges.SCTP),
    });
  }

  isEmpty(): boolean {
    return PROTOCOLS.every((p) => this.ranges[p].length === 0);
  }

  isAll(): boolean {
    return PROTOCOLS.every((p) => {
      const r = this.ranges[p];
      return r.length === 1 && r[0]?.[0] === MIN_PORT && r[0][1] === MAX_PORT;
    });
  }

  has(protocol: Protocol, port: number): boolean {
    return this.ranges[protocol].some(([a, b]) => a <= port && port <= b);
  }

  equals(other: PortSet): boolean {
    return this.key === other.key;
  }

  /** `All Connections`, or `SCTP 7070,TCP 80,8080-8090,UDP 53` (the listing's form). */
  toString(): string {
    this.text ??= this.isAll()
      ? 'All Connections'
      : this.isEmpty()
        ? 'No Connections'
        : PROTOCOLS.filter((p) => this.ranges[p].length > 0)
            .map((p) => `${p} ${this.ranges[p].map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`)
            .join(',');
    return this.text;
  }
}

function normalize(ranges: readonly PortRange[]): readonly PortRange[] {
  const sorted = ranges
    .map(([a, b]): PortRange => [Math.max(a, MIN_PORT), Math.min(b, MAX_PORT)])
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return orNone(out);
}

function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  const out: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as PortRange;
    const y = b[j] as PortRange;
    const from = Math.max(x[0], y[0]);
    const to = Math.min(x[1], y[1]);
    if (from <= to) out.push([from, to]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return orNone(out);
}

function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  const out: PortRange[] = [];
  let j = 0;
  for (const [from0, to] of a) {
    let from = from0;
    while (j < b.length && (b[j] as PortRange)[1] < from) j++;
    for (let k = j; k < b.length && from <= to; k++) {
      const [bf, bt] = b[k] as PortRange;
      if (bf > to) break;
      if (bf > from) out.push([from, bf - 1]);
      from = Math.max(from, bt + 1);
    }
    if (from <= to) out.push([from, to]);
  }
  return orNone(out);
}
