/**
 * Walking the tree of an AdminNetworkPolicy, BaselineAdminNetworkPolicy or ClusterNetworkPolicy,
 * for rules that check one policy: its rules, peers and port entries with their YAML nodes and
 * field paths (`spec.egress[0].to[1].networks[0]`), the paths the API server names in its errors.
 * Tolerates odd input: a scalar where a map belongs is listed with `map: undefined`; nothing throws.
 */
import { isClusterPolicy } from '../../analysis/readClusterPolicy';
import type { ClusterPolicyKind } from '../../engine/clusterPolicyTypes';
import type { FileModel } from '../../model/fileModel';
import type { K8sObject } from '../../model/k8sObject';
import { get, getSeq, isMap, isScalar, type YMap, type YNode, type YSeq } from '../../model/yamlTree';

export interface ClusterPolicyObject {
  readonly object: K8sObject;
  readonly kind: ClusterPolicyKind;
  readonly root: YMap;
  /** `spec` when it is a map. */
  readonly spec: YMap | undefined;
}

export type Direction = 'ingress' | 'egress';

export interface ClusterRuleNode {
  readonly policy: ClusterPolicyObject;
  readonly direction: Direction;
  readonly index: number;
  /** `spec.ingress[0]`. */
  readonly path: string;
  readonly node: YNode;
  readonly map: YMap | undefined;
  /** `from` for ingress, `to` for egress. */
  readonly peersKey: 'from' | 'to';
  readonly peers: YSeq | undefined;
  /** `ports` (v1alpha1) or `protocols` (ClusterNetworkPolicy). */
  readonly portsKey: 'ports' | 'protocols';
  readonly ports: YSeq | undefined;
}

/** An item of a rule's `from`/`to` or `ports`/`protocols` list. */
export interface ClusterItem {
  readonly rule: ClusterRuleNode;
  readonly index: number;
  /** `spec.ingress[0].from[1]`. */
  readonly path: string;
  readonly node: YNode;
  readonly map: YMap | undefined;
}

/** The cluster-wide policy objects of a file whose tree was read. */
export function clusterPolicyObjects(file: FileModel): ClusterPolicyObject[] {
  const out: ClusterPolicyObject[] = [];
  for (const object of file.objects) {
    if (!object.node || !isClusterPolicy(object)) continue;
    const spec = get(object.node, 'spec');
    out.push({ object, kind: object.kind, root: object.node, spec: isMap(spec) ? spec : undefined });
  }
  return out;
}

/** The ingress and egress rules, in that order. */
export function clusterRules(policy: ClusterPolicyObject): ClusterRuleNode[] {
  const out: ClusterRuleNode[] = [];
  const portsKey = policy.kind === 'ClusterNetworkPolicy' ? 'protocols' : 'ports';
  for (const direction of ['ingress', 'egress'] as const) {
    const peersKey = direction === 'ingress' ? 'from' : 'to';
    getSeq(policy.spec, direction)?.items.forEach((node, index) => {
      const map = isMap(node) ? node : undefined;
      out.push({ policy, direction, index, path: `spec.${direction}[${index}]`, node, map, peersKey, peers: getSeq(map, peersKey), portsKey, ports: getSeq(map, portsKey) });
    });
  }
  return out;
}

function items(rule: ClusterRuleNode, key: string, list: YSeq | undefined): ClusterItem[] {
  return (list?.items ?? []).map((node, index) => ({ rule, index, path: `${rule.path}.${key}[${index}]`, node, map: isMap(node) ? node : undefined }));
}

/** Every `from`/`to` item of every rule. */
export function clusterPeers(policy: ClusterPolicyObject): ClusterItem[] {
  return clusterRules(policy).flatMap((r) => items(r, r.peersKey, r.peers));
}

/** Every `ports`/`protocols` item of every rule. */
export function clusterPorts(policy: ClusterPolicyObject): ClusterItem[] {
  return clusterRules(policy).flatMap((r) => items(r, r.portsKey, r.ports));
}

export interface NetworkEntry {
  readonly peer: ClusterItem;
  readonly index: number;
  /** `spec.egress[0].to[1].networks[2]`. */
  readonly path: string;
  readonly node: YNode;
}

/** Every item of every peer's `networks` list. */
export function clusterNetworks(policy: ClusterPolicyObject): NetworkEntry[] {
  return clusterPeers(policy).flatMap((peer) =>
    (getSeq(peer.map, 'networks')?.items ?? []).map((node, index) => ({ peer, index, path: `${peer.path}.networks[${index}]`, node })),
  );
}

/** Every label selector of the policy (subject, peers, `nodes`), with its path; only those written. */
export function clusterSelectors(policy: ClusterPolicyObject): { readonly path: string; readonly node: YNode }[] {
  const out: { path: string; node: YNode }[] = [];
  const visit = (holder: YNode | undefined, path: string): void => {
    if (!isMap(holder)) return;
    for (const key of ['namespaces', 'nodes']) {
      const node = get(holder, key);
      if (node) out.push({ path: `${path}.${key}`, node });
    }
    const pods = get(holder, 'pods');
    for (const key of ['namespaceSelector', 'podSelector']) {
      const node = get(pods, key);
      if (node) out.push({ path: `${path}.pods.${key}`, node });
    }
  };
  visit(get(policy.spec, 'subject'), 'spec.subject');
  for (const peer of clusterPeers(policy)) visit(peer.node, peer.path);
  return out;
}

/** The node when it holds a value (null counts as absent). */
export function present(node: YNode | undefined): YNode | undefined {
  if (!node || (isScalar(node) && node.value === null)) return undefined;
  return node;
}

/** The keys of a map that hold a value (`pods: null` is not set, as Go's decoder reads it). */
export function setKeys(map: YMap | undefined): string[] {
  return (map?.pairs ?? []).filter((p) => present(p.value) !== undefined).map((p) => p.key.source);
}

/**
 * What `kubectl apply` answers for a custom resource the CRD's schema or CEL rules refuse:
 * `The API server rejects this AdminNetworkPolicy: spec.priority: Invalid value: 1001: …`.
 */
export function crdRejects(policy: ClusterPolicyObject, path: string, type: string, value: string | number | undefined, detail: string): string {
  const parts = [path, type, ...(value === undefined ? [] : [typeof value === 'number' ? `${value}` : JSON.stringify(value)]), ...(detail === '' ? [] : [detail])];
  return `The API server rejects this ${policy.kind}: ${parts.join(': ')}`;
}

/** `an AdminNetworkPolicy`, `a ClusterNetworkPolicy`. */
export function aKind(kind: string): string {
  return `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** `AdminNetworkPolicy deny-mon`: how messages name the object. */
export function policyName(policy: ClusterPolicyObject): string {
  return `${policy.kind}${policy.object.name ? ` ${policy.object.name}` : ''}`;
}
