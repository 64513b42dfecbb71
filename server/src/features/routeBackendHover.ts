/**
 * The hover on a backend's Service name in an Ingress, HTTPRoute, GRPCRoute or OpenShift Route:
 * whether requests the ingress controller forwards get through to the Service's pods, per pod
 * port and place the controller runs, and which tier or policy decides (routeReach.ts, the
 * judgement `ingress-controller-blocked` reports from) — or why it cannot be told.
 */
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { decisionText } from '../engine/decisionText';
import type { K8sObject } from '../model/k8sObject';
import { backendReach, type PortReach } from '../rules/crossFile/routeReach';
import { controllerNames, placementText } from '../rules/crossFile/routeReachText';
import { code, escapeMarkdown } from './markdown';

/** Pod ports × controller places listed at most. */
const SHOWN = 12;

const HEADLINE = {
  blocked: 'are dropped',
  allowed: 'get through',
  mixed: 'get through to some pods or ports only',
  unknown: 'may or may not get through',
} as const;

export function routeBackendHover(analysis: WorkspaceAnalysis, object: K8sObject, backendIndex: number): string | undefined {
  const sourced = analysis.routes().find((r) => r.source === object);
  const route = sourced?.value;
  const backend = route?.backends[backendIndex];
  if (!sourced || !route || !backend) return undefined;
  const target = `Service ${code(`${backend.namespace}/${backend.service}${backend.port ? `:${String(backend.port.value)}` : ''}`)}`;
  const reach = backendReach(analysis, sourced, backend);
  const reaches = reach.reaches ?? [];
  if (reach.status === 'unknown' && reaches.length === 0) return `**${route.kind} backend** ${target}\n\nNot judged: ${escapeMarkdown(reach.reason)}.`;
  const through = controllerNames(reaches.map((r) => r.placement));
  const lines = [`**Requests through ${escapeMarkdown(through)} to ${target} ${HEADLINE[reach.status]}.**`, ''];
  if (reach.status === 'unknown') lines.push(`${escapeMarkdown(reach.reason.charAt(0).toUpperCase() + reach.reason.slice(1))}.`, '');
  for (const r of reaches.slice(0, SHOWN)) lines.push(`- ${reachLine(analysis, r)}`);
  if (reaches.length > SHOWN) lines.push(`- …and ${reaches.length - SHOWN} more`);
  return lines.join('\n');
}

function reachLine(analysis: WorkspaceAnalysis, r: PortReach): string {
  const net = analysis.network;
  const isolatedBy = net.allowed(r.workload.index, 'ingress').policies.map((i) => net.policies[i]?.id ?? '');
  const decided = r.answer.decisions.map((d) => decisionText(net, d, isolatedBy)).join('; ');
  const verdict = r.answer.verdict === 'unknown' ? `may be admitted (${decided || 'a selector tests labels that are not known'})` : decided;
  return `${code(r.workload.workload.id)} port ${r.port} from ${escapeMarkdown(placementText(r.placement))}: ${escapeMarkdown(verdict)}`;
}
