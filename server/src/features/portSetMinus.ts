/** `a` minus `b` for port sets (the engine's PortSet has union and intersection only). */
import { MAX_PORT, MIN_PORT, PortSet, type PortRange } from '../engine/portSet';

export function portSetMinus(a: PortSet, b: PortSet): PortSet {
  return a.intersect(PortSet.fromRanges({ TCP: gaps(b.ranges.TCP), UDP: gaps(b.ranges.UDP), SCTP: gaps(b.ranges.SCTP) }));
}

function gaps(ranges: readonly PortRange[]): [number, number][] {
  const out: [number, number][] = [];
  let next = MIN_PORT;
  for (const [a, b] of ranges) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_PORT) out.push([next, MAX_PORT]);
  return out;
}
