/**
 * `cluster-rule-shadowed`: a rule of an AdminNetworkPolicy, BaselineAdminNetworkPolicy or
 * ClusterNetworkPolicy that matches connections of the workspace but decides none of them: an
 * earlier rule of the same policy, a policy of its tier with a lower priority number, or (for a
 * baseline rule) an Admin tier Allow or Deny has decided every one of them first. The rule is dead
 * code, or the order is not what was meant.
 *
 * Judged where the workspace shows what the rule matches: its peers are `networks`, or pods of
 * named namespaces the workspace holds; and when the rules deciding first belong to another
 * policy, the subject's pods too (clusterScope.ts). With `workspaceIsWholeCluster`, always.
 */
import type { ClusterPolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { TierPiece } from '../engine/clusterLayer';
import { isEmptySelector } from '../engine/labelSelector';
import type { ClusterPeer } from '../engine/clusterPolicyTypes';
import { ClusterKnowledge } from './crossFile/clusterKnowledge';
import { clusterPodsKnown } from './crossFile/clusterScope';
import { listOf } from './crossFile/describe';
import { ruleAnchor, ruleLabel, ruleOf, tierAnalysisOf } from './crossFile/tierEffects';
import { tierRule } from './crossFile/tierRule';
import type { LocatedFinding } from './crossFile/workspaceFindings';

export const clusterRuleShadowedRule = tierRule('cluster-rule-shadowed', (analysis) => {
  const tiers = tierAnalysisOf(analysis);
  const known = new ClusterKnowledge(analysis);
  const out: LocatedFinding[] = [];
  for (const info of analysis.clusterPolicies()) {
    for (const direction of ['ingress', 'egress'] as const) {
      const pieces = analysis.network.cluster.piecesOf(info.index, direction);
      const rules = new Set(pieces.map((p) => p.rule.ruleIndex));
      for (const ruleIndex of rules) {
        const own = pieces.filter((p) => p.rule.ruleIndex === ruleIndex);
        const effects = own.map((p) => tiers.effectOf(p));
        if (!effects.some((e) => e?.matched) || effects.some((e) => e?.decided)) continue;
        const covering = [...new Set(own.flatMap((p) => tiers.coveringPieces(p)))];
        if (covering.length === 0 || !judgeable(known, info, ruleIndex, direction, own, covering)) continue;
        const anchor = ruleAnchor(info, direction, ruleIndex);
        if (!anchor) continue;
        const by = listOf(covering.map((p) => ruleLabel(analysis, p)));
        out.push({
          uri: info.source.uri,
          finding: {
            ruleId: 'cluster-rule-shadowed',
            message:
              `This rule never decides anything: every connection it matches in this workspace is decided first by ${by}. ` +
              `Rules are consulted in order within a policy, and policies by priority (lower number first): move it up, or give it a policy of lower priority number.`,
            start: anchor.start,
            end: anchor.end,
            related: covering.flatMap((p) => related(analysis, p)),
            tags: ['unnecessary'],
          },
        });
      }
    }
  }
  return out;
});

function judgeable(known: ClusterKnowledge, info: ClusterPolicyInfo, ruleIndex: number, direction: 'ingress' | 'egress', own: readonly TierPiece[], covering: readonly TierPiece[]): boolean {
  if (known.wholeCluster) return true;
  const rule = ruleOf(info, direction, ruleIndex);
  if (!rule) return false;
  const samePolicy = covering.every((p) => p.rule.policy === info.policy.id);
  // An earlier rule of the same policy matching every pod on at least these ports covers it wherever its pods are.
  if (samePolicy && covering.some((c) => isEverything(info, c) && own.every((p) => p.ports.named.length === 0 && c.ports.named.length === 0 && p.ports.numeric.subtract(c.ports.numeric).isEmpty()))) {
    return rule.peers.every((peer) => peer.namespaces !== undefined || peer.pods !== undefined);
  }
  const peersKnown = rule.peers.every((peer: ClusterPeer) => peer.networks !== undefined || clusterPodsKnown(peer, known));
  return peersKnown && (samePolicy || clusterPodsKnown(info.policy.subject, known));
}

/** A piece whose peer is every pod (`namespaces: {}`, or `pods` with two empty selectors). */
function isEverything(info: ClusterPolicyInfo, piece: TierPiece): boolean {
  const peer = ruleOf(info, piece.rule.direction, piece.rule.ruleIndex)?.peers[piece.rule.peerIndex];
  if (!peer) return false;
  if (peer.namespaces) return isEmptySelector(peer.namespaces);
  return peer.pods !== undefined && isEmptySelector(peer.pods.namespaceSelector) && isEmptySelector(peer.pods.podSelector);
}

function related(analysis: WorkspaceAnalysis, piece: TierPiece): { uri: string; start: number; end: number; message: string }[] {
  const info = analysis.clusterPolicyById(piece.rule.policy);
  const anchor = info ? ruleAnchor(info, piece.rule.direction, piece.rule.ruleIndex) : undefined;
  return info && anchor ? [{ uri: info.source.uri, start: anchor.start, end: anchor.end, message: `decided first by ${ruleLabel(analysis, piece)}` }] : [];
}
