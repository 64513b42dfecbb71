/**
 * Rewrites AdminNetworkPolicy and BaselineAdminNetworkPolicy manifests (v1alpha1) as the
 * ClusterNetworkPolicy (v1alpha2) that means the same: `tier: Admin` with the ANP's priority, or
 * `tier: Baseline`; `Allow` becomes `Accept`; `ports` become `protocols` (`portNumber` and
 * `portRange` a `tcp`/`udp`/`sctp` `destinationPort`, `namedPort` a `destinationNamedPort`).
 * Other documents are kept as they are. Used to run netpol-analyzer's ANP cases through the
 * v1alpha2 reader: the same scenario must give the same listing in both versions.
 */
import { parseAllDocuments, stringify } from 'yaml';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function protocolKey(protocol: unknown): string {
  return typeof protocol === 'string' ? protocol.toLowerCase() : 'tcp';
}

function toProtocol(port: unknown): unknown {
  if (!isObject(port)) return port;
  if (isObject(port.portNumber)) return { [protocolKey(port.portNumber.protocol)]: { destinationPort: { number: port.portNumber.port } } };
  if (isObject(port.portRange)) {
    const { protocol, start, end } = port.portRange;
    return { [protocolKey(protocol)]: { destinationPort: { range: { start, end } } } };
  }
  if (typeof port.namedPort === 'string') return { destinationNamedPort: port.namedPort };
  return port;
}

function toRule(rule: unknown): unknown {
  if (!isObject(rule)) return rule;
  const { ports, action, ...rest } = rule;
  return { ...rest, action: action === 'Allow' ? 'Accept' : action, ...(Array.isArray(ports) ? { protocols: ports.map(toProtocol) } : {}) };
}

function toClusterNetworkPolicy(doc: Json): Json {
  const spec = isObject(doc.spec) ? doc.spec : {};
  const baseline = doc.kind === 'BaselineAdminNetworkPolicy';
  const metadata = isObject(doc.metadata) ? doc.metadata : {};
  const { ingress, egress, priority, ...rest } = spec;
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    // One namespace of names for both tiers: the baseline's `default` gets a prefix.
    metadata: { ...metadata, name: baseline ? `baseline-${String(metadata.name)}` : metadata.name },
    spec: {
      tier: baseline ? 'Baseline' : 'Admin',
      priority: baseline ? 0 : priority,
      ...rest,
      ...(Array.isArray(ingress) ? { ingress: ingress.map(toRule) } : {}),
      ...(Array.isArray(egress) ? { egress: egress.map(toRule) } : {}),
    },
  };
}

/** The file's text with every ANP/BANP document rewritten; undefined when it has none (copy it as is). */
export function rewriteAsClusterNetworkPolicies(text: string): string | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return undefined;
  let changed = false;
  const out = docs.map((d) => {
    const value: unknown = d.toJS();
    if (isObject(value) && (value.kind === 'AdminNetworkPolicy' || value.kind === 'BaselineAdminNetworkPolicy')) {
      changed = true;
      return stringify(toClusterNetworkPolicy(value));
    }
    return d.toString().replace(/^---\n/, '');
  });
  return changed ? out.join('---\n') : undefined;
}
