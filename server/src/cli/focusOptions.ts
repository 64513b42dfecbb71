/**
 * netpol-analyzer's focus options, shared by `connectivity` and `explain`: `--focus-workload` and
 * `--focus-workload-peer` take names (`name` or `ns/name`), repeated or comma-separated;
 * `--focus-direction ingress|egress`; `--focus-conn <protocol>-<port>` (`udp-53`, any case).
 * A focus name that names no workload is an error, never an empty listing.
 */
import type { Network } from '../engine/network';
import { workloadMatchesName } from '../engine/connectivityListing';
import { PortSet } from '../engine/portSet';
import type { Protocol } from '../engine/types';
import { UsageError } from './io';
import type { OptionSpec } from './parseArgs';

export const FOCUS_OPTION_SPECS: readonly OptionSpec[] = [
  { name: 'focus-workload', takesValue: true, repeatable: true },
  { name: 'focus-direction', takesValue: true, choices: ['ingress', 'egress'] },
  { name: 'focus-workload-peer', takesValue: true, repeatable: true },
  { name: 'focus-conn', takesValue: true },
];

export const FOCUS_HELP = `  --focus-workload NAMES      only connections of these workloads (name or ns/name; comma-separated
                              or repeated); a name that matches no workload is an error
  --focus-direction ingress|egress
                              with --focus-workload: only connections into (ingress) or out of
                              (egress) the focus workloads
  --focus-workload-peer NAMES with --focus-workload: only connections whose other end is one of
                              these workloads (comma-separated or repeated)
  --focus-conn PROTOCOL-PORT  only this protocol and port, e.g. udp-53 or tcp-8080
`;

export interface FocusOptions {
  readonly focusWorkloads: readonly string[];
  readonly focusDirection: 'ingress' | 'egress' | undefined;
  readonly focusPeers: readonly string[];
  readonly focusConn: { readonly protocol: Protocol; readonly port: number; readonly ports: PortSet } | undefined;
}

/** Names given repeated and comma-separated, trimmed, without empty entries. */
export function nameList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((n) => n.trim()).filter((n) => n !== '');
}

export function readFocusOptions(values: ReadonlyMap<string, readonly string[]>): FocusOptions {
  const focusWorkloads = nameList(values.get('focus-workload'));
  const focusDirection = values.get('focus-direction')?.[0] as 'ingress' | 'egress' | undefined;
  const focusPeers = nameList(values.get('focus-workload-peer'));
  if ((focusDirection !== undefined || focusPeers.length > 0) && focusWorkloads.length === 0) {
    throw new UsageError('--focus-direction and --focus-workload-peer need --focus-workload');
  }
  const conn = values.get('focus-conn')?.[0];
  return { focusWorkloads, focusDirection, focusPeers, focusConn: conn === undefined ? undefined : parseFocusConn(conn) };
}

/** `udp-53` → UDP port 53; a usage error for anything else. */
export function parseFocusConn(text: string): { protocol: Protocol; port: number; ports: PortSet } {
  const m = /^(tcp|udp|sctp)-(\d{1,5})$/i.exec(text.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || !(port >= 1 && port <= 65535)) {
    throw new UsageError(`--focus-conn must be <protocol>-<port> with protocol tcp, udp or sctp and port 1-65535, e.g. udp-53 (got "${text}")`);
  }
  const protocol = (m[1] as string).toUpperCase() as Protocol;
  return { protocol, port, ports: PortSet.range(protocol, port, port) };
}

/**
 * The focus names that name no workload in any of the networks (one per view). Callers report
 * them as an error: an empty listing for a typo would read as "nothing connects".
 */
export function unknownFocusNames(networks: readonly Network[], focus: FocusOptions): string[] {
  const names = [...new Set([...focus.focusWorkloads, ...focus.focusPeers])];
  return names.filter((n) => !networks.some((net) => net.workloads.some((w) => workloadMatchesName(w, n))));
}
