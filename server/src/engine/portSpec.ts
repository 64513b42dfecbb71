/**
 * A rule's `ports`, read once: numeric ports and ranges (`port`..`endPort`), whole protocols
 * (`protocol` without `port`), and named ports, which only mean something against a destination
 * pod's container ports (name and protocol must both match; toward an address they match nothing).
 */
import type { ClusterPort } from './clusterPolicyTypes';
import { PortSet } from './portSet';
import type { NamedPort, PolicyPort, Protocol } from './types';

export interface NamedPortRef {
  readonly name: string;
  /** Undefined: any protocol (cluster-wide policies name a port without one). */
  readonly protocol: Protocol | undefined;
}

export interface PortSpec {
  /** No `ports` (or `ports: []`): every port and protocol. */
  readonly all: boolean;
  /** What the numeric entries allow, whatever the destination. */
  readonly numeric: PortSet;
  readonly named: readonly NamedPortRef[];
  /** Stable text, equal for equal specs. */
  readonly key: string;
}

/** `TCP`, `UDP`, `SCTP` as the API spells them; missing means TCP; anything else is invalid. */
export function parseProtocol(value: string | undefined): Protocol | undefined {
  if (value === undefined) return 'TCP';
  return value === 'TCP' || value === 'UDP' || value === 'SCTP' ? value : undefined;
}

export function compilePorts(ports: readonly PolicyPort[] | undefined): PortSpec {
  if (!ports || ports.length === 0) return { all: true, numeric: PortSet.all(), named: [], key: '*' };
  let numeric = PortSet.empty();
  const named: NamedPortRef[] = [];
  for (const p of ports) {
    const protocol = parseProtocol(p.protocol);
    if (!protocol) continue;
    if (p.port === undefined) numeric = numeric.union(PortSet.range(protocol, 1, 65535));
    else if (typeof p.port === 'string') named.push({ name: p.port, protocol });
    else if (Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535) {
      const end = p.endPort !== undefined && Number.isInteger(p.endPort) ? p.endPort : p.port;
      numeric = numeric.union(PortSet.range(protocol, p.port, end));
    }
  }
  return spec(numeric, named);
}

/**
 * The `ports` of an AdminNetworkPolicy rule or the `protocols` of a ClusterNetworkPolicy rule:
 * missing means every port; a named port resolves by name alone, the protocol being the
 * container port's; entries the CRD rejects match nothing.
 */
export function compileClusterPorts(ports: readonly ClusterPort[] | undefined): PortSpec {
  if (!ports) return { all: true, numeric: PortSet.all(), named: [], key: '*' };
  let numeric = PortSet.empty();
  const named: NamedPortRef[] = [];
  for (const p of ports) {
    if (p.kind === 'named') named.push({ name: p.name, protocol: undefined });
    else if (p.kind === 'range') {
      const protocol = parseProtocol(p.protocol);
      if (protocol && Number.isInteger(p.from) && Number.isInteger(p.to) && p.from >= 1 && p.to <= 65535) numeric = numeric.union(PortSet.range(protocol, p.from, p.to));
    }
  }
  return spec(numeric, named);
}

function spec(numeric: PortSet, named: readonly NamedPortRef[]): PortSpec {
  const namedKey = named.map((n) => `${n.protocol ?? '*'}/${n.name}`).sort().join(',');
  return { all: false, numeric, named, key: `${numeric.key}|${namedKey}` };
}

/** The ports a spec allows toward a destination: a pod's named ports resolved, or an address (undefined). */
export function resolvePorts(spec: PortSpec, destinationPorts: readonly NamedPort[] | undefined): PortSet {
  if (spec.all || spec.named.length === 0 || !destinationPorts) return spec.numeric;
  let set = spec.numeric;
  for (const ref of spec.named) {
    for (const np of destinationPorts) {
      if (np.name === ref.name && (ref.protocol === undefined || np.protocol === ref.protocol)) set = set.union(PortSet.range(np.protocol, np.port, np.port));
    }
  }
  return set;
}
