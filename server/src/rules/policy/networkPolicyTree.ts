/**
 * Walking a NetworkPolicy's tree with its nodes, for rules that check one policy.
 *
 * `networkPolicies(file)` gives the Kubernetes NetworkPolicy objects of a file (`networking.k8s.io`
 * or `extensions/v1beta1`, whose schema is the same), and the `policy*` functions list the parts of a spec
 * with their YAML nodes and API field paths (`spec.ingress[0].from[1].ipBlock`), the paths the
 * API server names in its errors. Everything tolerates odd input: a scalar where a map belongs is
 * listed with `map: undefined` (or skipped where nothing can be said about it); nothing throws.
 */
import type { FileModel } from '../../model/fileModel';
import type { K8sObject } from '../../model/k8sObject';
import { get, getPair, getSeq, isMap, isSeq, type YMap, type YNode, type YPair, type YSeq } from '../../model/yamlTree';

export interface NetworkPolicyObject {
  readonly object: K8sObject;
  readonly root: YMap;
  /** `spec` when it is a map. */
  readonly spec: YMap | undefined;
}

export type Direction = 'ingress' | 'egress';

export interface PolicyRule {
  readonly direction: Direction;
  readonly index: number;
  /** `spec.ingress[0]`. */
  readonly path: string;
  readonly node: YNode;
  readonly map: YMap | undefined;
  /** `from` for ingress, `to` for egress. */
  readonly peersKey: 'from' | 'to';
  readonly peers: YSeq | undefined;
  readonly ports: YSeq | undefined;
}

/** An item of a rule's `from`/`to` (or `ports`) list. */
export interface RuleItem {
  readonly rule: PolicyRule;
  readonly index: number;
  /** `spec.ingress[0].from[1]`. */
  readonly path: string;
  readonly node: YNode;
  readonly map: YMap | undefined;
  /** The list the item is in. */
  readonly list: YSeq;
}

export interface IpBlock {
  readonly peer: RuleItem;
  /** `spec.ingress[0].from[1].ipBlock`. */
  readonly path: string;
  readonly pair: YPair;
  readonly map: YMap;
  /** The `cidr` value node, if present. */
  readonly cidr: YNode | undefined;
  readonly cidrPair: YPair | undefined;
  /** `except` when it is a list. */
  readonly except: YSeq | undefined;
}

export type SelectorRole = 'policy' | 'podSelector' | 'namespaceSelector';

export interface LabelSelector {
  /** `spec.podSelector`, or a peer's `podSelector` / `namespaceSelector`. */
  readonly role: SelectorRole;
  readonly path: string;
  readonly pair: YPair;
  readonly node: YNode | undefined;
  /** The peer holding it; undefined for `spec.podSelector`. */
  readonly peer: RuleItem | undefined;
}

/**
 * True for the Kubernetes NetworkPolicy (`networking.k8s.io/*`, the old `extensions/*`, or no
 * apiVersion written), not the same-named kinds of CNIs (Calico's `projectcalico.org/v3`,
 * `crd.projectcalico.org/v1`), whose schema is different.
 */
export function isKubernetesNetworkPolicy(object: K8sObject): boolean {
  if (object.kind !== 'NetworkPolicy') return false;
  const group = object.apiVersion?.split('/')[0];
  return object.apiVersion === undefined || group === 'networking.k8s.io' || group === 'extensions';
}

/** The Kubernetes NetworkPolicy objects of a file whose tree was read. */
export function networkPolicies(file: FileModel): NetworkPolicyObject[] {
  const out: NetworkPolicyObject[] = [];
  for (const object of file.objects) {
    if (!isKubernetesNetworkPolicy(object) || !object.node) continue;
    const spec = get(object.node, 'spec');
    out.push({ object, root: object.node, spec: isMap(spec) ? spec : undefined });
  }
  return out;
}

/**
 * `compute` remembering its last answer: the rules of a file run one after another over the same
 * policy, and each lists its parts again. A spec's tree never changes, so its node is the input.
 */
function lastAnswer<T>(compute: (spec: YNode | undefined) => readonly T[]): (spec: YNode | undefined) => readonly T[] {
  let spec: YNode | undefined;
  let answer: readonly T[] = [];
  return (node) => {
    if (node === undefined) return [];
    if (node !== spec) {
      answer = compute(node);
      spec = node;
    }
    return answer;
  };
}

/** The ingress and egress rules, in that order. */
export const policyRules = lastAnswer(rulesOfSpec);

function rulesOfSpec(spec: YNode | undefined): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    const list = getSeq(spec, direction);
    const peersKey = direction === 'ingress' ? 'from' : 'to';
    list?.items.forEach((node, index) => {
      const map = isMap(node) ? node : undefined;
      out.push({
        direction,
        index,
        path: `spec.${direction}[${index}]`,
        node,
        map,
        peersKey,
        peers: getSeq(map, peersKey),
        ports: getSeq(map, 'ports'),
      });
    });
  }
  return out;
}

function items(rule: PolicyRule, key: string, list: YSeq | undefined): RuleItem[] {
  if (!list) return [];
  return list.items.map((node, index) => ({
    rule,
    index,
    path: `${rule.path}.${key}[${index}]`,
    node,
    map: isMap(node) ? node : undefined,
    list,
  }));
}

/** Every peer of every rule (`from`/`to` items). */
export const policyPeers = lastAnswer((spec) => policyRules(spec).flatMap((r) => items(r, r.peersKey, r.peers)));

/** Every `ports` item of every rule. */
export function policyPorts(spec: YNode | undefined): RuleItem[] {
  return policyRules(spec).flatMap((r) => items(r, 'ports', r.ports));
}

/** Every peer's `ipBlock` that is a map. */
export const policyIpBlocks = lastAnswer(ipBlocksOfSpec);

function ipBlocksOfSpec(spec: YNode | undefined): IpBlock[] {
  const out: IpBlock[] = [];
  for (const peer of policyPeers(spec)) {
    const pair = getPair(peer.map, 'ipBlock');
    if (!pair || !isMap(pair.value)) continue;
    const map = pair.value;
    const cidrPair = getPair(map, 'cidr');
    const except = get(map, 'except');
    out.push({
      peer,
      path: `${peer.path}.ipBlock`,
      pair,
      map,
      cidr: cidrPair?.value,
      cidrPair,
      except: isSeq(except) ? except : undefined,
    });
  }
  return out;
}

/** Every ipBlock of every NetworkPolicy of a file. */
export function fileIpBlocks(file: FileModel): readonly IpBlock[] {
  return networkPolicies(file).flatMap((p) => policyIpBlocks(p.spec));
}

/** `spec.podSelector` and every peer's `podSelector` / `namespaceSelector`, where written. */
export function policySelectors(spec: YNode | undefined): LabelSelector[] {
  const out: LabelSelector[] = [];
  const own = getPair(isMap(spec) ? spec : undefined, 'podSelector');
  if (own) out.push({ role: 'policy', path: 'spec.podSelector', pair: own, node: own.value, peer: undefined });
  for (const peer of policyPeers(spec)) {
    for (const role of ['podSelector', 'namespaceSelector'] as const) {
      const pair = getPair(peer.map, role);
      if (pair) out.push({ role, path: `${peer.path}.${role}`, pair, node: pair.value, peer });
    }
  }
  return out;
}
