/** A port set as JSON: `"all"`, or per protocol the inclusive ranges, e.g. `{"TCP": [[80, 80], [8080, 8090]]}`. */
import type { PortSet } from '../engine/portSet';
import { PROTOCOLS } from '../engine/types';

export type PortsJson = 'all' | Record<string, [number, number][]>;

export function portsJson(ports: PortSet): PortsJson {
  if (ports.isAll()) return 'all';
  const out: Record<string, [number, number][]> = {};
  for (const p of PROTOCOLS) if (ports.ranges[p].length > 0) out[p] = ports.ranges[p].map(([a, b]) => [a, b]);
  return out;
}
