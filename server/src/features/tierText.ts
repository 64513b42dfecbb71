/**
 * Words for the cluster-wide tiers in hovers and explanations: a policy and rule as a link with
 * its priority and path (`[AdminNetworkPolicy deny-mon](…) (priority 10, ingress[0] "deny-mon")`),
 * a peer of a cluster rule, and who decided a connection (tierVerdict.ts's decisions).
 */
import type { ClusterPolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { TierPiece } from '../engine/clusterLayer';
import { clusterPolicyLabel, type ClusterPeer } from '../engine/clusterPolicyTypes';
import { pinnedNamespaceNames, selectsByNameOnly } from '../rules/crossFile/clusterKnowledge';
import { selectorText } from './describe';
import type { Decision } from '../engine/tierVerdict';
import { capList, code, objectLink } from './markdown';

export function clusterPolicyLink(analysis: WorkspaceAnalysis, info: ClusterPolicyInfo): string {
  return objectLink(clusterPolicyLabel(info.policy), info.source, analysis.manifests);
}

/** `[AdminNetworkPolicy deny-mon](…) (priority 10, `ingress[0]` "deny-mon")`. */
export function tierPieceRef(analysis: WorkspaceAnalysis, piece: TierPiece): string {
  const info = analysis.clusterPolicyById(piece.rule.policy);
  if (!info) return code(piece.rule.policy);
  const rule = (piece.rule.direction === 'ingress' ? info.policy.ingress : info.policy.egress)[piece.rule.ruleIndex];
  const parts = [...(info.policy.priority === undefined ? [] : [`priority ${info.policy.priority}`]), `${code(`${piece.rule.direction}[${piece.rule.ruleIndex}]`)}${rule?.name ? ` "${rule.name}"` : ''}`];
  return `${clusterPolicyLink(analysis, info)} (${parts.join(', ')})`;
}

/** The peer of a cluster rule in words: `namespace mon`, `pods app=prom in every namespace`, `10.0.0.0/8`. */
export function clusterPeerText(analysis: WorkspaceAnalysis, piece: TierPiece): string {
  const info = analysis.clusterPolicyById(piece.rule.policy);
  const rules = info ? (piece.rule.direction === 'ingress' ? info.policy.ingress : info.policy.egress) : [];
  const peer: ClusterPeer | undefined = rules[piece.rule.ruleIndex]?.peers[piece.rule.peerIndex];
  if (!peer) return 'nothing';
  if (peer.networks) return capList(peer.networks.map(code), 4);
  if (peer.nodes) return `nodes ${code(selectorText(peer.nodes))} (node addresses are not in manifests: not judged)`;
  if (peer.domainNames) return `${capList(peer.domainNames.map(code), 4)} (what a name resolves to is not in manifests: not judged)`;
  const namespaces = peer.namespaces ?? peer.pods?.namespaceSelector;
  const names = selectsByNameOnly(namespaces) ? pinnedNamespaceNames(namespaces) : undefined;
  const where =
    names && names.length > 0
      ? `namespace${names.length === 1 ? '' : 's'} ${capList(names.map(code), 4)}`
      : selectorText(namespaces) === '{}'
        ? 'every namespace'
        : `namespaces ${code(selectorText(namespaces))}`;
  if (peer.pods && selectorText(peer.pods.podSelector) !== '{}') return `pods ${code(selectorText(peer.pods.podSelector))} in ${where}`;
  return where === 'every namespace' ? 'every pod' : `every pod of ${where}`;
}

/** Who decided some ports, for a side of an explanation: `denied by … before any NetworkPolicy is consulted`. */
export function decisionMarkdown(analysis: WorkspaceAnalysis, d: Decision, isolatedBy: readonly string[]): string {
  const verb = d.allowed ? 'allowed' : 'denied';
  let text: string;
  if (d.by.layer === 'cluster') {
    const admin = d.by.piece.tier === 'admin';
    const when = admin ? (d.allowed ? ', whatever NetworkPolicies say' : ' before any NetworkPolicy is consulted') : ', as no NetworkPolicy isolates this pod';
    text = `${verb} by ${tierPieceRef(analysis, d.by.piece)}${when}`;
  } else if (d.by.layer === 'default') text = 'allowed: no tier decides (the default)';
  else if (d.allowed) {
    const policies = [...new Set(d.by.allowedBy.map((r) => r.policy))].map((id) => code(id));
    text = `allowed by NetworkPolicy ${capList(policies, 4)}`;
  } else text = `denied: NetworkPolicy ${capList(isolatedBy.map(code), 4)} isolates it and no rule allows it`;
  return d.passedBy ? `${text} — handed on by the Pass of ${tierPieceRef(analysis, d.passedBy)}` : text;
}
