/**
 * The hover on a workload: the policies selecting it, one line on what it is exposed to beyond
 * the workspace's workloads (features/exposure.ts), then for ingress and for egress whether it
 * is isolated and the union of what its policies allow (each line naming the policy and rule),
 * what is denied, any `except` another rule undoes, and what policies cannot express. Built from
 * the engine's cached answers only.
 */
import type { WorkloadInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { AllowedPiece, DirectionAnswer } from '../engine/network';
import { resolvePorts } from '../engine/portSpec';
import type { Direction, NamedPort } from '../engine/types';
import { WorkloadSet } from '../engine/workloadSet';
import { AddressSet } from '../engine/addressSet';
import { peerOf, pieceTargetText, pieceWorkloads, portSetText, portSpecText, ruleRefText } from './describe';
import { exposureSentence } from './exposure';
import { policyRejection, rejectedSelectorLine } from './policyRejection';
import { capList, code, plural, policyLink } from './markdown';
import { tierSections } from './tierHover';
import { clusterPolicyLink } from './tierText';

/** Allowed peers listed per direction; a hover taller than this is not read. */
const MAX_PIECES = 25;

export const POLICY_LIMITS_NOTE =
  '_Policies act on new connections: replies on an allowed connection always flow. Traffic from the node to its own pods is always allowed, and hostNetwork pods are not governed. Enforcement needs a CNI that implements NetworkPolicy._';

export function workloadHover(analysis: WorkspaceAnalysis, workload: WorkloadInfo): string {
  const w = workload.workload;
  const ingress = analysis.allowed(workload, 'ingress');
  const egress = analysis.allowed(workload, 'egress');
  const selecting = analysis.policiesSelecting(workload);
  const tiered = (d: Direction): boolean => analysis.tiered(workload, d).policies.length > 0;
  const state = (a: DirectionAnswer): string =>
    `${a.isolated ? (a.pieces.length === 0 ? 'deny all' : 'isolated') : tiered(a.direction) ? 'not isolated by NetworkPolicy' : 'all allowed'}${tiered(a.direction) ? ' + cluster-wide policies' : ''}`;
  const lines: string[] = [`**${w.kind} ${w.namespace}/${w.name}** — ingress: ${state(ingress)} · egress: ${state(egress)}`, ''];
  lines.push(
    selecting.length === 0
      ? 'Selected by no NetworkPolicy.'
      : `Selected by ${plural(selecting.length, 'policy', 'policies')}: ${capList(selecting.map((p) => policyLink(p, analysis.manifests)))}`,
  );
  for (const p of selecting) {
    const rejection = policyRejection(analysis, p);
    if (rejection) lines.push('', rejectedSelectorLine(policyLink(p, analysis.manifests), rejection));
  }
  const subjectOf = analysis.clusterPoliciesSelecting(workload);
  if (subjectOf.length > 0) lines.push('', `Subject of ${capList(subjectOf.map((p) => clusterPolicyLink(analysis, p)))}.`);
  const exposure = exposureSentence(analysis.network, workload.index, code, portSetText);
  // Exposure is read from NetworkPolicies alone: say so where cluster-wide policies decide too.
  lines.push('', tiered('ingress') || tiered('egress') ? `${exposure} _(From NetworkPolicies alone: the cluster-wide policies below are not counted in it.)_` : exposure);
  for (const answer of [ingress, egress]) {
    const tiers = tierSections(analysis, workload, answer.direction);
    const title = answer.direction === 'ingress' ? '**Ingress**' : '**Egress**';
    if (tiers.admin.length === 0 && tiers.baseline.length === 0) {
      lines.push('', ...directionSection(analysis, workload, answer));
      continue;
    }
    lines.push('', title, ...(tiers.admin.length > 0 ? ['', ...tiers.admin] : []), '', `_NetworkPolicy:_ ${directionSection(analysis, workload, answer, true).join('\n')}`);
    if (tiers.baseline.length > 0) lines.push('', ...tiers.baseline);
  }
  lines.push('', '---', POLICY_LIMITS_NOTE);
  return lines.join('\n');
}

/** The NetworkPolicy answer for a direction; `tiered`: under the Admin tier, deciding only what it leaves. */
function directionSection(analysis: WorkspaceAnalysis, workload: WorkloadInfo, answer: DirectionAnswer, tiered = false): string[] {
  const title = tiered ? '' : `${answer.direction === 'ingress' ? '**Ingress**' : '**Egress**'} — `;
  const types = answer.direction === 'ingress' ? 'Ingress' : 'Egress';
  if (!answer.isolated) {
    return [tiered ? `not isolated (no selecting policy lists ${types}).` : `${title}not isolated: all traffic allowed (no selecting policy lists ${types}).`];
  }
  const by = plural(answer.policies.length, 'policy', 'policies');
  if (answer.pieces.length === 0) {
    return [tiered ? `isolated by ${by}, and none allows anything: all the Admin tier leaves is denied.` : `${title}isolated by ${by}, and none allows anything: all ${answer.direction} traffic is denied.`];
  }
  const fromTo = answer.direction === 'ingress' ? 'from' : 'to';
  const union = answer.policies.length === 1 ? 'its rules' : 'the union of their rules';
  const out = [tiered ? `isolated by ${by}; of what the Admin tier leaves, allowed (${union}):` : `${title}isolated by ${by}. ${answer.policies.length === 1 ? 'Allowed by its rules:' : 'Allowed (the union of their rules):'}`];
  for (const piece of answer.pieces.slice(0, MAX_PIECES)) {
    out.push(`- ${fromTo} ${pieceTargetText(piece, analysis, answer.direction)} on ${portSpecText(piece.ports, destinationPorts(analysis, workload, answer.direction, piece))} — ${ruleRefText(piece.rule, analysis)}`);
  }
  const more = answer.pieces.length - MAX_PIECES;
  if (more > 0) out.push(`- and ${more} more: hover the rules of the policies above for them`);
  const denied = deniedLine(analysis, workload, answer);
  out.push('', tiered ? denied.replace(/^Denied: /, 'Of what the Admin tier leaves, denied: ') : denied);
  for (const line of nullifiedExcepts(analysis, workload, answer)) out.push('', line);
  return out;
}

/** Container ports of the destination: the workload itself (ingress), else each peer pod. */
function destinationPorts(analysis: WorkspaceAnalysis, workload: WorkloadInfo, direction: Direction, piece: AllowedPiece): (readonly NamedPort[])[] {
  if (direction === 'ingress') return [workload.workload.namedPorts];
  return pieceWorkloads(piece, analysis).map((w) => w.workload.namedPorts);
}

/** One line: who gets nothing at all, and what else is denied. */
function deniedLine(analysis: WorkspaceAnalysis, workload: WorkloadInfo, answer: DirectionAnswer): string {
  const total = analysis.workloads().length;
  let reached = WorkloadSet.of(total, [workload.index]);
  let addresses = AddressSet.empty();
  let allPorts = true;
  for (const p of answer.pieces) {
    reached = reached.union(p.workloads);
    addresses = addresses.union(p.addresses);
    if (!p.ports.all) allPorts = false;
  }
  const parts: string[] = [];
  const others = total - reached.count();
  if (others > 0) parts.push(`${plural(others, 'other workload')} of this workspace`);
  if (addresses.isEmpty()) parts.push('every address outside the cluster');
  else if (!addresses.equals(AddressSet.all())) parts.push(deniedAddressesText(addresses));
  if (!allPorts) parts.push('other ports of the peers above');
  return parts.length === 0 ? 'Denied: nothing — these rules allow every peer on every port.' : `Denied: everything else — ${parts.join('; ')}.`;
}

/**
 * The addresses not allowed, per IP family: named when they are a few CIDRs (`10.0.0.0/8`,
 * `192.168.0.0/16`), else as what lies outside the allowed ones when those are few, else
 * "every other IPv4 address".
 */
function deniedAddressesText(allowed: AddressSet): string {
  const out: string[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    const universe = AddressSet.universe(family);
    const mine = allowed.intersect(universe);
    const label = family === 'ipv4' ? 'IPv4' : 'IPv6';
    if (mine.isEmpty()) out.push(`every ${label} address`);
    else if (!mine.equals(universe)) {
      const denied = universe.subtract(mine).toCidrs();
      const kept = mine.toCidrs();
      if (denied.length <= 4) out.push(`${label} ${denied.map(code).join(', ')}`);
      else if (kept.length <= 4) out.push(`every ${label} address outside ${kept.map(code).join(', ')}`);
      else out.push(`every other ${label} address`);
    }
  }
  return out.join(', ');
}

/**
 * Excepts of this workload's ipBlocks that another rule (same direction, overlapping ports)
 * allows anyway: for this pod the exception denies nothing there.
 */
function nullifiedExcepts(analysis: WorkspaceAnalysis, workload: WorkloadInfo, answer: DirectionAnswer): string[] {
  const out: string[] = [];
  const destination = answer.direction === 'ingress' ? workload.workload.namedPorts : undefined;
  for (const piece of answer.pieces) {
    const excepted = exceptedAddresses(analysis, piece);
    if (!excepted || excepted.isEmpty()) continue;
    const ports = resolvePorts(piece.ports, destination);
    for (const other of answer.pieces) {
      if (other === piece) continue;
      const overlap = other.addresses.intersect(excepted);
      if (overlap.isEmpty() || resolvePorts(other.ports, destination).intersect(ports).isEmpty()) continue;
      out.push(
        `⚠ The \`except\` of ${ruleRefText(piece.rule, analysis)} is nullified for ${capList(overlap.toCidrs().map(code), 4)} by ${ruleRefText(other.rule, analysis)}.`,
      );
    }
  }
  return out;
}

/** What a piece's ipBlock excepts (its `cidr` minus what it allows), or undefined for other peers. */
export function exceptedAddresses(analysis: WorkspaceAnalysis, piece: AllowedPiece): AddressSet | undefined {
  const policy = analysis.policyById(piece.rule.policy);
  const block = policy ? peerOf(policy, piece.rule)?.ipBlock : undefined;
  if (!block || (block.except ?? []).length === 0) return undefined;
  return AddressSet.ipBlock(block.cidr).subtract(piece.addresses);
}
