/**
 * "Explain traffic": is a connection from a source (workload or address) to a destination
 * allowed on a port, and why — the source's egress side, then the destination's ingress side,
 * each policy and rule named. The answer comes from the engine's `explain`.
 */
import type { ExplainStep, ExplainTrafficParams, ExplainTrafficResult, TrafficEndpoint } from '../../../shared/src/protocol';
import type { AnalysisEndpoint, WorkloadInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { SideExplanation } from '../engine/explain';
import { parseProtocol } from '../engine/portSpec';
import type { ClusterRuleRef } from '../engine/clusterPolicyTypes';
import { decisionText } from '../engine/decisionText';
import type { RuleRef } from '../engine/types';
import { portSetText, ruleRefText, rulePath } from './describe';
import { toLocation } from './locations';
import { policyRejection } from './policyRejection';
import { capList, definitionOf, plural, policyLink, workloadLabel } from './markdown';
import { quoted } from '../text/displayText';
import { decisionMarkdown } from './tierText';

const invalid = (summary: string): ExplainTrafficResult => ({ verdict: 'invalid', summary, allowedPorts: '', steps: [], markdown: summary });

export function explainTraffic(analysis: WorkspaceAnalysis, params: ExplainTrafficParams): ExplainTrafficResult {
  const src = resolveEndpoint(analysis, params.source);
  const dst = resolveEndpoint(analysis, params.destination);
  if (typeof src === 'object' && 'error' in src) return invalid(src.error);
  if (typeof dst === 'object' && 'error' in dst) return invalid(dst.error);
  if (typeof src === 'string' && typeof dst === 'string') return invalid('Pick a workload for at least one end: between two addresses no policy applies.');
  let port: { protocol: 'TCP' | 'UDP' | 'SCTP'; port: number } | undefined;
  if (params.port !== undefined) {
    const protocol = parseProtocol(params.protocol);
    if (!protocol) return invalid(`Unknown protocol ${quoted(String(params.protocol))}: use TCP, UDP or SCTP.`);
    if (!Number.isInteger(params.port) || params.port < 1 || params.port > 65535) return invalid(`Port ${params.port} is not between 1 and 65535.`);
    port = { protocol, port: params.port };
  }
  const x = analysis.explain(src, dst, port);
  if (!x) return invalid('An address does not parse.');
  const what = `${endpointText(src)} → ${endpointText(dst)}${port ? ` on ${port.protocol} ${port.port}` : ''}`;
  const allowed = !x.allowed.isEmpty();
  const reasons = x.denied.map((d) =>
    d === 'no-egress-rule' ? "the source's egress does not allow it" : d === 'no-ingress-rule' ? "the destination's ingress does not allow it" : 'the two sides allow no common port',
  );
  const summary = allowed ? `Allowed: ${what}${port ? '' : ` on ${portSetText(x.allowed)}`}` : `Denied: ${what} — ${reasons.join('; ')}`;
  const sides = [x.egress, x.ingress].filter((s): s is SideExplanation => s !== undefined);
  const steps = sides.map((s) => withRejections(analysis, s, sideStep(analysis, s, endpointText(s.direction === 'egress' ? dst : src), false)));
  const markdown = [`**${allowed ? 'Allowed' : 'Denied'}**: ${what}${allowed && !port ? ` on ${portSetText(x.allowed)}` : ''}`, '']
    .concat(sides.map((s) => `- ${withRejections(analysis, s, sideStep(analysis, s, endpointText(s.direction === 'egress' ? dst : src), true)).text}`))
    .concat(allowed ? [] : ['', `Denied because ${reasons.join('; ')}.`])
    .join('\n');
  return { verdict: allowed ? 'allowed' : 'denied', summary, allowedPorts: x.allowed.toString(), steps, markdown };
}

/** A side counting a policy the API server rejects says so: that policy is never in force. */
function withRejections(analysis: WorkspaceAnalysis, side: SideExplanation, step: ExplainStep): ExplainStep {
  const rejected = side.policies.flatMap((id) => {
    const policy = analysis.policyById(id);
    const rejection = policy ? policyRejection(analysis, policy) : undefined;
    return rejection ? [`${id} (${rejection.ruleId})`] : [];
  });
  if (rejected.length === 0) return step;
  return { ...step, text: `${step.text} — ⚠ counted as written, though the API server rejects ${rejected.join(', ')}: never in force` };
}

function resolveEndpoint(analysis: WorkspaceAnalysis, e: TrafficEndpoint): AnalysisEndpoint | { error: string } {
  if ('address' in e) return e.address.trim();
  const w = analysis.workloads().find((x) => x.workload.id === e.workload || `${x.workload.namespace}/${x.workload.name}` === e.workload);
  return w ?? { error: `No workload ${e.workload} in this workspace.` };
}

function endpointText(e: AnalysisEndpoint): string {
  return typeof e === 'string' ? e : workloadLabel(e);
}

/** One side in words: not isolated, or the rules that match the other end (with their ports). */
function sideStep(analysis: WorkspaceAnalysis, side: SideExplanation, other: string, markdown: boolean): ExplainStep {
  const workload = analysis.workloads()[side.workload] as WorkloadInfo;
  const who = `${workloadLabel(workload)} ${side.direction}`;
  const ref = (r: RuleRef): string => (markdown ? ruleRefText(r, analysis) : `${r.policy} ${rulePath(r)}`);
  const policies = side.policies.map((id) => analysis.policyById(id)).filter((p) => p !== undefined);
  const policyNames = markdown ? policies.map((p) => policyLink(p, analysis.manifests)) : side.policies;
  const source = workload.sources[0];
  if (side.clusterPolicies.length > 0) return tieredStep(analysis, side, who, markdown);
  if (!side.isolated) {
    const text = `${who}: not isolated (no policy selecting it lists ${side.direction === 'ingress' ? 'Ingress' : 'Egress'}): everything allowed`;
    return { side: side.direction, text, location: source ? toLocation(analysis.manifests, definitionOf(source)) : undefined };
  }
  const isolatedBy = `isolated by ${plural(side.policies.length, 'policy', 'policies')} (${capList(policyNames)})`;
  const first = side.matches[0];
  const location = first ? ruleLocation(analysis, first.rule) : policies[0] ? toLocation(analysis.manifests, definitionOf(policies[0].source)) : undefined;
  if (side.matches.length === 0) return { side: side.direction, text: `${who}: ${isolatedBy}; no rule matches ${other}`, location };
  const matches = side.matches.map((m) => `${ref(m.rule)} ${m.ports.isEmpty() ? 'matches the peer but not on these ports' : `allows ${portSetText(m.ports)}`}`);
  return { side: side.direction, text: `${who}: ${isolatedBy}; ${matches.join('; ')}`, location };
}

/**
 * A side where cluster-wide policies apply: who decided each part of the ports asked about, in
 * the order of the tiers (Admin, NetworkPolicy, Baseline, the default), with any equal-priority
 * policies both matching (undefined order upstream).
 */
function tieredStep(analysis: WorkspaceAnalysis, side: SideExplanation, who: string, markdown: boolean): ExplainStep {
  const parts = side.decisions.map((d) => `${portSetText(d.ports)} ${markdown ? decisionMarkdown(analysis, d, side.policies) : decisionText(analysis.network, d, side.policies)}`);
  const ties = side.ties.map((group) => `${group.join(' and ')} have the same priority and both match: which applies first is undefined upstream (name order assumed)`);
  const unjudged = side.unjudged.length > 0 ? ['nodes/domainNames peers of applying rules are not judged'] : [];
  const first = side.decisions.find((d) => d.by.layer === 'cluster');
  const location = first?.by.layer === 'cluster' ? clusterRuleLocation(analysis, first.by.piece.rule) : undefined;
  return { side: side.direction, text: `${who}: ${[...parts, ...ties, ...unjudged].join('; ')}`, location };
}

function clusterRuleLocation(analysis: WorkspaceAnalysis, ref: ClusterRuleRef): ReturnType<typeof toLocation> {
  const node = analysis.clusterRuleNode(ref, false);
  const policy = analysis.clusterPolicyById(ref.policy);
  if (!node || !policy) return undefined;
  return toLocation(analysis.manifests, { uri: policy.source.uri, start: node.start, end: node.end });
}

function ruleLocation(analysis: WorkspaceAnalysis, ref: RuleRef): ReturnType<typeof toLocation> {
  const node = analysis.ruleNode(ref);
  const policy = analysis.policyById(ref.policy);
  if (!node || !policy) return undefined;
  return toLocation(analysis.manifests, { uri: policy.source.uri, start: node.start, end: node.end });
}
