/**
 * The hover on a workload: the policies selecting it, one line on what it is exposed to beyond
 * the workspace's workloads (features/exposure.ts), then for ingress and for egress whether it
 * is isolated and the union of what its policies allow (each line naming the policy and rule),
 * what is denied, any `except` another rule undoes, and what policies cannot express. Built from
 * the engine's cached answers only.
 *
 * Sized for VS Code, which caps a hover at a quarter of the editor's height (250 px at least) and
 * scrolls the rest: the hover of a modest Deployment (a few policies, a few peers each way) fits
 * a 1400×1300 window whole (`npm run screenshots` checks it). So the summary lines share one
 * paragraph, a section's title says everything else is denied (a line of its own only names
 * denied addresses a reader could not see at a glance), rules are named without the namespace
 * every selecting policy shares with the workload, and past a few peers one line says how many
 * more and where all of them are listed.
 */
import type { WorkloadInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { AllowedPiece, DirectionAnswer } from '../engine/network';
import { rulesOf } from '../engine/policyTypes';
import { resolvePorts } from '../engine/portSpec';
import type { Direction, NamedPort } from '../engine/types';
import { WorkloadSet } from '../engine/workloadSet';
import { AddressSet } from '../engine/addressSet';
import { peerOf, pieceTargetText, pieceWorkloads, portSetText, portSpecText, ruleRefText, rulePath } from './describe';
import { exposureSentence } from './exposure';
import { policyRejection, rejectedSelectorLine } from './policyRejection';
import { capList, code, objectLink, plural, policyLink } from './markdown';
import { tierSections } from './tierHover';
import { clusterPolicyLink } from './tierText';

/**
 * Allowed peers listed per direction. VS Code caps a hover at a quarter of the editor's height
 * (250 px at least) and hides the rest behind a scrollbar: past this many, one line says how many
 * more and where all of them are listed.
 */
const MAX_PIECES = 4;

/** What policies cannot express, in one line (a hover's height is scarce). */
export const POLICY_LIMITS_NOTE = '_Replies always flow; node and hostNetwork traffic is not governed; a CNI must implement NetworkPolicy._';

/** A line break inside a paragraph: lines that belong together without a paragraph's margin. */
const BREAK = '  \n';

export function workloadHover(analysis: WorkspaceAnalysis, workload: WorkloadInfo): string {
  const w = workload.workload;
  const ingress = analysis.allowed(workload, 'ingress');
  const egress = analysis.allowed(workload, 'egress');
  const selecting = analysis.policiesSelecting(workload);
  const tiered = (d: Direction): boolean => analysis.tiered(workload, d).policies.length > 0;
  const state = (a: DirectionAnswer): string =>
    `${a.isolated ? (a.pieces.length === 0 ? 'deny all' : 'isolated') : tiered(a.direction) ? 'not isolated by NetworkPolicy' : 'all allowed'}${tiered(a.direction) ? ' + cluster-wide policies' : ''}`;
  const summary: string[] = [`**${w.kind} ${w.namespace}/${w.name}** — ingress: ${state(ingress)} · egress: ${state(egress)}`];
  summary.push(
    selecting.length === 0
      ? 'Selected by no NetworkPolicy.'
      : `Selected by ${plural(selecting.length, 'policy', 'policies')}: ${capList(selecting.map((p) => policyLink(p, analysis.manifests)))}`,
  );
  const exposure = exposureSentence(analysis.network, workload.index, code, portSetText);
  // Exposure is read from NetworkPolicies alone: say so where cluster-wide policies decide too.
  summary.push(tiered('ingress') || tiered('egress') ? `${exposure} _(From NetworkPolicies alone: the cluster-wide policies below are not counted in it.)_` : exposure);
  const lines: string[] = [summary.join(BREAK)];
  for (const p of selecting) {
    const rejection = policyRejection(analysis, p);
    if (rejection) lines.push('', rejectedSelectorLine(policyLink(p, analysis.manifests), rejection));
  }
  const subjectOf = analysis.clusterPoliciesSelecting(workload);
  if (subjectOf.length > 0) lines.push('', `Subject of ${capList(subjectOf.map((p) => clusterPolicyLink(analysis, p)))}.`);
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
  lines.push('', POLICY_LIMITS_NOTE);
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
  const rest = deniedRest(analysis, workload, answer);
  const out = [
    tiered
      ? `isolated by ${by}; of what the Admin tier leaves, allowed (${union}), ${rest}:`
      : `${title}isolated by ${by}. ${answer.policies.length === 1 ? 'Allowed by its rules' : 'Allowed (the union of their rules)'}, ${rest}:`,
  ];
  for (const piece of answer.pieces.slice(0, MAX_PIECES)) {
    out.push(`- ${fromTo} ${pieceTargetText(piece, analysis, answer.direction)} on ${portSpecText(piece.ports, destinationPorts(analysis, workload, answer.direction, piece))} — ${shortRuleRef(piece, analysis)}`);
  }
  const more = answer.pieces.length - MAX_PIECES;
  if (more > 0) out.push(`- and ${more} more: **Netpol Lens: Show connectivity matrix** or **Explain traffic…** lists every one, as do the hovers on the rules`);
  const addresses = deniedAddressesLine(answer);
  if (addresses) out.push('', tiered ? `Of what the Admin tier leaves, denied: ${addresses}.` : `Denied: ${addresses}.`);
  for (const line of nullifiedExcepts(analysis, workload, answer)) out.push('', line);
  return out;
}

/** Container ports of the destination: the workload itself (ingress), else each peer pod. */
function destinationPorts(analysis: WorkspaceAnalysis, workload: WorkloadInfo, direction: Direction, piece: AllowedPiece): (readonly NamedPort[])[] {
  if (direction === 'ingress') return [workload.workload.namedPorts];
  return pieceWorkloads(piece, analysis).map((w) => w.workload.namedPorts);
}

/**
 * The rule named by the policy's name alone (it shares the workload's namespace), and by
 * `ingress[0]` alone when that rule has a single peer.
 */
function shortRuleRef(piece: AllowedPiece, analysis: WorkspaceAnalysis): string {
  const policy = analysis.policyById(piece.rule.policy);
  if (!policy) return ruleRefText(piece.rule, analysis);
  const peers = rulesOf(policy.policy, piece.rule.direction)[piece.rule.ruleIndex]?.peers ?? [];
  const path = peers.length === 1 ? rulePath({ ...piece.rule, peerIndex: undefined }) : rulePath(piece.rule);
  return `${objectLink(policy.policy.name, policy.source, analysis.manifests)} ${code(path)}`;
}

/** What the title says of the rest: `everything else denied (2 other workloads here)`, or that nothing is. */
function deniedRest(analysis: WorkspaceAnalysis, workload: WorkloadInfo, answer: DirectionAnswer): string {
  const total = analysis.workloads().length;
  let reached = WorkloadSet.of(total, [workload.index]);
  let addresses = AddressSet.empty();
  let allPorts = true;
  for (const p of answer.pieces) {
    reached = reached.union(p.workloads);
    addresses = addresses.union(p.addresses);
    if (!p.ports.all) allPorts = false;
  }
  const others = total - reached.count();
  if (others === 0 && addresses.equals(AddressSet.all()) && allPorts) return 'nothing denied (every peer, every port)';
  return others > 0 ? `everything else denied (${plural(others, 'other workload')} here)` : 'everything else denied';
}

/**
 * The denied addresses, when the allowed ones are not one block a reader sees at a glance
 * (several blocks, or an `except`): named per IP family. Undefined when no address or every one
 * is allowed, or when one rule's plain block is.
 */
function deniedAddressesLine(answer: DirectionAnswer): string | undefined {
  const blocks = answer.pieces.filter((p) => !p.addresses.isEmpty());
  const addresses = blocks.reduce((all, p) => all.union(p.addresses), AddressSet.empty());
  if (addresses.isEmpty() || addresses.equals(AddressSet.all())) return undefined;
  if (blocks.length === 1 && addresses.toCidrs().length === 1) return undefined;
  return deniedAddressesText(addresses);
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
