/**
 * The policy and rule behind each change of a diff, for a reviewer: what the second side now
 * allows comes from the rules that allow it there (or from a side no policy isolates); what it
 * no longer allows is denied there by the policies that isolate a side and allow none of it, and
 * was allowed on the first side by the rules named as "was". Read from the engine's explanation
 * of the pair (engine/explain.ts) on each side, restricted to the ports that changed. Where
 * cluster-wide tiers apply to a side, its reasons are the tier decisions: the Admin or Baseline tier
 * rule, the NetworkPolicy (with the Pass that handed the ports on), or the default.
 */
import type { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { ClusterRuleRef } from '../../engine/clusterPolicyTypes';
import { decisionText } from '../../engine/decisionText';
import { explainPair, type Endpoint, type SideExplanation } from '../../engine/explain';
import type { PortSet } from '../../engine/portSet';
import type { RuleRef } from '../../engine/types';
import type { DiffEndpoint, DiffEntry } from './connectivityDiff';

/** A policy or rule where it is written: the file's URI and 1-based line, when known. */
export interface SourceRef {
  readonly uri: string;
  readonly line: number;
}

export interface Reason {
  /** `opens`: why the second side allows it; `closes`: why it no longer does; `was`: what allowed it before. */
  readonly effect: 'opens' | 'closes' | 'was';
  /** One line, e.g. `payments/allow-gateway allows it by Ingress rule #1`. */
  readonly text: string;
  readonly ports: PortSet;
  readonly source: SourceRef | undefined;
}

export interface ChangeReasons {
  readonly opened: PortSet;
  readonly closed: PortSet;
  readonly reasons: readonly Reason[];
}

export function changeReasons(e: DiffEntry, before: WorkspaceAnalysis | undefined, after: WorkspaceAnalysis | undefined): ChangeReasons {
  const opened = e.ref2.subtract(e.ref1);
  const closed = e.ref1.subtract(e.ref2);
  const reasons: Reason[] = [];
  if (after && !opened.isEmpty()) reasons.push(...allowing(after, e, opened, 'opens'));
  if (!closed.isEmpty()) {
    if (after) reasons.push(...denying(after, e, closed));
    if (before) reasons.push(...allowing(before, e, closed, 'was'));
  }
  return { opened, closed, reasons };
}

function endpoint(analysis: WorkspaceAnalysis, e: DiffEndpoint): Endpoint | undefined {
  if (e.kind === 'address') return { family: e.range.family, address: e.range.from };
  const index = analysis.network.workloadById(e.text);
  return index === undefined ? undefined : { workload: index };
}

function explain(analysis: WorkspaceAnalysis, e: DiffEntry, ports: PortSet): SideExplanation[] | undefined {
  const src = endpoint(analysis, e.src);
  const dst = endpoint(analysis, e.dst);
  if (!src || !dst) return undefined;
  const x = explainPair(analysis.network, src, dst, ports);
  return [x.egress, x.ingress].filter((s): s is SideExplanation => s !== undefined);
}

/**
 * The rules allowing `ports` on each side. A side no policy isolates is named only when no rule
 * is involved at all (else the rules are the answer, and "the other side allows all" is noise).
 */
function allowing(analysis: WorkspaceAnalysis, e: DiffEntry, ports: PortSet, effect: 'opens' | 'was'): Reason[] {
  const sides = explain(analysis, e, ports);
  if (!sides) return [];
  const net = analysis.network;
  if (sides.some((side) => side.clusterPolicies.length > 0)) return sides.flatMap((side) => decided(analysis, side, ports, true, effect));
  const rules = sides.flatMap((side) =>
    side.matches
      .filter((m) => side.isolated && !m.ports.isEmpty())
      .map((m) => ({ effect, text: `${policyName(analysis, m.rule.policy)} allows it by ${ruleName(m.rule)}`, ports: m.ports, source: ruleSource(analysis, m.rule) })),
  );
  if (rules.length > 0) return rules;
  return sides
    .filter((side) => !side.isolated)
    .map((side) => ({ effect, text: `no policy isolates ${net.workloads[side.workload]?.id ?? ''} for ${side.direction}`, ports, source: undefined }));
}

function denying(analysis: WorkspaceAnalysis, e: DiffEntry, ports: PortSet): Reason[] {
  const sides = explain(analysis, e, ports);
  if (!sides) return [];
  const net = analysis.network;
  return sides.flatMap((side): Reason[] => {
    if (side.clusterPolicies.length > 0) return decided(analysis, side, ports, false, 'closes');
    const denied = ports.subtract(side.ports);
    if (!side.isolated || denied.isEmpty()) return [];
    const who = net.workloads[side.workload]?.id ?? '';
    return side.policies.map((id) => ({
      effect: 'closes' as const,
      text: `${policyName(analysis, id)} isolates ${who} for ${side.direction} and no ${side.direction} rule allows it`,
      ports: denied,
      source: policySource(analysis, id),
    }));
  });
}

/** A side under cluster-wide tiers: who decided the ports that changed (what allowed them, or what denies them). */
function decided(analysis: WorkspaceAnalysis, side: SideExplanation, ports: PortSet, allowed: boolean, effect: Reason['effect']): Reason[] {
  return side.decisions.flatMap((d): Reason[] => {
    const mine = d.ports.intersect(ports);
    if (d.allowed !== allowed || mine.isEmpty()) return [];
    const text = `${analysis.network.workloads[side.workload]?.id ?? ''} ${side.direction}: ${decisionText(analysis.network, d, side.policies)}`;
    const source = d.by.layer === 'cluster' ? clusterRuleSource(analysis, d.by.piece.rule) : d.by.layer === 'networkpolicy' && d.by.allowedBy[0] ? ruleSource(analysis, d.by.allowedBy[0]) : undefined;
    return [{ effect, text, ports: mine, source }];
  });
}

function clusterRuleSource(analysis: WorkspaceAnalysis, ref: ClusterRuleRef): SourceRef | undefined {
  const node = analysis.clusterRuleNode(ref, false);
  const uri = analysis.clusterPolicyById(ref.policy)?.source.uri;
  return node && uri ? at(analysis, uri, node.start) : undefined;
}

/** `ns/name` of a policy (without the disambiguator duplicates get). */
function policyName(analysis: WorkspaceAnalysis, id: string): string {
  const p = analysis.policyById(id)?.policy;
  return p ? `${p.namespace}/${p.name}` : id;
}

/** `Ingress rule #1`: netpol-analyzer's name for `spec.ingress[0]`. */
export function ruleName(ref: RuleRef): string {
  return `${ref.direction === 'ingress' ? 'Ingress' : 'Egress'} rule #${ref.ruleIndex + 1}`;
}

function ruleSource(analysis: WorkspaceAnalysis, ref: RuleRef): SourceRef | undefined {
  const node = analysis.ruleNode(ref);
  const uri = analysis.policyById(ref.policy)?.source.uri;
  return node && uri ? at(analysis, uri, node.start) : policySource(analysis, ref.policy);
}

function policySource(analysis: WorkspaceAnalysis, id: string): SourceRef | undefined {
  const source = analysis.policyById(id)?.source;
  return source ? at(analysis, source.uri, source.start) : undefined;
}

function at(analysis: WorkspaceAnalysis, uri: string, offset: number): SourceRef | undefined {
  const file = analysis.manifests.getFile(uri);
  return file ? { uri, line: file.lineIndex.positionAt(offset).line + 1 } : undefined;
}
