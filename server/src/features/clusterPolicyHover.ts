/**
 * Hovers on AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy objects: on the
 * policy (kind, name, priority, tier, subject) where it stands in the order of evaluation and whom
 * it applies to; on a rule (`name`, `action`) what it matches and what it decides in this
 * workspace — or which earlier rules decide first.
 */
import type { ClusterPolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { actionName, clusterPolicyLabel } from '../engine/clusterPolicyTypes';
import type { Direction } from '../engine/types';
import { tierAnalysisOf } from '../rules/crossFile/tierEffects';
import { portSpecText, workloadsText } from './describe';
import { capList, code, plural } from './markdown';
import { clusterPeerText, clusterPolicyLink, tierPieceRef } from './tierText';

export function clusterPolicyHover(analysis: WorkspaceAnalysis, info: ClusterPolicyInfo): string {
  const p = info.policy;
  const workloads = analysis.subjectWorkloads(info);
  const place =
    p.tier === 'admin'
      ? `Admin tier${p.priority === undefined ? '' : `, priority ${p.priority}`}: consulted before any NetworkPolicy, after Admin tier policies of lower priority numbers. Its Allow and Deny are final; Pass hands a connection on to NetworkPolicy.`
      : `Baseline tier${p.priority === undefined ? '' : `, priority ${p.priority}`}: consulted only for pods no NetworkPolicy isolates (in that direction), for what the Admin tier leaves.`;
  const lines = [`**${clusterPolicyLabel(p)}** — ${place}`, ''];
  lines.push(workloads.length === 0 ? 'Applies to no workload of this workspace.' : `Applies to ${plural(workloads.length, 'workload')}: ${workloadsText(workloads, analysis)}`);
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = direction === 'ingress' ? p.ingress : p.egress;
    const Direction = direction === 'ingress' ? 'Ingress' : 'Egress';
    if (rules.length === 0) {
      lines.push('', `${Direction}: no rules — it does not affect ${direction}.`);
      continue;
    }
    const actions = rules.map((r, i) => `${code(`${direction}[${i}]`)} ${r.action ? actionName(p.kind, r.action) : '(invalid action: ignored)'}${r.name ? ` "${r.name}"` : ''}`);
    lines.push('', `${Direction} (first match decides): ${capList(actions, 6)}`);
    if (p.tier === 'baseline') {
      const { isolated, applying } = tierAnalysisOf(analysis).isolation(p.id, direction);
      if (isolated > 0) lines.push('', `${isolated} of the ${plural(applying, 'workload')} it applies to ${isolated === 1 ? 'is' : 'are'} isolated for ${direction} by NetworkPolicies: for ${isolated === 1 ? 'it' : 'them'} these rules are not consulted.`);
    }
  }
  const same = analysis.clusterPolicies().filter((o) => o !== info && o.policy.tier === p.tier && o.policy.priority !== undefined && o.policy.priority === p.priority);
  if (same.length > 0) {
    lines.push('', `⚠ Same tier and priority as ${capList(same.map((o) => clusterPolicyLink(analysis, o)))}: where both match a connection, which applies is undefined upstream.`);
  }
  return lines.join('\n');
}

export function clusterRuleHover(analysis: WorkspaceAnalysis, info: ClusterPolicyInfo, direction: Direction, ruleIndex: number): string | undefined {
  const rule = (direction === 'ingress' ? info.policy.ingress : info.policy.egress)[ruleIndex];
  if (!rule) return undefined;
  const pieces = analysis.network.cluster.piecesOf(info.index, direction).filter((p) => p.rule.ruleIndex === ruleIndex);
  const first = pieces[0];
  const head = `**Rule ${code(`${direction}[${ruleIndex}]`)}${rule.name ? ` "${rule.name}"` : ''}** of ${clusterPolicyLink(analysis, info)}`;
  if (!rule.action || !first) return `${head}\n\nIts action is not valid for a ${info.policy.kind}: the API server rejects the policy (see the diagnostic); here it matches nothing.`;
  const verb = actionName(info.policy.kind, rule.action);
  const fromTo = direction === 'ingress' ? 'from' : 'to';
  const lines = [head, '', `${verb} ${fromTo} (any of):`];
  for (const piece of pieces) lines.push(`- ${clusterPeerText(analysis, piece)}`);
  const destinations = direction === 'ingress' ? analysis.subjectWorkloads(info) : pieces.flatMap((p) => [...p.workloads].flatMap((i) => analysis.workloads()[i] ?? []));
  lines.push('', first.ports.all ? 'On every port and protocol.' : `On ${portSpecText(first.ports, destinations.map((w) => w.workload.namedPorts))}.`);
  const tiers = tierAnalysisOf(analysis);
  const effects = pieces.map((p) => tiers.effectOf(p));
  if (!effects.some((e) => e?.matched)) lines.push('', 'In this workspace it matches no connection of the pods it applies to.');
  else if (!effects.some((e) => e?.decided)) {
    const by = [...new Set(pieces.flatMap((p) => tiers.coveringPieces(p)))].map((p) => tierPieceRef(analysis, p));
    lines.push('', `In this workspace it decides nothing: earlier rules decide everything it matches first${by.length > 0 ? ` — ${capList(by, 4)}` : ''}.`);
  } else if (rule.action === 'pass') {
    const lower = effects.some((e) => e?.passReachesLowerTier);
    lines.push('', lower ? 'What it passes is decided by NetworkPolicy or the Baseline tier.' : 'What it passes reaches no NetworkPolicy or baseline rule in this workspace: the default allows it.');
  }
  return lines.join('\n');
}
