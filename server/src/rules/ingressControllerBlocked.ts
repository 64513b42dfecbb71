/**
 * `ingress-controller-blocked`: an Ingress, HTTPRoute, GRPCRoute or OpenShift Route sends
 * requests to a Service whose pods are isolated for ingress, and nothing admits the ingress
 * controller that forwards them (`netpolLens.ingressControllers` says where it runs): every
 * request through the route is dropped. Judged per backend (routeReach.ts), reported on the
 * backend's Service name only when every backend pod port is denied to every controller that may
 * serve the route; anything not known (the class, the Service, its pods, a label a policy tests)
 * keeps it silent.
 *
 * Fix, when NetworkPolicy isolation (not a cluster-wide Deny) drops them: an ingress rule
 * admitting the controller's pods to the target ports, added to the isolating policy when it is in
 * the route's file, else as a new policy appended to that file (selecting the Service's pods).
 */
import type { Sourced } from '../analysis/fileExtraction';
import type { Route, RouteBackend } from '../analysis/readRoute';
import type { Service } from '../analysis/readService';
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { K8sObject } from '../model/k8sObject';
import { tierPieceText } from '../engine/decisionText';
import { NAMESPACE_NAME_LABEL } from '../engine/types';
import { listOf, listWorkloads } from './crossFile/describe';
import { specOf } from './crossFile/policySource';
import { backendReach, type ControllerPlacement, type PortReach } from './crossFile/routeReach';
import { controllerNames, placementText, portsText } from './crossFile/routeReachText';
import { itemRule } from './crossFile/itemRule';
import { podsOrPoliciesChanged, type WorkspaceChanges } from './crossFile/workspaceChanges';
import type { LocatedFinding } from './crossFile/workspaceFindings';
import { addPolicyRuleEdit } from './edit/addPolicyRule';
import type { PlainValue } from './edit/renderYaml';
import { detectLayout } from './edit/yamlLayout';
import { renderBlockMap } from './edit/renderYaml';
import type { FixData, TextEditData } from './types';

/**
 * Judged per route: a route's findings read the route and its file, the Services, workloads and
 * NetworkPolicies of its backends' namespaces, the cluster-wide policies, the namespaces, the
 * route classes and the settings; an edit touching none of those keeps them.
 */
export const ingressControllerBlockedRule = itemRule<Sourced<Route>>('ingress-controller-blocked', {
  items: (analysis) => analysis.routes(),
  judge: blockedBackends,
  holds: (route, changes) =>
    // The fix appends to the route's file: its end and line breaks are read too.
    !changes.files.has(route.source.uri) && !workspaceWide(changes) && route.value.backends.every((b) => !podsOrPoliciesChanged(changes, b.namespace)),
  placement: {
    of: (route) => ({ uri: route.source.uri, namespaces: route.value.backends.map((b) => b.namespace) }),
    wide: workspaceWide,
  },
});

/** What every route's findings read: cluster-wide policies, Namespace manifests, route classes. */
function workspaceWide(changes: WorkspaceChanges): boolean {
  return changes.clusterPolicies || changes.namespaces || changes.routeClasses;
}

function blockedBackends(sourced: Sourced<Route>, analysis: WorkspaceAnalysis): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  const { value: route, source } = sourced;
  for (const backend of route.backends) {
    const reach = backendReach(analysis, sourced, backend);
    if (reach.status !== 'blocked') continue;
    const placements = [...new Set(reach.reaches.map((r) => r.placement))];
    out.push({
      uri: source.uri,
      finding: {
        ruleId: 'ingress-controller-blocked',
        message: message(analysis, route, backend, reach.service, reach.reaches, placements),
        start: backend.nameNode.start,
        end: backend.nameNode.end,
        fixes: [fixFor(analysis, source, reach.service, reach.reaches, placements)].flatMap((f) => f ?? []),
      },
    });
  }
  return out;
}

function message(analysis: WorkspaceAnalysis, route: Route, backend: RouteBackend, service: Service, reaches: readonly PortReach[], placements: readonly ControllerPlacement[]): string {
  const port = backend.port ? `:${String(backend.port.value)}` : '';
  const workloads = listWorkloads([...new Set(reaches.map((r) => r.workload))]);
  const who = placements.map(placementText).join(' or ');
  const denied = [...new Set(reaches.flatMap((r) => r.answer.decisions.flatMap((d) => (d.by.layer === 'cluster' ? [tierPieceText(analysis.network, d.by.piece)] : []))))];
  const isolatedBy = [...new Set(reaches.flatMap((r) => analysis.network.allowed(r.workload.index, 'ingress').policies.map((i) => analysis.network.policies[i]?.id ?? '')))];
  const why =
    denied.length > 0
      ? `${listOf(denied)} ${denied.length > 1 ? 'deny' : 'denies'} ${who} on port ${portsText(reaches)}`
      : `${workloads} ${new Set(reaches.map((r) => r.workload)).size > 1 ? 'are' : 'is'} isolated for ingress by NetworkPolicy ${listOf(isolatedBy)} and no rule admits ${who} on port ${portsText(reaches)}`;
  return `Requests through ${controllerNames(placements)} to Service ${service.namespace}/${service.name}${port} (${route.kind} ${route.name}) are dropped: ${why}.`;
}

/** The rule admitting every placement of the controller to the target ports. */
function admitRule(reaches: readonly PortReach[], placements: readonly ControllerPlacement[]): PlainValue {
  const from = placements.map((p): PlainValue => {
    const namespaceLabels = p.namespace !== undefined ? { [NAMESPACE_NAME_LABEL]: p.namespace } : p.controller.namespaceLabels;
    const peer: Record<string, PlainValue> = { namespaceSelector: { matchLabels: namespaceLabels } };
    if (Object.keys(p.pod.labels).length > 0) peer.podSelector = { matchLabels: p.pod.labels };
    return peer;
  });
  const ports = [...new Set(reaches.map((r) => r.port))].sort((a, b) => a - b).map((port): PlainValue => ({ protocol: 'TCP', port }));
  return { from, ports };
}

function fixFor(analysis: WorkspaceAnalysis, route: K8sObject, service: Service, reaches: readonly PortReach[], placements: readonly ControllerPlacement[]): FixData | undefined {
  // A cluster-wide Deny decides before NetworkPolicy: a NetworkPolicy rule would not help.
  if (reaches.some((r) => r.answer.decisions.some((d) => d.by.layer !== 'networkpolicy'))) return undefined;
  const text = analysis.manifests.getFile(route.uri)?.text;
  if (text === undefined) return undefined;
  const rule = admitRule(reaches, placements);
  const title = `Admit ${controllerNames(placements)} to port ${portsText(reaches)}`;
  const policy = isolatingPolicyInFile(analysis, reaches, route.uri);
  const spec = policy && specOf(policy);
  const edit = policy?.source.node && spec ? addPolicyRuleEdit(text, spec, policy.source.node, 'ingress', rule) : undefined;
  if (policy && edit) return { title: `${title} in NetworkPolicy ${policy.policy.name}`, edits: [edit], preferred: true };
  return { title: `${title} with a new NetworkPolicy`, edits: [newPolicyEdit(text, route, service, rule)], preferred: true };
}

/** A policy of the route's file isolating every blocked workload (the first, in file order). */
function isolatingPolicyInFile(analysis: WorkspaceAnalysis, reaches: readonly PortReach[], uri: string): PolicyInfo | undefined {
  const workloads = [...new Set(reaches.map((r) => r.workload))];
  const net = analysis.network;
  return analysis.policies().find((p) => p.source.uri === uri && p.source.itemIndex === undefined && workloads.every((w) => net.allowed(w.index, 'ingress').policies.includes(p.index)));
}

function newPolicyEdit(text: string, route: K8sObject, service: Service, rule: PlainValue): TextEditData {
  const layout = detectLayout(text, route.node);
  const policy: PlainValue = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `allow-ingress-controller-to-${service.name}`.slice(0, 63).replace(/-+$/, ''), namespace: service.namespace },
    spec: { podSelector: { matchLabels: service.selector }, policyTypes: ['Ingress'], ingress: [rule] },
  };
  const prefix = text.length === 0 || text.endsWith('\n') ? '' : layout.newline;
  return { start: text.length, end: text.length, newText: `${prefix}---${layout.newline}${renderBlockMap(policy, 0, layout)}` };
}
