/**
 * AdminNetworkPolicy, BaselineAdminNetworkPolicy (`policy.networking.k8s.io/v1alpha1`) and
 * ClusterNetworkPolicy (`v1alpha2`) objects as engine input. Odd shapes never throw: a value of the
 * wrong type, an action outside the kind's enum, a peer or port entry setting no field or several
 * are kept so that the engine matches nothing with them; the validation rules say why.
 */
import type { ClusterAction, ClusterPeer, ClusterPolicy, ClusterPolicyKind, ClusterPort, ClusterRule, Tier } from '../engine/clusterPolicyTypes';
import type { K8sObject } from '../model/k8sObject';
import { get, getMap, getSeq, getString, isMap, isScalar, scalarString, type YNode } from '../model/yamlTree';
import { readSelector } from './readSelector';

const CLUSTER_POLICY_KINDS: ReadonlySet<string> = new Set<ClusterPolicyKind>(['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy']);

/** True for the three kinds of `policy.networking.k8s.io` (any version written; the kind decides the shape). */
export function isClusterPolicy(obj: Pick<K8sObject, 'kind' | 'apiVersion'>): obj is Pick<K8sObject, 'apiVersion'> & { kind: ClusterPolicyKind } {
  return CLUSTER_POLICY_KINDS.has(obj.kind) && obj.apiVersion?.split('/')[0] === 'policy.networking.k8s.io';
}

/** The engine's view of the object; undefined for other kinds, or a ClusterNetworkPolicy without a valid tier. */
export function readClusterPolicy(obj: K8sObject, id: string): ClusterPolicy | undefined {
  if (!obj.node || !isClusterPolicy(obj)) return undefined;
  const kind = obj.kind;
  const spec = getMap(obj.node, 'spec');
  const tier = tierOf(kind, getString(spec, 'tier'));
  if (!tier) return undefined;
  const priorityNode = get(spec, 'priority');
  const priority = kind !== 'BaselineAdminNetworkPolicy' && isScalar(priorityNode) && typeof priorityNode.value === 'number' ? priorityNode.value : undefined;
  return {
    id,
    kind,
    name: obj.name ?? '',
    tier,
    priority,
    subject: readPeer(get(spec, 'subject')),
    ingress: readRules(kind, get(spec, 'ingress'), 'from'),
    egress: readRules(kind, get(spec, 'egress'), 'to'),
  };
}

function tierOf(kind: ClusterPolicyKind, written: string | undefined): Tier | undefined {
  if (kind === 'AdminNetworkPolicy') return 'admin';
  if (kind === 'BaselineAdminNetworkPolicy') return 'baseline';
  return written === 'Admin' ? 'admin' : written === 'Baseline' ? 'baseline' : undefined;
}

/** The kind's enum: Allow/Deny/Pass (ANP), Allow/Deny (BANP), Accept/Deny/Pass (CNP). Case matters. */
export function actionOf(kind: ClusterPolicyKind, written: string | undefined): ClusterAction | undefined {
  switch (written) {
    case 'Allow':
      return kind === 'ClusterNetworkPolicy' ? undefined : 'allow';
    case 'Accept':
      return kind === 'ClusterNetworkPolicy' ? 'allow' : undefined;
    case 'Deny':
      return 'deny';
    case 'Pass':
      return kind === 'BaselineAdminNetworkPolicy' ? undefined : 'pass';
    default:
      return undefined;
  }
}

function readRules(kind: ClusterPolicyKind, node: YNode | undefined, peersKey: 'from' | 'to'): ClusterRule[] {
  if (node?.type !== 'seq') return [];
  return node.items.map((item): ClusterRule => {
    const peers = getSeq(item, peersKey)?.items.map(readPeer) ?? [];
    const ports = kind === 'ClusterNetworkPolicy' ? getSeq(item, 'protocols')?.items.map(readProtocol) : getSeq(item, 'ports')?.items.map(readPort);
    return { name: getString(item, 'name') ?? '', action: actionOf(kind, getString(item, 'action')), peers, ...(ports ? { ports } : {}) };
  });
}

/** A subject or a peer: each field that is set (null counts as not set, as Go's decoder reads it). */
function readPeer(node: YNode | undefined): ClusterPeer {
  if (!isMap(node)) return {};
  const set = (key: string): YNode | undefined => {
    const v = get(node, key);
    return v === undefined || (isScalar(v) && v.value === null) ? undefined : v;
  };
  const namespaces = set('namespaces');
  const pods = set('pods');
  const networks = set('networks');
  const nodes = set('nodes');
  const domainNames = set('domainNames');
  const strings = (n: YNode): string[] => (n.type === 'seq' ? n.items.map((i) => scalarString(i) ?? '') : []);
  return {
    ...(namespaces ? { namespaces: readSelector(namespaces) ?? {} } : {}),
    ...(pods ? { pods: { namespaceSelector: readSelector(get(pods, 'namespaceSelector')), podSelector: readSelector(get(pods, 'podSelector')) } } : {}),
    ...(networks ? { networks: strings(networks) } : {}),
    ...(nodes ? { nodes: readSelector(nodes) ?? {} } : {}),
    ...(domainNames ? { domainNames: strings(domainNames) } : {}),
  };
}

const INVALID: ClusterPort = { kind: 'invalid' };

/** v1alpha1 `ports` entry: exactly one of `portNumber`, `namedPort`, `portRange`. */
function readPort(node: YNode): ClusterPort {
  if (!isMap(node) || node.pairs.length !== 1) return INVALID;
  const number = getMap(node, 'portNumber');
  if (number) return range(getString(number, 'protocol'), get(number, 'port'), get(number, 'port'));
  const named = getString(node, 'namedPort');
  if (named !== undefined) return { kind: 'named', name: named };
  const r = getMap(node, 'portRange');
  if (r) return range(getString(r, 'protocol'), get(r, 'start'), get(r, 'end'));
  return INVALID;
}

/** v1alpha2 `protocols` entry: exactly one of `tcp`, `udp`, `sctp` (each with a `destinationPort`), `destinationNamedPort`. */
function readProtocol(node: YNode): ClusterPort {
  if (!isMap(node) || node.pairs.length !== 1) return INVALID;
  const named = getString(node, 'destinationNamedPort');
  if (named !== undefined) return { kind: 'named', name: named };
  for (const [key, protocol] of [
    ['tcp', 'TCP'],
    ['udp', 'UDP'],
    ['sctp', 'SCTP'],
  ] as const) {
    const port = getMap(getMap(node, key), 'destinationPort');
    if (!port) continue;
    const r = getMap(port, 'range');
    if (r) return range(protocol, get(r, 'start'), get(r, 'end'));
    return range(protocol, get(port, 'number'), get(port, 'number'));
  }
  return INVALID;
}

function range(protocol: string | undefined, from: YNode | undefined, to: YNode | undefined): ClusterPort {
  const n = (v: YNode | undefined): number | undefined => (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) ? v.value : undefined);
  const a = n(from);
  const b = n(to);
  return a === undefined || b === undefined ? INVALID : { kind: 'range', ...(protocol === undefined ? {} : { protocol }), from: a, to: b };
}
