/**
 * The cluster-wide tiers in the workload hover, per direction: the Admin tier rules applying to
 * the workload, in the order they are consulted, each saying what it does to whom ("denied … by
 * AdminNetworkPolicy deny-mon (priority 10, ingress[0]) before any NetworkPolicy is consulted");
 * then, after the NetworkPolicy section, the Baseline tier (or why it is not consulted). Policies
 * of one tier and priority are flagged: their order is undefined upstream.
 */
import type { WorkloadInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { TierPiece } from '../engine/clusterLayer';
import { clusterPolicyLabel } from '../engine/clusterPolicyTypes';
import type { Direction, NamedPort } from '../engine/types';
import { portSpecText } from './describe';
import { capList, code } from './markdown';
import { clusterPeerText, tierPieceRef } from './tierText';

/** Rules listed per tier; a hover taller than this is not read. */
const MAX_RULES = 12;

export interface TierSections {
  /** Before the NetworkPolicy section: the Admin tier (empty when none applies). */
  readonly admin: readonly string[];
  /** After it: the Baseline tier (empty when none applies). */
  readonly baseline: readonly string[];
}

export function tierSections(analysis: WorkspaceAnalysis, workload: WorkloadInfo, direction: Direction): TierSections {
  const tiers = analysis.tiered(workload, direction);
  if (tiers.policies.length === 0) return { admin: [], baseline: [] };
  const fromTo = direction === 'ingress' ? 'from' : 'to';
  const line = (piece: TierPiece, verb: string, after = ''): string =>
    `- ${fromTo} ${clusterPeerText(analysis, piece)} on ${portSpecText(piece.ports, destinations(analysis, workload, direction, piece))}: **${verb}** by ${tierPieceRef(analysis, piece)}${after}`;
  const admin: string[] = [];
  if (tiers.admin.length > 0) {
    admin.push(`_Admin tier, consulted first (the first matching rule decides each connection):_`);
    for (const piece of tiers.admin.slice(0, MAX_RULES)) {
      if (piece.action === 'allow') admin.push(line(piece, 'allowed', ', whatever NetworkPolicies say'));
      else if (piece.action === 'deny') admin.push(line(piece, 'denied', ' before any NetworkPolicy is consulted'));
      else admin.push(line(piece, 'passed on', ' to NetworkPolicy (the Baseline tier when none isolates)'));
    }
    if (tiers.admin.length > MAX_RULES) admin.push(`- and ${tiers.admin.length - MAX_RULES} more rules: see the policies' CodeLens`);
  }
  for (const group of tiers.ties) {
    const names = group.map((id) => analysis.clusterPolicyById(id)).flatMap((p) => (p ? [clusterPolicyLabel(p.policy)] : []));
    admin.push(`⚠ ${capList(names.map(code))} have the same priority: which of them applies first is undefined upstream (shown in name order).`);
  }
  const baseline: string[] = [];
  if (tiers.baseline.length > 0) {
    if (analysis.allowed(workload, direction).isolated) {
      const names = [...new Set(tiers.baseline.map((p) => p.rule.policy))].map((id) => analysis.clusterPolicyById(id)).flatMap((p) => (p ? [clusterPolicyLabel(p.policy)] : []));
      baseline.push(`_Baseline tier_ (${capList(names.map(code))}): not consulted — a NetworkPolicy isolates this direction and decides everything the Admin tier leaves.`);
    } else {
      baseline.push(`_Baseline tier, consulted as no NetworkPolicy isolates this direction:_`);
      for (const piece of tiers.baseline.slice(0, MAX_RULES)) {
        if (piece.action === 'pass') baseline.push(line(piece, 'passed on', ' to the default (allowed)'));
        else baseline.push(line(piece, piece.action === 'allow' ? 'allowed' : 'denied'));
      }
      baseline.push('What no tier decides is allowed.');
    }
  }
  return { admin, baseline };
}

/** Container ports of the destination: the workload itself (ingress), else each peer pod. */
function destinations(analysis: WorkspaceAnalysis, workload: WorkloadInfo, direction: Direction, piece: TierPiece): (readonly NamedPort[])[] {
  if (direction === 'ingress') return [workload.workload.namedPorts];
  return [...piece.workloads].map((i) => analysis.workloads()[i]?.workload.namedPorts ?? []);
}
