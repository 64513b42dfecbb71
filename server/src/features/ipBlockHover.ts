/**
 * The hover on an ipBlock: the effective ranges (`cidr` minus every `except`) as CIDRs, how many
 * addresses that is, and which excepted parts other rules allow anyway for the selected pods.
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { AddressSet } from '../engine/addressSet';
import type { AllowedPiece } from '../engine/network';
import type { Direction } from '../engine/types';
import { notGovernedText, peerOf, ruleRefText, rulePath } from './describe';
import { capList, code, formatCount, workloadLabel } from './markdown';
import { exceptedAddresses } from './workloadHover';

export function ipBlockHover(analysis: WorkspaceAnalysis, policy: PolicyInfo, direction: Direction, ruleIndex: number, peerIndex: number): string | undefined {
  if (!analysis.network.governs(policy.index, direction)) return notGovernedText(analysis, policy, direction);
  const piece = analysis.network.piecesOf(policy.index, direction).find((p) => p.rule.ruleIndex === ruleIndex && p.rule.peerIndex === peerIndex);
  const block = piece ? peerOf(policy, piece.rule)?.ipBlock : undefined;
  if (!piece || !block) return undefined;
  const cidrs = piece.addresses.toCidrs();
  const count = piece.addresses.ranges().reduce((n, r) => n + (r.to - r.from + 1n), 0n);
  const except = block.except ?? [];
  // Only excepts that remove addresses from the block are counted: `minus 1 except` for one outside it would mislead.
  const cidr = AddressSet.parse(block.cidr);
  const removing = except.filter((e) => {
    const set = AddressSet.parse(e);
    return cidr !== undefined && set !== undefined && !set.intersect(cidr).isEmpty();
  });
  const idle = cidr ? except.length - removing.length : 0;
  const head = `**${code(block.cidr)}${removing.length > 0 ? ` minus ${exceptCount(removing.length)}` : ''}** = ${cidrs.length === 0 ? 'no address' : `${cidrs.length === 1 ? '1 range' : `${cidrs.length} ranges`}, ${formatCount(count)} addresses`}`;
  const lines = [head, ''];
  if (cidrs.length === 0) lines.push(AddressSet.parse(block.cidr) ? 'The excepts cover the whole block: this peer matches nothing.' : `${code(block.cidr)} is not a valid CIDR: this peer matches nothing.`);
  else lines.push(`Effective ranges: ${capList(cidrs.map(code), 16)}`);
  if (idle > 0) lines.push('', `${idle === 1 ? '1 except lies' : `${idle} excepts lie`} outside ${code(block.cidr)} and ${idle === 1 ? 'removes' : 'remove'} nothing.`);
  lines.push('', `An ipBlock matches addresses only, never pods (pod IPs are ephemeral; whether a CNI matches them is implementation-specific).`);
  lines.push(...reallowed(analysis, policy, direction, piece));
  return lines.join('\n');
}

function exceptCount(n: number): string {
  return n === 1 ? '1 except' : `${n} excepts`;
}

/** Excepted parts that another rule allows anyway, per rule, for the pods this policy selects. */
function reallowed(analysis: WorkspaceAnalysis, policy: PolicyInfo, direction: Direction, piece: AllowedPiece): string[] {
  const excepted = exceptedAddresses(analysis, piece);
  if (!excepted || excepted.isEmpty()) return [];
  const byRule = new Map<string, { text: string; addresses: AddressSet; pods: string[] }>();
  // Workloads selected by the same policies have the same pieces: look at each set of pieces once.
  const classes = new Map<string, { pieces: readonly AllowedPiece[]; pods: string[] }>();
  for (const w of analysis.selectedWorkloads(policy)) {
    const answer = analysis.allowed(w, direction);
    const key = answer.policies.join(',');
    const entry = classes.get(key) ?? { pieces: answer.pieces, pods: [] };
    entry.pods.push(workloadLabel(w));
    classes.set(key, entry);
  }
  for (const { pieces, pods } of classes.values()) {
    for (const other of pieces) {
      if (other.rule.policy === piece.rule.policy && rulePath(other.rule) === rulePath(piece.rule)) continue;
      const overlap = other.addresses.intersect(excepted);
      if (overlap.isEmpty()) continue;
      const key = `${other.rule.policy} ${rulePath(other.rule)}`;
      const entry = byRule.get(key) ?? { text: ruleRefText(other.rule, analysis), addresses: AddressSet.empty(), pods: [] };
      entry.addresses = entry.addresses.union(overlap);
      entry.pods.push(...pods);
      byRule.set(key, entry);
    }
  }
  if (byRule.size === 0) return ['', 'No other rule allows the excepted addresses: the excepts hold.'];
  const out = ['', '**Excepts undone elsewhere** (for these pods the exception does not deny):'];
  for (const e of byRule.values()) out.push(`- ${capList(e.addresses.toCidrs().map(code), 4)} allowed by ${e.text} (for ${capList(e.pods.map(code), 4)})`);
  return out;
}
