/**
 * Exposure: what a workload is open to beyond the workloads of the folder, as netpol-analyzer's
 * exposure analysis reports it — the entire cluster, pods of namespaces chosen by labels (which
 * any namespace may come to carry), pods a rule names that no workload here is, and addresses.
 *
 * Per workload and direction, from its policies' allowing rules (engine answers only):
 * - a side no policy isolates is open to the entire cluster and every address on everything;
 * - a rule without peers, or a peer with `namespaceSelector: {}` and no (or an empty) pod
 *   selector: the entire cluster;
 * - a namespace selector by labels: `[namespace with {…}]/[all pods]` or `…/[pod with {…}]`, and
 *   `[all namespaces]/[pod with {…}]` for `namespaceSelector: {}` with a pod selector;
 * - a namespace named by `kubernetes.io/metadata.name`, or the policy's own: `ns/[all pods]`,
 *   `ns/[pod with {…}]` — unless the workloads here are those pods (see peerExposure);
 * - ipBlocks: the addresses, merged where the ports are the same.
 * A peer whose ports the entire-cluster entry already covers is left out; one that adds some is
 * listed with the entire cluster's ports too. Egress named ports toward pods that are not here
 * stay names (`TCP http`): only the destination pod resolves them.
 */
import { AddressSet } from '../engine/addressSet';
import { isEmptySelector } from '../engine/labelSelector';
import type { Network } from '../engine/network';
import { PortSet } from '../engine/portSet';
import { resolvePorts } from '../engine/portSpec';
import { rulesOf } from '../engine/policyTypes';
import { NAMESPACE_NAME_LABEL, type Direction, type LabelSelector, type PolicyPeer } from '../engine/types';
import { selectorText } from './describe';

export type ExposurePeer =
  | { readonly kind: 'entire-cluster' }
  | { readonly kind: 'addresses'; readonly addresses: AddressSet }
  | {
      readonly kind: 'pods';
      /** `all`: every namespace; `labels`: namespaces chosen by labels; `named`: those namespaces. */
      readonly namespaces: { readonly kind: 'all' } | { readonly kind: 'labels'; readonly selector: LabelSelector } | { readonly kind: 'named'; readonly names: readonly string[] };
      /** Undefined: every pod. */
      readonly pods: LabelSelector | undefined;
    };

export interface ExposureEntry {
  readonly peer: ExposurePeer;
  readonly ports: PortSet;
  /** Egress named ports toward pods not here, which only their pods could resolve: `TCP http`. */
  readonly named: readonly string[];
}

export interface DirectionExposure {
  readonly direction: Direction;
  /** False: no policy isolates the workload in this direction (open to everything). */
  readonly isolated: boolean;
  readonly entries: readonly ExposureEntry[];
}

export function workloadExposure(net: Network, workload: number, direction: Direction): DirectionExposure {
  const answer = net.allowed(workload, direction);
  if (!answer.isolated) {
    return {
      direction,
      isolated: false,
      entries: [
        { peer: { kind: 'entire-cluster' }, ports: PortSet.all(), named: [] },
        { peer: { kind: 'addresses', addresses: AddressSet.all() }, ports: PortSet.all(), named: [] },
      ],
    };
  }
  const self = net.workloads[workload];
  const pods = new Map<string, ExposureEntry>();
  let cluster = PortSet.empty();
  let clusterNamed: string[] = [];
  const addressClasses: { addresses: AddressSet; ports: PortSet }[] = [];
  for (const piece of answer.pieces) {
    const ports = resolvePorts(piece.ports, direction === 'ingress' ? self?.namedPorts : undefined);
    // Toward pods that are not here, an egress named port stays a name (their pods resolve it).
    const named = direction === 'egress' ? piece.ports.named.map((n) => `${n.protocol} ${n.name}`) : [];
    if (ports.isEmpty() && named.length === 0) continue;
    if (!piece.addresses.isEmpty() && !ports.isEmpty()) addAddresses(addressClasses, piece.addresses, ports);
    const policy = net.policies[net.policyById(piece.rule.policy) ?? -1];
    if (!policy) continue;
    const peer = piece.rule.peerIndex === undefined ? undefined : rulesOf(policy, direction)[piece.rule.ruleIndex]?.peers?.[piece.rule.peerIndex];
    const exposure = peer === undefined ? ({ kind: 'entire-cluster' } as const) : peerExposure(peer, policy.namespace, piece.workloads.count() > 0);
    if (!exposure) continue;
    if (exposure.kind === 'entire-cluster') {
      cluster = cluster.union(ports);
      clusterNamed = [...clusterNamed, ...named];
      continue;
    }
    const key = peerKey(exposure);
    const prev = pods.get(key);
    pods.set(key, { peer: canonicalPeer(net, exposure), ports: prev ? prev.ports.union(ports) : ports, named: [...(prev?.named ?? []), ...named] });
  }
  const entries: ExposureEntry[] = [];
  const uniq = (names: readonly string[]): string[] => [...new Set(names)].sort();
  if (!cluster.isEmpty() || clusterNamed.length > 0) entries.push({ peer: { kind: 'entire-cluster' }, ports: cluster, named: uniq(clusterNamed) });
  // Pods of the entire cluster are among any peer's pods: a peer shows what it adds, with the rest.
  for (const e of [...pods.values()].sort((a, b) => (peerText(a.peer) < peerText(b.peer) ? -1 : 1))) {
    const extraNamed = e.named.filter((n) => !clusterNamed.includes(n));
    if (!portsWithin(e.ports, cluster) || extraNamed.length > 0) entries.push({ peer: e.peer, ports: e.ports.union(cluster), named: uniq([...e.named, ...clusterNamed]) });
  }
  for (const c of mergeByPorts(addressClasses)) entries.push({ peer: { kind: 'addresses', addresses: c.addresses }, ports: c.ports, named: [] });
  return { direction, isolated: true, entries };
}

/**
 * Equal selectors written differently (values in another order, `In` one value or the label) get
 * one name throughout the network, the first in text order, as netpol-analyzer names one
 * representative peer per selector.
 */
function canonicalPeer(net: Network, peer: ExposurePeer): ExposurePeer {
  let names = CANONICAL.get(net);
  if (!names) {
    names = new Map<string, ExposurePeer>();
    for (const policy of net.policies) {
      for (const direction of ['ingress', 'egress'] as const) {
        for (const rule of rulesOf(policy, direction)) {
          for (const p of rule.peers ?? []) {
            const e = peerExposure(p, policy.namespace, false);
            if (!e || e.kind !== 'pods') continue;
            const key = peerKey(e);
            const prev = names.get(key);
            if (!prev || peerText(e) < peerText(prev)) names.set(key, e);
          }
        }
      }
    }
    CANONICAL.set(net, names);
  }
  return names.get(peerKey(peer)) ?? peer;
}

const CANONICAL = new WeakMap<Network, Map<string, ExposurePeer>>();

/**
 * What a peer exposes beyond the folder's workloads, or undefined (an ipBlock, or pods that the
 * workloads here stand for). A peer that some workload here matches is left out when its pod
 * selector names exact labels (matchLabels only) and its namespace selector, if any, does too:
 * those pods are the workloads listed. An empty pod selector (every pod of a namespace) or one
 * with expressions stays: pods that may come are matched too.
 */
function peerExposure(peer: PolicyPeer, policyNamespace: string, matchesWorkloadsHere: boolean): ExposurePeer | undefined {
  if (peer.ipBlock) return undefined;
  if (!peer.podSelector && !peer.namespaceSelector) return undefined;
  const pods = peer.podSelector === undefined || isEmptySelector(peer.podSelector) ? undefined : peer.podSelector;
  const exact = (s: LabelSelector | undefined): boolean => (s?.matchExpressions ?? []).length === 0;
  const allNamespaces = peer.namespaceSelector !== undefined && isEmptySelector(peer.namespaceSelector);
  if (matchesWorkloadsHere && pods && exact(pods) && exact(peer.namespaceSelector) && !allNamespaces) return undefined;
  if (!peer.namespaceSelector) return { kind: 'pods', namespaces: { kind: 'named', names: [policyNamespace] }, pods };
  if (isEmptySelector(peer.namespaceSelector)) return pods ? { kind: 'pods', namespaces: { kind: 'all' }, pods } : { kind: 'entire-cluster' };
  const labels = Object.keys(peer.namespaceSelector.matchLabels ?? {});
  const name = peer.namespaceSelector.matchLabels?.[NAMESPACE_NAME_LABEL];
  if (name !== undefined && labels.length === 1 && (peer.namespaceSelector.matchExpressions ?? []).length === 0) {
    return { kind: 'pods', namespaces: { kind: 'named', names: [name] }, pods };
  }
  return { kind: 'pods', namespaces: { kind: 'labels', selector: peer.namespaceSelector }, pods };
}

function portsWithin(a: PortSet, b: PortSet): boolean {
  return a.intersect(b).equals(a);
}

/** Adds (addresses, ports) to disjoint classes of addresses, each with the union of their ports. */
function addAddresses(classes: { addresses: AddressSet; ports: PortSet }[], addresses: AddressSet, ports: PortSet): void {
  let rest = addresses;
  const added: { addresses: AddressSet; ports: PortSet }[] = [];
  for (const c of classes) {
    const common = c.addresses.intersect(rest);
    if (common.isEmpty()) continue;
    c.addresses = c.addresses.subtract(common);
    added.push({ addresses: common, ports: c.ports.union(ports) });
    rest = rest.subtract(common);
  }
  if (!rest.isEmpty()) added.push({ addresses: rest, ports });
  classes.push(...added);
  for (let i = classes.length - 1; i >= 0; i--) if (classes[i]?.addresses.isEmpty()) classes.splice(i, 1);
}

function mergeByPorts(classes: readonly { addresses: AddressSet; ports: PortSet }[]): { addresses: AddressSet; ports: PortSet }[] {
  const byKey = new Map<string, { addresses: AddressSet; ports: PortSet }>();
  for (const c of classes) {
    const prev = byKey.get(c.ports.key);
    byKey.set(c.ports.key, prev ? { addresses: prev.addresses.union(c.addresses), ports: c.ports } : { ...c });
  }
  return [...byKey.values()].sort((a, b) => {
    const x = a.addresses.ranges()[0];
    const y = b.addresses.ranges()[0];
    return !x || !y ? 0 : x.family !== y.family ? (x.family < y.family ? -1 : 1) : x.from < y.from ? -1 : x.from > y.from ? 1 : 0;
  });
}

/**
 * netpol-analyzer's name of a peer: `entire-cluster`, `ns/[all pods]`,
 * `[namespace with {team=a}]/[pod with {{Key:app,Operator:In,Values:[x y],}}]` (labels as
 * `k=v` sorted by key, expressions as Go prints them, values and expressions sorted, so equal
 * selectors get one name).
 */
export function peerText(peer: ExposurePeer): string {
  switch (peer.kind) {
    case 'entire-cluster':
      return 'entire-cluster';
    case 'addresses':
      return peer.addresses.toRangeStrings().map((r) => `${r}[External]`).join(', ');
    case 'pods': {
      const ns = peer.namespaces;
      const nsText = ns.kind === 'all' ? '[all namespaces]' : ns.kind === 'named' ? ns.names.join(',') : `[namespace with {${goSelectorText(ns.selector)}}]`;
      return `${nsText}/${peer.pods ? `[pod with {${goSelectorText(peer.pods)}}]` : '[all pods]'}`;
    }
  }
}

/** A selector as netpol-analyzer writes it in exposure output. */
function goSelectorText(selector: LabelSelector, normalize = false): string {
  const labels: Record<string, string> = { ...(selector.matchLabels ?? {}) };
  const reqs: string[] = [];
  for (const r of selector.matchExpressions ?? []) {
    const values = [...(r.values ?? [])];
    // Normalised (for merging): an `In` with one value is that label, values are sorted.
    if (normalize && r.operator === 'In' && values.length === 1 && labels[r.key] === undefined) labels[r.key] = values[0] as string;
    else reqs.push(`{Key:${r.key},Operator:${r.operator},Values:[${(normalize ? values.sort() : values).join(' ')}],}`);
  }
  const labelText = Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return [labelText, reqs.sort().join(',')].filter((t) => t !== '').join(',');
}

/** The same for equal selectors (values in any order, `In` one value or the label): what entries are merged by. */
function peerKey(peer: ExposurePeer): string {
  if (peer.kind !== 'pods') return peerText(peer);
  const ns = peer.namespaces;
  return `${ns.kind === 'labels' ? goSelectorText(ns.selector, true) : ns.kind === 'named' ? ns.names.join(',') : '*'}|${ns.kind}|${peer.pods ? goSelectorText(peer.pods, true) : ''}`;
}

/** `TCP 8050,8090`, `All Connections`, `TCP http,local-dns`: numbers then names per protocol. */
export function exposureConnsText(entry: Pick<ExposureEntry, 'ports' | 'named'>): string {
  if (entry.named.length === 0) return entry.ports.toString();
  const byProtocol = new Map<string, string[]>();
  for (const n of entry.named) {
    const [protocol = '', name = ''] = n.split(' ');
    byProtocol.set(protocol, [...(byProtocol.get(protocol) ?? []), name]);
  }
  const base = entry.ports.isEmpty() ? '' : entry.ports.toString();
  if (base === 'All Connections') return base;
  const parts = base === '' ? [] : base.split(/,(?=[A-Z])/);
  for (const [protocol, names] of byProtocol) {
    const i = parts.findIndex((p) => p.startsWith(`${protocol} `));
    if (i >= 0) parts[i] = `${parts[i] ?? ''},${names.join(',')}`;
    else parts.push(`${protocol} ${names.join(',')}`);
  }
  return parts.sort().join(',');
}

/** In words, for the hover: `every pod of every namespace`, `pods \`app=b\` of namespaces labelled \`team=a\``. */
export function peerWords(peer: ExposurePeer, code: (s: string) => string): string {
  switch (peer.kind) {
    case 'entire-cluster':
      return 'every pod of every namespace';
    case 'addresses': {
      if (peer.addresses.equals(AddressSet.all())) return 'every address';
      return (['ipv4', 'ipv6'] as const)
        .flatMap((family) => {
          const universe = AddressSet.universe(family);
          const mine = peer.addresses.intersect(universe);
          const label = family === 'ipv4' ? 'IPv4' : 'IPv6';
          if (mine.isEmpty()) return [];
          if (mine.equals(universe)) return [`every ${label} address`];
          const outside = universe.subtract(mine).toCidrs();
          const cidrs = mine.toCidrs();
          if (cidrs.length <= 3) return [`${label} ${cidrs.map(code).join(', ')}`];
          if (outside.length <= 3) return [`every ${label} address outside ${outside.map(code).join(', ')}`];
          return [`${cidrs.length} ${label} ranges`];
        })
        .join(' and ');
    }
    case 'pods': {
      const ns = peer.namespaces;
      const pods = peer.pods ? `pods ${code(selectorText(peer.pods))}` : 'every pod';
      if (ns.kind === 'all') return `${pods} of every namespace`;
      if (ns.kind === 'labels') return `${pods} of namespaces labelled ${code(selectorText(ns.selector))}`;
      return `${pods} of namespace${ns.names.length === 1 ? '' : 's'} ${ns.names.map(code).join(', ')} (no such workload here)`;
    }
  }
}

/**
 * One line for the workload hover: what the workload is open to beyond this workspace's
 * workloads, per direction, e.g. "ingress: every pod of every namespace on TCP 8080".
 */
export function exposureSentence(net: Network, workload: number, code: (s: string) => string, portsText: (p: PortSet) => string): string {
  const parts: string[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    const exposure = workloadExposure(net, workload, direction);
    if (!exposure.isolated) {
      parts.push(`${direction}: everything (no policy isolates it)`);
      continue;
    }
    const items = exposure.entries.map((e) => {
      const ports = e.named.length === 0 ? portsText(e.ports) : exposureConnsText(e);
      return `${peerWords(e.peer, code)} on ${ports}`;
    });
    if (items.length > 0) parts.push(`${direction}: ${items.length > 3 ? `${items.slice(0, 3).join('; ')}; and ${items.length - 3} more` : items.join('; ')}`);
  }
  return parts.length === 0 ? 'Exposed to nothing beyond the workloads of this workspace.' : `Exposed beyond this workspace — ${parts.join(' · ')}.`;
}
