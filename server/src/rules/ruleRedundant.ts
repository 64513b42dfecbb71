/**
 * `rule-redundant` (hint): a rule wholly contained in another rule, of the same policy or of one
 * selecting (at least) the same pods, in the same direction: removing it changes nothing.
 * Containment is judged on what is written, not on today's workloads: a peer is contained in
 * another whose selectors provably match every pod (and namespace) its own match — a subset of
 * its matchLabels, expressions its own imply (`engine/selectorContains.ts`), or an empty
 * selector —, an ipBlock in a wider one, ports in ports covering them. Of two equal rules the
 * later one is reported.
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { AddressSet } from '../engine/addressSet';
import { isEmptySelector } from '../engine/labelSelector';
import { rulesOf } from '../engine/policyTypes';
import { compilePorts, parseProtocol } from '../engine/portSpec';
import { selectorContains } from '../engine/selectorContains';
import type { Direction, PolicyPeer, PolicyRule } from '../engine/types';
import { ClusterKnowledge } from './crossFile/clusterKnowledge';
import { relatedRule, ruleLabel, ruleMap, ruleSpan } from './crossFile/policySource';
import { sameSelectionPolicies } from './crossFile/selectedPods';
import { policyRule } from './crossFile/workspaceFindings';
import type { Finding } from './types';

interface Candidate {
  readonly policy: PolicyInfo;
  readonly ruleIndex: number;
  readonly rule: PolicyRule;
}

export const ruleRedundantRule = policyRule(
  'rule-redundant',
  (analysis) => new ClusterKnowledge(analysis),
  (policy, known, analysis): Finding[] => {
    const out: Finding[] = [];
    const covering = coveringPolicies(analysis, known, policy);
    for (const direction of ['ingress', 'egress'] as const) {
      if (!analysis.network.governs(policy.index, direction)) continue;
      const others: Candidate[] = covering
        .filter((p) => analysis.network.governs(p.index, direction))
        .flatMap((p) => rulesOf(p.policy, direction).map((rule, ruleIndex) => ({ policy: p, ruleIndex, rule })));
      rulesOf(policy.policy, direction).forEach((rule, ruleIndex) => {
        if (!wellFormed(rule)) return;
        const container = others.find(
          (o) =>
            (o.policy !== policy || o.ruleIndex !== ruleIndex) &&
            wellFormed(o.rule) &&
            ruleContains(o.rule, rule) &&
            (!ruleContains(rule, o.rule) || earlier(o, policy, ruleIndex)),
        );
        const node = ruleMap(policy, direction, ruleIndex);
        if (!container || !node) return;
        out.push(finding(analysis, direction, container, ruleSpan(node)));
      });
    }
    return out;
  },
);

function finding(analysis: WorkspaceAnalysis, direction: Direction, container: Candidate, span: { start: number; end: number }): Finding {
  const ref = { policy: container.policy.policy.id, direction, ruleIndex: container.ruleIndex, peerIndex: undefined };
  const related = relatedRule(analysis, ref, 'contains the redundant rule');
  return {
    ruleId: 'rule-redundant',
    message: `This rule allows nothing that ${ruleLabel(analysis, ref)} does not already allow to the same pods: removing it changes nothing.`,
    start: span.start,
    end: span.end,
    tags: ['unnecessary'],
    related: related ? [related] : [],
  };
}

/** The policy itself and those certainly selecting every pod it selects. */
function coveringPolicies(analysis: WorkspaceAnalysis, known: ClusterKnowledge, policy: PolicyInfo): PolicyInfo[] {
  const selected = analysis.network.selected(policy.index);
  if (selected.isEmpty()) return known.workloadsKnown(policy.policy.namespace, policy.policy.namespace) ? [] : sameSelectionPolicies(analysis, policy);
  const out = new Set<PolicyInfo>([policy]);
  for (const w of selected) {
    const info = analysis.workloads()[w];
    if (!info) continue;
    for (const p of analysis.policiesSelecting(info)) if (selected.subtract(analysis.network.selected(p.index)).isEmpty()) out.add(p);
    break;
  }
  return [...out];
}

function earlier(a: Candidate, policy: PolicyInfo, ruleIndex: number): boolean {
  return a.policy.index < policy.index || (a.policy === policy && a.ruleIndex < ruleIndex);
}

/** Rules the API server accepts with ports the engine reads exactly. */
function wellFormed(rule: PolicyRule): boolean {
  const peersOk = (rule.peers ?? []).every((p) => p.ipBlock !== undefined || p.podSelector !== undefined || p.namespaceSelector !== undefined);
  const portsOk = (rule.ports ?? []).every((p) => parseProtocol(p.protocol) !== undefined && (p.port === undefined || typeof p.port === 'string' || (Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535)));
  return peersOk && portsOk;
}

function ruleContains(outer: PolicyRule, inner: PolicyRule): boolean {
  const outerPeers = outer.peers ?? [];
  const innerPeers = inner.peers ?? [];
  if (outerPeers.length > 0 && (innerPeers.length === 0 || !innerPeers.every((a) => outerPeers.some((b) => peerContains(b, a))))) return false;
  const o = compilePorts(outer.ports);
  const i = compilePorts(inner.ports);
  if (o.all) return true;
  if (i.all) return false;
  return i.numeric.intersect(o.numeric).equals(i.numeric) && i.named.every((n) => o.named.some((m) => m.name === n.name && m.protocol === n.protocol));
}

function peerContains(outer: PolicyPeer, inner: PolicyPeer): boolean {
  if (outer.ipBlock || inner.ipBlock) {
    if (!outer.ipBlock || !inner.ipBlock) return false;
    const a = AddressSet.ipBlock(inner.ipBlock.cidr, inner.ipBlock.except);
    return !a.isEmpty() && AddressSet.ipBlock(outer.ipBlock.cidr, outer.ipBlock.except).containsSet(a);
  }
  const nsOk =
    outer.namespaceSelector === undefined
      ? inner.namespaceSelector === undefined
      : isEmptySelector(outer.namespaceSelector) || (inner.namespaceSelector !== undefined && selectorContains(outer.namespaceSelector, inner.namespaceSelector));
  const podOk = isEmptySelector(outer.podSelector) || selectorContains(outer.podSelector, inner.podSelector);
  return nsOk && podOk;
}
