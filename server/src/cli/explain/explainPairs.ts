/**
 * Which pairs `explain` reports, as netpol-analyzer's `list --explain`: every workload with every
 * other workload, external sources (the address space cut at the boundaries of ingress ipBlocks)
 * toward each workload, and each workload toward external destinations (cut at egress ipBlocks);
 * never a workload with itself, never two addresses. The focus options keep what `list` keeps;
 * `explainOnly` keeps pairs with something allowed, or with nothing allowed (with a focus port:
 * that port allowed, or denied).
 */
import { AddressSet, formatRange } from '../../engine/addressSet';
import type { IpFamily } from '../../engine/cidr';
import { workloadMatchesName } from '../../engine/connectivityListing';
import type { Network } from '../../engine/network';
import type { PortSet } from '../../engine/portSet';
import type { Direction } from '../../engine/types';
import { explainEnds, focusPair, type ExplainEnd, type ExplainedPair } from './pairExplanation';

export interface ExplainOptions {
  readonly focusWorkloads?: readonly string[];
  readonly focusDirection?: 'ingress' | 'egress';
  readonly focusPeers?: readonly string[];
  /** One protocol and port (`--focus-conn udp-53`). */
  readonly focusConn?: PortSet;
  readonly explainOnly?: 'allow' | 'deny';
  /** Address families (default IPv4 only, as netpol-analyzer). */
  readonly families?: readonly IpFamily[];
}

export function explainPairs(net: Network, options: ExplainOptions = {}): ExplainedPair[] {
  const families = options.families ?? ['ipv4'];
  const workloads: ExplainEnd[] = net.workloads.map((w, index) => ({ kind: 'workload', index, text: w.id }));
  const sources = [...families.flatMap((f) => addressEnds(net, 'ingress', f)), ...workloads];
  const destinations = [...families.flatMap((f) => addressEnds(net, 'egress', f)), ...workloads];
  const matches = (e: ExplainEnd, names: readonly string[] | undefined): boolean => {
    if (!names || names.length === 0) return true;
    const w = e.kind === 'workload' ? net.workloads[e.index] : undefined;
    return w !== undefined && names.some((n) => workloadMatchesName(w, n));
  };
  const focus = options.focusWorkloads && options.focusWorkloads.length > 0 ? options.focusWorkloads : undefined;
  const keep = (src: ExplainEnd, dst: ExplainEnd): boolean => {
    if (src.kind === 'address' && dst.kind === 'address') return false;
    if (src.kind === 'workload' && dst.kind === 'workload' && src.index === dst.index) return false;
    if (options.focusDirection === 'ingress' && !matches(dst, focus)) return false;
    if (options.focusDirection === 'egress' && !matches(src, focus)) return false;
    const peer = (e: ExplainEnd): boolean => !focus || matches(e, options.focusPeers);
    return (matches(src, focus) && peer(dst)) || (matches(dst, focus) && peer(src));
  };
  const out: ExplainedPair[] = [];
  for (const src of sources) {
    for (const dst of destinations) {
      if (!keep(src, dst)) continue;
      let pair = explainEnds(net, src, dst);
      if (options.focusConn) pair = focusPair(pair, options.focusConn);
      if (options.explainOnly === 'allow' && pair.allowed.isEmpty()) continue;
      if (options.explainOnly === 'deny' && !pair.allowed.isEmpty()) continue;
      out.push(pair);
    }
  }
  return out.sort((a, b) => compare(a.src.text, b.src.text) || compare(a.dst.text, b.dst.text));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The address space of a family cut at every ipBlock boundary of the direction's rules. */
function addressEnds(net: Network, direction: Direction, family: IpFamily): ExplainEnd[] {
  const universe = AddressSet.universe(family).ranges(family)[0];
  if (!universe) return [];
  const cuts = new Set<bigint>([universe.from]);
  net.policies.forEach((_, pi) => {
    for (const piece of net.piecesOf(pi, direction)) {
      for (const r of piece.addresses.ranges(family)) {
        cuts.add(r.from);
        if (r.to < universe.to) cuts.add(r.to + 1n);
      }
    }
  });
  const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return starts.map((from, i) => {
    const to = i + 1 < starts.length ? (starts[i + 1] as bigint) - 1n : universe.to;
    return { kind: 'address', family, from, to, text: `${formatRange({ family, from, to })}[External]` };
  });
}
