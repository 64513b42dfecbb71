/**
 * The hover on a `ports` entry of a rule: what it allows, and for a named port the number it
 * resolves to on each destination pod (ingress: the pods the policy selects; egress: the pods
 * the rule's peers match). Toward an ipBlock a named port matches nothing.
 */
import type { PolicyInfo, WorkloadInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { compilePorts, parseProtocol } from '../engine/portSpec';
import type { Direction } from '../engine/types';
import { notGovernedText, peerOf, pieceWorkloads, portSetText } from './describe';
import { capList, code, plural, workloadLink } from './markdown';

export function portHover(analysis: WorkspaceAnalysis, policy: PolicyInfo, direction: Direction, ruleIndex: number, portIndex: number): string | undefined {
  if (!analysis.network.governs(policy.index, direction)) return notGovernedText(analysis, policy, direction);
  const rules = (direction === 'ingress' ? policy.policy.ingress : policy.policy.egress) ?? [];
  const port = rules[ruleIndex]?.ports?.[portIndex];
  if (!port) return undefined;
  const protocol = parseProtocol(port.protocol);
  if (!protocol) return `**Matches nothing**: protocol ${code(port.protocol ?? '')} is not one of TCP, UDP, SCTP (the API server rejects it).`;
  const spec = compilePorts([port]);
  if (typeof port.port !== 'string') {
    if (spec.numeric.isEmpty()) return `**Matches nothing**: ${code(String(port.port))} is not a port between 1 and 65535.`;
    const size = spec.numeric.ranges[protocol].reduce((n, [a, b]) => n + b - a + 1, 0);
    return `**${portSetText(spec.numeric)}**${size > 1 ? ` (${plural(size, 'port')})` : ''}\n\nAllowed ${direction === 'ingress' ? 'into the selected pods' : 'toward the peers'} of ${code(`${direction}[${ruleIndex}]`)}.`;
  }
  const destinations = destinationsOf(analysis, policy, direction, ruleIndex);
  const lines = [`**Named port ${code(port.port)}** (${protocol}), resolved on each destination pod`, ''];
  if (destinations.length === 0) lines.push(`No destination workload in this workspace.`);
  const unresolved: WorkloadInfo[] = [];
  for (const w of destinations.slice(0, 20)) {
    const hit = w.workload.namedPorts.filter((np) => np.name === port.port && np.protocol === protocol);
    if (hit.length === 0) unresolved.push(w);
    else lines.push(`- ${workloadLink(w, analysis.manifests)}: ${hit.map((h) => `${h.protocol} ${h.port}`).join(', ')}`);
  }
  if (destinations.length > 20) lines.push(`- and ${destinations.length - 20} more`);
  if (unresolved.length > 0) {
    lines.push('', `Not declared (matches nothing there): ${capList(unresolved.map((w) => workloadLink(w, analysis.manifests)))}`);
  }
  if (direction === 'egress' && rules[ruleIndex]?.peers?.some((p) => p.ipBlock)) {
    lines.push('', 'Toward the ipBlock peers of this rule a named port matches nothing: addresses have no container ports.');
  }
  return lines.join('\n');
}

/** Where the rule's traffic goes: the selected pods (ingress) or the pods its peers match (egress). */
function destinationsOf(analysis: WorkspaceAnalysis, policy: PolicyInfo, direction: Direction, ruleIndex: number): WorkloadInfo[] {
  if (direction === 'ingress') return analysis.selectedWorkloads(policy);
  const seen = new Set<number>();
  const out: WorkloadInfo[] = [];
  for (const piece of analysis.network.piecesOf(policy.index, direction)) {
    if (piece.rule.ruleIndex !== ruleIndex || (piece.rule.peerIndex !== undefined && peerOf(policy, piece.rule)?.ipBlock)) continue;
    for (const w of pieceWorkloads(piece, analysis)) {
      if (!seen.has(w.index)) {
        seen.add(w.index);
        out.push(w);
      }
    }
  }
  return out;
}
