/**
 * External addresses as the picture shows them: one node per address set a workload reaches (or
 * is reached from) with the same connections, rather than one per piece of the listing.
 *
 * The listing cuts the address space at every boundary any policy draws, so a workload open to
 * `0.0.0.0/0 except 10.0.0.0/8` gets a line for `0.0.0.0-9.255.255.255` and another for
 * `11.0.0.0-255.255.255.255`, and a workload open to everything one line per piece another
 * policy's ipBlock made. Joining the pieces of one workload, direction and connections gives the
 * same connections with one edge, to a node named as a policy would write it.
 */
import { AddressSet, formatRange, type AddressRange } from '../../engine/addressSet';
import type { NodeStatus, GraphNode } from './graphModel';

/** One connection between a workload and a piece of the address space. */
export interface AddressPiece<T> {
  readonly workload: string;
  /** The address is the source. */
  readonly inbound: boolean;
  readonly range: AddressRange;
  /** What must be equal for pieces to join (the connections, the change). */
  readonly key: string;
  readonly value: T;
}

/** Pieces grouped by workload, direction, family and key, each group's address set with one of its values. */
export function joinPieces<T>(pieces: readonly AddressPiece<T>[]): { workload: string; inbound: boolean; set: AddressSet; value: T }[] {
  const groups = new Map<string, { workload: string; inbound: boolean; set: AddressSet; value: T }>();
  for (const p of pieces) {
    const key = `${p.workload}\u0000${p.inbound}\u0000${p.range.family}\u0000${p.key}`;
    const piece = AddressSet.range(p.range.family, p.range.from, p.range.to);
    const group = groups.get(key);
    if (group) group.set = group.set.union(piece);
    else groups.set(key, { workload: p.workload, inbound: p.inbound, set: piece, value: p.value });
  }
  return [...groups.values()];
}

/**
 * The node of an address set (of one family): its id the listing's ranges (`a-b, c-d[External]`),
 * its label the CIDRs when there are one or two (`203.0.113.0/24`), else the whole family
 * except one or two CIDRs (`0.0.0.0/0 except 10.0.0.0/8`), else the first range and a count.
 */
export function addressNode(set: AddressSet, status: NodeStatus = 'same'): GraphNode {
  const ranges = set.ranges();
  const id = `${ranges.map(formatRange).join(', ')}[External]`;
  return { id, kind: 'external', label: addressLabel(set, ranges), sublabel: 'External', namespace: undefined, status };
}

function addressLabel(set: AddressSet, ranges: readonly AddressRange[]): string {
  const cidrs = set.toCidrs();
  if (cidrs.length <= 2) return cidrs.join(', ');
  const family = ranges[0]?.family ?? 'ipv4';
  const universe = AddressSet.universe(family);
  const missing = universe.subtract(set).toCidrs();
  if (missing.length <= 2) return `${universe.toCidrs().join('')} except ${missing.join(', ')}`;
  const first = ranges[0];
  return first ? `${formatRange(first)} and ${ranges.length - 1} more` : '';
}
