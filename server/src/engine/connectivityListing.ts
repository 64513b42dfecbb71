/**
 * The connectivity listing of netpol-analyzer / `roxctl netpol connectivity map`: one entry per
 * allowed (source, destination) pair, a workload as `ns/name[Kind]` and an external range as
 * `a.b.c.d-e.f.g.h[External]`, self pairs left out, sorted by line; optionally restricted to
 * focus workloads (either end, or one direction) and to focus peers at the other end.
 */
import { formatRange, type AddressRange } from './addressSet';
import type { IpFamily } from './cidr';
import type { ConnectivityMatrix } from './connectivityMatrix';
import type { Network } from './network';
import type { PortSet } from './portSet';
import type { Workload } from './types';

export type ListingEndpoint =
  | { readonly kind: 'workload'; readonly index: number; readonly text: string }
  | { readonly kind: 'address'; readonly range: AddressRange; readonly text: string };

export interface ListingEntry {
  readonly src: ListingEndpoint;
  readonly dst: ListingEndpoint;
  readonly ports: PortSet;
}

export interface ListingOptions {
  /** Address families listed (default IPv4 only, as netpol-analyzer). */
  readonly families?: readonly IpFamily[];
  /** Keep entries with one of these workloads (`name` or `ns/name`) at either end. */
  readonly focusWorkloads?: readonly string[];
  /** With focus workloads: `ingress` keeps entries where the focus is the destination, `egress` the source. */
  readonly focusDirection?: 'ingress' | 'egress';
  /** With focus workloads: the other end must be one of these workloads. */
  readonly focusPeers?: readonly string[];
}

/** `name` or `ns/name` naming the workload. */
export function workloadMatchesName(w: Workload, name: string): boolean {
  return name === w.name || name === `${w.namespace}/${w.name}`;
}

export function entryLine(e: ListingEntry): string {
  return `${e.src.text} => ${e.dst.text} : ${e.ports.toString()}`;
}

export function buildListing(net: Network, matrix: ConnectivityMatrix, options: ListingOptions = {}): ListingEntry[] {
  const families = options.families ?? ['ipv4'];
  const names = net.workloads.map((w) => w.id);
  const workloadEnd = (index: number): ListingEndpoint => ({ kind: 'workload', index, text: names[index] ?? '' });
  const rangeTexts = new Map<string, string>();
  const addressEnd = (range: AddressRange): ListingEndpoint => {
    const key = `${range.family}:${range.from}:${range.to}`;
    let text = rangeTexts.get(key);
    if (text === undefined) rangeTexts.set(key, (text = `${formatRange(range)}[External]`));
    return { kind: 'address', range, text };
  };
  const matches = (index: number, list: readonly string[] | undefined): boolean => {
    const w = net.workloads[index];
    return list === undefined || list.length === 0 || (w !== undefined && list.some((n) => workloadMatchesName(w, n)));
  };
  const focus = options.focusWorkloads && options.focusWorkloads.length > 0 ? options.focusWorkloads : undefined;
  const peers = options.focusPeers && options.focusPeers.length > 0 ? options.focusPeers : undefined;
  const keep = (src: ListingEndpoint, dst: ListingEndpoint): boolean => {
    if (!focus) return true;
    const isFocus = (e: ListingEndpoint): boolean => e.kind === 'workload' && matches(e.index, focus);
    const isPeer = (e: ListingEndpoint): boolean => !peers || (e.kind === 'workload' && matches(e.index, peers));
    const asSource = options.focusDirection !== 'ingress' && isFocus(src) && isPeer(dst);
    const asDestination = options.focusDirection !== 'egress' && isFocus(dst) && isPeer(src);
    return asSource || asDestination;
  };

  const out: ListingEntry[] = [];
  const push = (src: ListingEndpoint, dst: ListingEndpoint, ports: PortSet): void => {
    if (keep(src, dst)) out.push({ src, dst, ports });
  };
  for (const { src, dst, ports } of matrix.pairs()) push(workloadEnd(src), workloadEnd(dst), ports);
  for (let w = 0; w < net.workloads.length; w++) {
    for (const family of families) {
      for (const c of matrix.fromAddresses(w, family)) push(addressEnd(c.range), workloadEnd(w), c.ports);
      for (const c of matrix.toAddresses(w, family)) push(workloadEnd(w), addressEnd(c.range), c.ports);
    }
  }
  return out
    .map((e): [string, ListingEntry] => [entryLine(e), e])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, e]) => e);
}
