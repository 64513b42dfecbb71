/**
 * Plain-text names for who decided a connection (tierVerdict.ts): `AdminNetworkPolicy deny-mon
 * (priority 10) ingress[0] "deny-9090" denies`, a NetworkPolicy rule as `ns/name
 * spec.ingress[0].from[1]`, isolation, or the default. For the CLI's JSON reasons and the
 * explanation's plain steps; the editor's markdown links the same parts (features/).
 */
import type { TierPiece } from './clusterLayer';
import { clusterPolicyLabel } from './clusterPolicyTypes';
import type { Network } from './network';
import type { Decision } from './tierVerdict';
import type { RuleRef } from './types';

/** `spec.ingress[0].from[1]` (or `spec.ingress[0]` for a rule without peers). */
export function rulePath(ref: RuleRef): string {
  const rule = `spec.${ref.direction}[${ref.ruleIndex}]`;
  return ref.peerIndex === undefined ? rule : `${rule}.${ref.direction === 'ingress' ? 'from' : 'to'}[${ref.peerIndex}]`;
}

/** `AdminNetworkPolicy deny-mon (priority 10) ingress[0] "deny-9090"`. */
export function tierPieceText(net: Network, piece: TierPiece): string {
  const policy = net.cluster.policies[net.cluster.policyById(piece.rule.policy) ?? -1];
  if (!policy) return piece.rule.policy;
  const rule = (piece.rule.direction === 'ingress' ? policy.ingress : policy.egress)[piece.rule.ruleIndex];
  const priority = policy.priority === undefined ? '' : ` (priority ${policy.priority})`;
  return `${clusterPolicyLabel(policy)}${priority} ${piece.rule.direction}[${piece.rule.ruleIndex}]${rule?.name ? ` "${rule.name}"` : ''}`;
}

/** Who decided, in words: `denied by …`, `allowed by …`, `denied: isolated by … and no rule allows it`, `allowed by default`. */
export function decisionText(net: Network, d: Decision, isolatedBy: readonly string[]): string {
  const verb = d.allowed ? 'allowed' : 'denied';
  let text: string;
  if (d.by.layer === 'cluster') text = `${verb} by ${tierPieceText(net, d.by.piece)}`;
  else if (d.by.layer === 'default') text = 'allowed by default (no tier decides)';
  else if (d.allowed) text = `allowed by NetworkPolicy ${d.by.allowedBy.map((r) => `${r.policy} ${rulePath(r)}`).join(', ')}`;
  else text = `denied: isolated by NetworkPolicy ${isolatedBy.join(', ')} and no rule allows it`;
  return d.passedBy ? `${text}, passed on by ${tierPieceText(net, d.passedBy)}` : text;
}
