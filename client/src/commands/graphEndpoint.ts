/**
 * What a click on the graph asks the server to explain: the graph's edges name their ends as the
 * listing does — a workload `ns/name[Kind]`, or address ranges `a-b, c-d[External]` — and the
 * explanation request takes a workload or one address. An address set is explained for its first
 * address, and the answer says which address that is. Pure, tested without VS Code.
 */
import type { TrafficEndpoint } from '../../../shared/src/protocol';

export interface GraphEndpoint {
  readonly endpoint: TrafficEndpoint;
  /** Said before the explanation when the end is an address set (`for 0.0.0.0, the first address of 0.0.0.0-9.255.255.255`). */
  readonly note: string | undefined;
}

export function graphEndpoint(text: string): GraphEndpoint {
  if (!text.endsWith('[External]')) return { endpoint: { workload: text }, note: undefined };
  const ranges = text.slice(0, -'[External]'.length);
  const address = ranges.split('-')[0]?.trim() ?? '';
  return { endpoint: { address }, note: `for ${address}, the first address of ${ranges}` };
}
