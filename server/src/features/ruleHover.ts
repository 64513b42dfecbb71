/**
 * The hover on a rule as a whole (its `from`/`to` or `ports` key, or a rule with neither): the
 * peers it allows, ORed, and its ports, with what a missing list means (every peer, every port),
 * and that it only adds to what the other rules selecting the same pods allow.
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { rulesOf } from '../engine/policyTypes';
import type { Direction } from '../engine/types';
import { notGovernedText, pieceTargetText, pieceWorkloads, portSpecText, rulePath } from './describe';
import { code, plural, policyLink } from './markdown';

export function ruleHover(analysis: WorkspaceAnalysis, policy: PolicyInfo, direction: Direction, ruleIndex: number): string | undefined {
  if (!analysis.network.governs(policy.index, direction)) return notGovernedText(analysis, policy, direction);
  const rule = rulesOf(policy.policy, direction)[ruleIndex];
  if (!rule) return undefined;
  const pieces = analysis.network.piecesOf(policy.index, direction).filter((p) => p.rule.ruleIndex === ruleIndex);
  const first = pieces[0];
  if (!first) return undefined;
  const key = direction === 'ingress' ? 'from' : 'to';
  const anyone = direction === 'ingress' ? 'every source' : 'every destination';
  const peers = rule.peers ?? [];
  const lines = [`**Rule ${code(`${direction}[${ruleIndex}]`)}** of ${policyLink(policy, analysis.manifests)}`, ''];
  if (peers.length === 0) lines.push(`No ${code(key)} (or an empty one): ${anyone}, pods and addresses alike.`);
  else {
    lines.push(peers.length === 1 ? 'One peer:' : `${plural(peers.length, 'peer')}, **OR**: a connection is allowed when any one matches.`);
    for (const p of pieces) lines.push(`- ${code(rulePath(p.rule))}: ${pieceTargetText(p, analysis, direction)}`);
  }
  // Named ports resolve on the destination: the selected pods (ingress), else each peer pod.
  const destinations =
    direction === 'ingress' ? analysis.selectedWorkloads(policy) : pieces.flatMap((p) => pieceWorkloads(p, analysis));
  const ports = portSpecText(first.ports, destinations.map((w) => w.workload.namedPorts));
  lines.push('', first.ports.all ? `No ${code('ports')}: every port and protocol.` : `Ports, for every peer above: ${ports}.`);
  lines.push('', `This rule adds to what the other rules of this and every other policy selecting the same pods allow: rules never deny.`);
  return lines.join('\n');
}
