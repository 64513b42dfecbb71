/**
 * Shared by the tier rules: the engine's tier analysis of the workspace (computed once per
 * analysis), and how rules and policies are named and located in messages.
 */
import type { ClusterPolicyInfo, WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { TierPiece } from '../../engine/clusterLayer';
import { clusterPolicyLabel, type ClusterRule } from '../../engine/clusterPolicyTypes';
import { analyseTiers, type TierAnalysis } from '../../engine/tierAnalysis';
import { at, get, getPair, type YNode } from '../../model/yamlTree';

export function tierAnalysisOf(analysis: WorkspaceAnalysis): TierAnalysis {
  return analysis.memo('tier-analysis', (a) => analyseTiers(a.network));
}

/** `AdminNetworkPolicy deny-mon (priority 10) ingress[0] "deny-from-mon"`. */
export function ruleLabel(analysis: WorkspaceAnalysis, piece: TierPiece): string {
  const info = analysis.clusterPolicyById(piece.rule.policy);
  if (!info) return piece.rule.policy;
  const rule = ruleOf(info, piece.rule.direction, piece.rule.ruleIndex);
  const priority = info.policy.priority === undefined ? '' : ` (priority ${info.policy.priority})`;
  return `${clusterPolicyLabel(info.policy)}${priority} ${piece.rule.direction}[${piece.rule.ruleIndex}]${rule?.name ? ` "${rule.name}"` : ''}`;
}

export function ruleOf(info: ClusterPolicyInfo, direction: 'ingress' | 'egress', index: number): ClusterRule | undefined {
  return (direction === 'ingress' ? info.policy.ingress : info.policy.egress)[index];
}

/** Where a finding about a rule goes: its `action` value, else the rule's first key. */
export function ruleAnchor(info: ClusterPolicyInfo, direction: 'ingress' | 'egress', index: number): YNode | undefined {
  const rule = at(info.source.node, ['spec', direction, index]);
  const action = get(rule, 'action');
  if (action) return action;
  return rule?.type === 'map' ? rule.pairs[0]?.key : rule;
}

/** The policy's `priority` value, else its `spec` key, else its kind. */
export function priorityAnchor(info: ClusterPolicyInfo): YNode | undefined {
  const spec = get(info.source.node, 'spec');
  return get(spec, 'priority') ?? getPair(info.source.node, 'spec')?.key ?? info.source.kindNode;
}
