/**
 * The hover on a peer of a rule (`- podSelector: …`, `namespaceSelector`, or both): the
 * workloads and namespaces it matches, and how it combines with its neighbours (selectors in
 * one peer are ANDed, separate peers are ORed, and the rule's ports apply to every peer).
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { isEmptySelector } from '../engine/labelSelector';
import type { AllowedPiece } from '../engine/network';
import type { Direction } from '../engine/types';
import { builtInNamespacesOf, namespacesOf, notGovernedText, peerOf, pieceWorkloads, portSpecText, rulePath, selectorText, workloadsText } from './describe';
import { capList, code, plural } from './markdown';

export function peerHover(analysis: WorkspaceAnalysis, policy: PolicyInfo, direction: Direction, ruleIndex: number, peerIndex: number): string | undefined {
  const pieces = analysis.network.piecesOf(policy.index, direction).filter((p) => p.rule.ruleIndex === ruleIndex);
  const piece = pieces.find((p) => p.rule.peerIndex === peerIndex);
  if (!piece) return analysis.network.governs(policy.index, direction) ? undefined : notGovernedText(analysis, policy, direction);
  const peer = peerOf(policy, piece.rule);
  if (!peer) return undefined;
  const path = code(rulePath(piece.rule));
  if (!peer.ipBlock && !peer.podSelector && !peer.namespaceSelector) return `**Peer ${path}** is empty: it matches nothing (the API server rejects a peer without podSelector, namespaceSelector or ipBlock).`;
  if (peer.ipBlock) return `**Peer ${path}**: an ipBlock (${code(peer.ipBlock.cidr)}); it never matches pods, only addresses.`;
  const workloads = pieceWorkloads(piece, analysis);
  const lines = [`**Peer ${path}** matches ${plural(workloads.length, 'workload')}`, ''];
  lines.push(workloads.length > 0 ? `Workloads: ${workloadsText(workloads, analysis, 20)}` : 'Workloads: none in this workspace.');
  const pods = isEmptySelector(peer.podSelector) ? 'every pod' : `pods matching ${code(selectorText(peer.podSelector))}`;
  if (peer.namespaceSelector && peer.podSelector) {
    lines.push('', `**AND**: podSelector and namespaceSelector in one peer — ${pods} *inside* namespaces matching ${code(selectorText(peer.namespaceSelector))}.`);
  } else if (peer.namespaceSelector) {
    const which = isEmptySelector(peer.namespaceSelector) ? 'every namespace' : `the namespaces matching ${code(selectorText(peer.namespaceSelector))}`;
    lines.push('', `namespaceSelector alone: every pod of ${which}.`);
  } else {
    lines.push('', `podSelector alone: ${pods} of the policy's own namespace ${code(policy.policy.namespace)} only.`);
  }
  if (peer.namespaceSelector) {
    const names = [...namespacesOf(peer, analysis).map(code), ...builtInNamespacesOf(peer, analysis).map((n) => `${code(n)} (in every cluster; its workloads are not in this workspace)`)];
    lines.push(`Namespaces: ${names.length > 0 ? capList(names, 12) : 'none in this workspace'}.`);
  }
  lines.push('', neighboursText(pieces, piece), '', `Ports (the rule's, for every peer): ${portSpecText(piece.ports, direction === 'ingress' ? analysis.selectedWorkloads(policy).map((w) => w.workload.namedPorts) : workloads.map((w) => w.workload.namedPorts))}.`);
  return lines.join('\n');
}

function neighboursText(pieces: readonly AllowedPiece[], piece: AllowedPiece): string {
  const others = pieces.filter((p) => p !== piece).map((p) => code(rulePath(p.rule)));
  if (others.length === 0) return 'The only peer of its rule.';
  return `**OR** with ${capList(others)}: a connection is allowed when any one peer matches (and a port matches).`;
}

