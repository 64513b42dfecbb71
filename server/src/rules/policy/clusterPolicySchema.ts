/**
 * The field names of AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/
 * v1alpha1) and ClusterNetworkPolicy (v1alpha2), as trees like NETWORK_POLICY_SCHEMA: what the
 * CRDs' structural schemas hold at each level (anything else is pruned, or rejected under strict
 * field validation). Shapes the cluster-policy rules explain better name them in `shapeCheckedBy`.
 */
import type { ClusterPolicyKind } from '../../engine/clusterPolicyTypes';
import { list, map, objectMeta, open, selector, string, type FieldSchema } from './networkPolicySchema';

const SUBJECT = 'cluster-policy-subject-invalid';
const PEER = 'cluster-policy-peer-invalid';
const PORT = 'cluster-policy-port-invalid';

const pods = (checkedBy: string): FieldSchema => map('pods', { namespaceSelector: selector, podSelector: selector }, checkedBy);

const subject = map('a subject', { namespaces: selector, pods: pods(SUBJECT) }, SUBJECT);
const ingressPeer = map('an ingress peer', { namespaces: selector, pods: pods(PEER) }, PEER);
const egressPeer = (domainNames: boolean): FieldSchema =>
  map(
    'an egress peer',
    { namespaces: selector, pods: pods(PEER), nodes: selector, networks: list(string('cluster-policy-network-invalid')), ...(domainNames ? { domainNames: list(string(PEER)) } : {}) },
    PEER,
  );

const v1alpha1Port = map(
  'a ports entry',
  {
    portNumber: map('portNumber', { protocol: string('protocol-invalid'), port: open }, PORT),
    namedPort: string(PORT),
    portRange: map('portRange', { protocol: string('protocol-invalid'), start: open, end: open }, PORT),
  },
  PORT,
);

const destinationPort = map('destinationPort', { number: open, range: map('range', { start: open, end: open }, PORT) }, PORT);
const protocolMatch = (name: string): FieldSchema => map(name, { destinationPort }, PORT);
const v1alpha2Protocol = map('a protocols entry', { tcp: protocolMatch('tcp'), udp: protocolMatch('udp'), sctp: protocolMatch('sctp'), destinationNamedPort: string(PORT) }, PORT);

function rules(ports: 'ports' | 'protocols', port: FieldSchema, domainNames: boolean): Record<string, FieldSchema> {
  return {
    ingress: list(map('an ingress rule', { name: string(), action: string('cluster-policy-action-invalid'), from: list(ingressPeer), [ports]: list(port) })),
    egress: list(map('an egress rule', { name: string(), action: string('cluster-policy-action-invalid'), to: list(egressPeer(domainNames)), [ports]: list(port) })),
  };
}

const object = (name: string, spec: Record<string, FieldSchema>): FieldSchema =>
  map(name, { apiVersion: open, kind: open, metadata: objectMeta, spec: map('spec', spec), status: open });

export const CLUSTER_POLICY_SCHEMAS: Readonly<Record<ClusterPolicyKind, FieldSchema>> = {
  AdminNetworkPolicy: object('an AdminNetworkPolicy', { priority: open, subject, ...rules('ports', v1alpha1Port, true) }),
  BaselineAdminNetworkPolicy: object('a BaselineAdminNetworkPolicy', { subject, ...rules('ports', v1alpha1Port, false) }),
  ClusterNetworkPolicy: object('a ClusterNetworkPolicy', { tier: string('cluster-policy-tier-invalid'), priority: open, subject, ...rules('protocols', v1alpha2Protocol, true) }),
};
