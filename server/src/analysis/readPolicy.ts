/**
 * A NetworkPolicy object as engine input. Odd shapes never throw: a rule that is null is the
 * empty rule (as the API server decodes it), other non-map rules, peers and ports are dropped,
 * and values of the wrong type are passed on so the engine matches nothing with them.
 */
import type { K8sObject } from '../model/k8sObject';
import { get, getMap, getSeq, getString, isMap, isScalar, scalarString, type YNode } from '../model/yamlTree';
import type { Direction, IpBlock, Policy, PolicyPeer, PolicyPort, PolicyRule } from '../engine/types';
import { readSelector } from './readSelector';

export function readPolicy(obj: K8sObject, id: string, namespace: string): Policy | undefined {
  if (!obj.node) return undefined;
  const spec = getMap(obj.node, 'spec');
  const policyTypes = getSeq(spec, 'policyTypes')?.items.map((n) => scalarString(n) ?? '');
  return {
    id,
    name: obj.name ?? '',
    namespace,
    podSelector: readSelector(get(spec, 'podSelector')),
    policyTypes,
    ingress: readRules(get(spec, 'ingress'), 'ingress'),
    egress: readRules(get(spec, 'egress'), 'egress'),
  };
}

function isNull(node: YNode | undefined): boolean {
  return node === undefined || (isScalar(node) && node.value === null);
}

function readRules(node: YNode | undefined, direction: Direction): PolicyRule[] {
  if (node === undefined || node.type !== 'seq') return [];
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  const rules: PolicyRule[] = [];
  for (const item of node.items) {
    if (isNull(item)) rules.push({});
    else if (isMap(item)) {
      const peers = getSeq(item, peersKey)?.items.map(readPeer);
      const ports = getSeq(item, 'ports')?.items.map(readPort);
      rules.push({ peers, ports });
    } else rules.push({ peers: [{}], ports: [] });
  }
  return rules;
}

function readPeer(node: YNode): PolicyPeer {
  if (!isMap(node)) return {};
  const ipBlockNode = get(node, 'ipBlock');
  let ipBlock: IpBlock | undefined;
  if (!isNull(ipBlockNode)) {
    ipBlock = {
      cidr: getString(ipBlockNode, 'cidr') ?? '',
      except: getSeq(ipBlockNode, 'except')?.items.map((n) => scalarString(n) ?? '') ?? [],
    };
  }
  const podSelector = get(node, 'podSelector');
  const namespaceSelector = get(node, 'namespaceSelector');
  return {
    ...(isNull(podSelector) ? {} : { podSelector: readSelector(podSelector) ?? {} }),
    ...(isNull(namespaceSelector) ? {} : { namespaceSelector: readSelector(namespaceSelector) ?? {} }),
    ...(ipBlock ? { ipBlock } : {}),
  };
}

function readPort(node: YNode): PolicyPort {
  if (!isMap(node)) return { protocol: 'invalid' };
  const portNode = get(node, 'port');
  const endNode = get(node, 'endPort');
  let port: number | string | undefined;
  // A boolean (`port: true`) is neither a number nor a name: the API server cannot decode it.
  if (isScalar(portNode) && portNode.value !== null && typeof portNode.value !== 'boolean') port = typeof portNode.value === 'number' ? portNode.value : String(portNode.value);
  else if (portNode !== undefined && !isNull(portNode)) return { protocol: 'invalid' };
  const endPort = isScalar(endNode) && typeof endNode.value === 'number' ? endNode.value : undefined;
  const protocolNode = get(node, 'protocol');
  const protocol = isNull(protocolNode) ? undefined : (scalarString(protocolNode) ?? 'invalid');
  return { protocol, port, endPort };
}
