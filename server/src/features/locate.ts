/**
 * What is under the cursor: from a file model and an offset, the Kubernetes object and the part
 * of it a hover can explain — a workload's name, kind or pod-template label; a policy's
 * `spec.podSelector`; a rule (its `from`/`to` or `ports` key, or a rule with neither); a peer of
 * a rule (or one of its selectors); an ipBlock; a port entry; a cluster-wide policy (its kind,
 * name, priority, tier or subject) or one of its rules (`name`, `action`); a route's backend
 * Service name.
 * Odd shapes (a scalar where a map belongs) simply locate nothing; nothing throws.
 */
import { isClusterPolicy } from '../analysis/readClusterPolicy';
import { readRoute, routeKindOf } from '../analysis/readRoute';
import { WORKLOAD_KINDS } from '../analysis/readWorkload';
import { isCustomApiVersion } from '../model/apiGroups';
import type { FileModel } from '../model/fileModel';
import type { K8sObject } from '../model/k8sObject';
import { at, getMap, getPair, getSeq, isMap, type YMap, type YNode, type YPair } from '../model/yamlTree';
import { isKubernetesNetworkPolicy, policyRules, type Direction, type PolicyRule } from '../rules/policy/networkPolicyTree';

interface Span {
  /** File offsets of the text the hover applies to. */
  readonly start: number;
  readonly end: number;
}

export type WorkloadPart = 'name' | 'kind' | 'label';

export interface LocatedWorkload extends Span {
  readonly type: 'workload';
  readonly object: K8sObject;
  readonly part: WorkloadPart;
}

export interface LocatedPolicySelector extends Span {
  readonly type: 'policySelector';
  readonly object: K8sObject;
}

/** Which part of a peer: one of its selectors, or the item as a whole. */
export type PeerPart = 'podSelector' | 'namespaceSelector' | 'peer';

export interface LocatedPeer extends Span {
  readonly type: 'peer';
  readonly object: K8sObject;
  readonly direction: Direction;
  readonly ruleIndex: number;
  readonly peerIndex: number;
  readonly part: PeerPart;
}

export interface LocatedIpBlock extends Span {
  readonly type: 'ipBlock';
  readonly object: K8sObject;
  readonly direction: Direction;
  readonly ruleIndex: number;
  readonly peerIndex: number;
  /** The `ipBlock` map. */
  readonly node: YMap;
}

export interface LocatedPort extends Span {
  readonly type: 'port';
  readonly object: K8sObject;
  readonly direction: Direction;
  readonly ruleIndex: number;
  readonly portIndex: number;
  readonly node: YNode;
}

/** A rule as a whole: hovered on its `from`/`to` or `ports` key, or a rule with neither (`- {}`). */
export interface LocatedRule extends Span {
  readonly type: 'rule';
  readonly object: K8sObject;
  readonly direction: Direction;
  readonly ruleIndex: number;
}

/** An AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy: its kind, name, priority or subject. */
export interface LocatedClusterPolicy extends Span {
  readonly type: 'clusterPolicy';
  readonly object: K8sObject;
}

/** A rule of a cluster-wide policy: its `name` or `action`. */
export interface LocatedClusterRule extends Span {
  readonly type: 'clusterRule';
  readonly object: K8sObject;
  readonly direction: Direction;
  readonly ruleIndex: number;
}

/** A backend's Service name in an Ingress, HTTPRoute, GRPCRoute or OpenShift Route. */
export interface LocatedRouteBackend extends Span {
  readonly type: 'routeBackend';
  readonly object: K8sObject;
  /** Index in the route's backends as `readRoute` lists them. */
  readonly backendIndex: number;
}

export type Located =
  | LocatedRouteBackend
  | LocatedWorkload
  | LocatedPolicySelector
  | LocatedRule
  | LocatedPeer
  | LocatedIpBlock
  | LocatedPort
  | LocatedClusterPolicy
  | LocatedClusterRule;

const contains = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

function pairSpan(pair: YPair): Span {
  return { start: pair.key.start, end: pair.value ? Math.max(pair.value.end, pair.key.end) : pair.key.end };
}

/** The object of the file whose tree contains `offset` (the innermost, for List items). */
export function objectAt(file: FileModel, offset: number): K8sObject | undefined {
  let found: K8sObject | undefined;
  for (const obj of file.objects) {
    if (obj.node && contains(obj, offset) && (!found || obj.end - obj.start <= found.end - found.start)) found = obj;
  }
  return found;
}

export function locate(file: FileModel, offset: number): Located | undefined {
  const object = objectAt(file, offset);
  if (!object?.node) return undefined;
  if (isKubernetesNetworkPolicy(object)) return locateInPolicy(object, object.node, offset);
  if (isClusterPolicy(object)) return locateInClusterPolicy(object, object.node, offset);
  if (routeKindOf(object)) return locateInRoute(object, offset);
  // A custom resource may be a workload (a pod template, or an operator's resource making pods).
  if (WORKLOAD_KINDS.has(object.kind) || isCustomApiVersion(object.apiVersion)) return locateInWorkload(object, object.node, offset);
  return undefined;
}

function locateInRoute(object: K8sObject, offset: number): LocatedRouteBackend | undefined {
  const backends = readRoute(object, object.namespace ?? '')?.backends ?? [];
  const backendIndex = backends.findIndex((b) => contains(b.nameNode, offset));
  const node = backends[backendIndex]?.nameNode;
  return node ? { type: 'routeBackend', object, backendIndex, start: node.start, end: node.end } : undefined;
}

function locateInClusterPolicy(object: K8sObject, root: YMap, offset: number): LocatedClusterPolicy | LocatedClusterRule | undefined {
  const spec = getMap(root, 'spec');
  for (const pair of [getPair(root, 'kind'), getPair(getMap(root, 'metadata'), 'name'), getPair(spec, 'priority'), getPair(spec, 'tier'), getPair(spec, 'subject')]) {
    if (pair && contains(pairSpan(pair), offset)) return { type: 'clusterPolicy', object, ...pairSpan(pair) };
  }
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = getSeq(spec, direction)?.items ?? [];
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      for (const key of ['name', 'action']) {
        const pair = getPair(isMap(rule) ? rule : undefined, key);
        if (pair && contains(pairSpan(pair), offset)) return { type: 'clusterRule', object, direction, ruleIndex: i, ...pairSpan(pair) };
      }
    }
  }
  return undefined;
}

/** Pod-template metadata of a workload manifest (the Pod's own for a Pod). */
export function podTemplateMetadata(object: K8sObject): YMap | undefined {
  const root = object.node;
  if (object.kind === 'Pod') return getMap(root, 'metadata');
  const template = object.kind === 'CronJob' ? at(root, ['spec', 'jobTemplate', 'spec', 'template']) : at(root, ['spec', 'template']);
  return getMap(template, 'metadata');
}

function locateInWorkload(object: K8sObject, root: YMap, offset: number): LocatedWorkload | undefined {
  const name = getPair(getMap(root, 'metadata'), 'name');
  if (name && contains(pairSpan(name), offset)) return { type: 'workload', object, part: 'name', ...pairSpan(name) };
  const kind = getPair(root, 'kind');
  if (kind && contains(pairSpan(kind), offset)) return { type: 'workload', object, part: 'kind', ...pairSpan(kind) };
  const labels = getMap(podTemplateMetadata(object), 'labels');
  for (const pair of labels?.pairs ?? []) {
    if (contains(pairSpan(pair), offset)) return { type: 'workload', object, part: 'label', ...pairSpan(pair) };
  }
  return undefined;
}

function locateInPolicy(object: K8sObject, root: YMap, offset: number): Located | undefined {
  const spec = getMap(root, 'spec');
  if (!spec || !contains(spec, offset)) return undefined;
  const selector = getPair(spec, 'podSelector');
  if (selector && contains(pairSpan(selector), offset)) return { type: 'policySelector', object, ...pairSpan(selector) };
  for (const rule of policyRules(spec)) {
    if (!contains(rule.node, offset)) continue;
    return locateInRule(object, rule, offset);
  }
  return undefined;
}

function locateInRule(object: K8sObject, rule: PolicyRule, offset: number): Located | undefined {
  const base = { object, direction: rule.direction, ruleIndex: rule.index };
  const ports = rule.ports?.items ?? [];
  for (let i = 0; i < ports.length; i++) {
    const node = ports[i] as YNode;
    if (contains(node, offset)) return { type: 'port', ...base, portIndex: i, node, start: node.start, end: node.end };
  }
  const peers = rule.peers?.items ?? [];
  for (let i = 0; i < peers.length; i++) {
    const node = peers[i] as YNode;
    if (!contains(node, offset)) continue;
    const peer = { ...base, peerIndex: i };
    const ipBlock = node.type === 'map' ? getPair(node, 'ipBlock') : undefined;
    if (ipBlock?.value?.type === 'map' && contains(pairSpan(ipBlock), offset)) {
      return { type: 'ipBlock', ...peer, node: ipBlock.value, ...pairSpan(ipBlock) };
    }
    for (const part of ['podSelector', 'namespaceSelector'] as const) {
      const pair = node.type === 'map' ? getPair(node, part) : undefined;
      if (pair && contains(pairSpan(pair), offset)) return { type: 'peer', ...peer, part, ...pairSpan(pair) };
    }
    return { type: 'peer', ...peer, part: 'peer', start: node.start, end: node.end };
  }
  // The keys of the lists the rule is made of; a value of another shape is left unexplained.
  for (const [key, list] of [[rule.peersKey, rule.peers], ['ports', rule.ports]] as const) {
    const pair = list ? getPair(rule.map, key) : undefined;
    if (pair && contains(pair.key, offset)) return { type: 'rule', ...base, start: pair.key.start, end: pair.key.end };
  }
  const empty = rule.map !== undefined && !getPair(rule.map, rule.peersKey) && !getPair(rule.map, 'ports');
  if (empty && contains(rule.node, offset)) return { type: 'rule', ...base, start: rule.node.start, end: rule.node.end };
  return undefined;
}
