/**
 * Cluster-wide policies as engine input: AdminNetworkPolicy and BaselineAdminNetworkPolicy
 * (`policy.networking.k8s.io/v1alpha1`) and ClusterNetworkPolicy (`v1alpha2`, `tier: Admin |
 * Baseline`), read into one shape. Built by `server/src/analysis/readClusterPolicy.ts`.
 *
 * Upstream semantics (kubernetes-sigs/network-policy-api): the Admin tier is evaluated first, its
 * policies by priority (lower number first) and each policy's rules in written order, the first
 * matching rule deciding; then NetworkPolicy, for pods some NetworkPolicy isolates; then the
 * Baseline tier; then the default (allow). `Pass` skips the rest of its tier. Values the CRD
 * rejects are kept as written where the type allows and then match nothing (see SEMANTICS.md).
 */
import type { LabelSelector } from './types';

export type ClusterPolicyKind = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'ClusterNetworkPolicy';

export type Tier = 'admin' | 'baseline';

/** `Allow`/`Accept` are `allow`. A Pass in the Baseline tier goes on to the default (allow). */
export type ClusterAction = 'allow' | 'deny' | 'pass';

/** Pods in the namespaces the namespace selector matches (missing: all) that the pod selector matches. */
export interface NamespacedPods {
  readonly namespaceSelector?: LabelSelector;
  readonly podSelector?: LabelSelector;
}

/**
 * Whom a policy applies to (`spec.subject`) or a peer (`from`/`to` item). Exactly one field must
 * be set: a subject or peer with none or several matches nothing (the CRD rejects it).
 */
export interface ClusterPeer {
  readonly namespaces?: LabelSelector;
  readonly pods?: NamespacedPods;
  /** CIDRs (egress only). */
  readonly networks?: readonly string[];
  /** Node IPs of the nodes a selector matches (egress only): not judged without Node manifests. */
  readonly nodes?: LabelSelector;
  /** FQDNs (egress only): never judged, they depend on DNS answers. */
  readonly domainNames?: readonly string[];
}

export type ClusterPort =
  /** A port (`from === to`) or an inclusive range of one protocol (`protocol` as written; missing means TCP). */
  | { readonly kind: 'range'; readonly protocol?: string; readonly from: number; readonly to: number }
  /** A container port name of the destination pod, whatever its protocol. */
  | { readonly kind: 'named'; readonly name: string }
  /** An entry the CRD rejects (no field, or several): matches nothing. */
  | { readonly kind: 'invalid' };

export interface ClusterRule {
  /** `name` as written, or ''. */
  readonly name: string;
  /** Undefined when missing or not a value of the kind's enum: the rule matches nothing. */
  readonly action: ClusterAction | undefined;
  /** `from` (ingress) or `to` (egress); empty matches nothing. */
  readonly peers: readonly ClusterPeer[];
  /** Missing: every port and protocol. An entry that is not valid matches nothing. */
  readonly ports?: readonly ClusterPort[];
}

export interface ClusterPolicy {
  /** Unique within one engine input: `<Kind>/<name>` plus a disambiguator for duplicates. */
  readonly id: string;
  readonly kind: ClusterPolicyKind;
  readonly name: string;
  readonly tier: Tier;
  /** 0–1000, lower first; undefined for a BaselineAdminNetworkPolicy (one per cluster) or when missing. */
  readonly priority: number | undefined;
  readonly subject: ClusterPeer;
  readonly ingress: readonly ClusterRule[];
  readonly egress: readonly ClusterRule[];
}

/** One peer of one rule of a cluster-wide policy. */
export interface ClusterRuleRef {
  readonly policy: string;
  readonly direction: 'ingress' | 'egress';
  readonly ruleIndex: number;
  readonly peerIndex: number;
}

/** How a kind names its actions (`Allow` in v1alpha1, `Accept` in v1alpha2). */
export function actionName(kind: ClusterPolicyKind, action: ClusterAction): string {
  if (action === 'allow') return kind === 'ClusterNetworkPolicy' ? 'Accept' : 'Allow';
  return action === 'deny' ? 'Deny' : 'Pass';
}

/** `AdminNetworkPolicy deny-mon`, `ClusterNetworkPolicy (Baseline tier) defaults`. */
export function clusterPolicyLabel(policy: Pick<ClusterPolicy, 'kind' | 'name' | 'tier'>): string {
  return policy.kind === 'ClusterNetworkPolicy' ? `ClusterNetworkPolicy ${policy.name} (${policy.tier === 'admin' ? 'Admin' : 'Baseline'} tier)` : `${policy.kind} ${policy.name}`;
}
