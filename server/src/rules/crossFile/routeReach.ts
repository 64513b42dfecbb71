/**
 * Whether requests an ingress controller forwards for one route backend reach the Service's pods:
 * which controllers serve the route (`controllersOf`), where their proxies run (the setting
 * `netpolLens.ingressControllers`), which workloads back the Service and on which pod ports
 * (targetPort, a name resolved through each workload's container ports), and what each backend's
 * ingress, all tiers considered, says to each controller (engine/externalIngress.ts). Shared by
 * `ingress-controller-blocked` and the route hover. Anything not known — the class, the Gateway,
 * the Service, its pods, a port name — gives `unknown` with the reason, never a guess.
 */
import type { IngressControllerSetting } from '../../../../shared/src/ingressControllers';
import type { Sourced } from '../../analysis/fileExtraction';
import type { Route, RouteBackend } from '../../analysis/readRoute';
import type { RouteClass } from '../../analysis/readRouteClass';
import type { Service, ServicePort } from '../../analysis/readService';
import type { WorkloadInfo, WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import { ingressFromExternal, type ExternalIngressAnswer, type ExternalPod } from '../../engine/externalIngress';
import { selectorMatches } from '../../engine/labelSelector';
import { PortSet } from '../../engine/portSet';
import { NAMESPACE_NAME_LABEL } from '../../engine/types';
import type { K8sObject } from '../../model/k8sObject';
import { deprecatedApi, parseKubernetesVersion, statusAt } from '../deprecation/deprecatedApis';

/** One place a controller's proxies run. */
export interface ControllerPlacement {
  readonly controller: IngressControllerSetting;
  /** Undefined when only its namespace's labels are known. */
  readonly namespace: string | undefined;
  readonly pod: ExternalPod;
}

/** One backend pod port as one placement sees it. */
export interface PortReach {
  readonly workload: WorkloadInfo;
  readonly port: number;
  readonly placement: ControllerPlacement;
  readonly answer: ExternalIngressAnswer;
}

export type BackendReach =
  | { readonly status: 'unknown'; readonly reason: string; readonly reaches?: readonly PortReach[] }
  | {
      readonly status: 'blocked' | 'allowed' | 'mixed';
      readonly service: Service;
      readonly servicePorts: readonly ServicePort[];
      readonly reaches: readonly PortReach[];
    };

/** What the rule and the hover ask of one backend of one route. */
export function backendReach(analysis: WorkspaceAnalysis, route: Sourced<Route>, backend: RouteBackend): BackendReach {
  const memo = analysis.memo('crossFile:routeReach', () => new Map<RouteBackend, BackendReach>());
  let reach = memo.get(backend);
  if (!reach) {
    reach = removedAtTarget(analysis, route.source) ? { status: 'unknown', reason: `it is ${removedText(route.source)}` } : judge(analysis, route.value, backend);
    memo.set(backend, reach);
  }
  return reach;
}

function judge(analysis: WorkspaceAnalysis, route: Route, backend: RouteBackend): BackendReach {
  const placements = placementsOf(analysis, route);
  if (typeof placements === 'string') return { status: 'unknown', reason: placements };
  const services = analysis.servicesIn(backend.namespace).filter((s) => s.value.name === backend.service);
  const service = services[0]?.value;
  if (!service) return { status: 'unknown', reason: `Service ${backend.namespace}/${backend.service} (with a pod selector) is not in the workspace` };
  if (services.some((s) => JSON.stringify(s.value) !== JSON.stringify(service))) return { status: 'unknown', reason: `the workspace defines Service ${backend.namespace}/${backend.service} in different ways` };
  const workloads = analysis.workloadsIn(service.namespace).filter((w) => selectorMatches({ matchLabels: service.selector }, w.workload.labels));
  if (workloads.length === 0) return { status: 'unknown', reason: `no workload in the workspace matches the selector of Service ${service.namespace}/${service.name}` };
  if (workloads.some((w) => w.workload.hostNetwork)) return { status: 'unknown', reason: 'its pods use the host network, which NetworkPolicy does not govern' };
  const servicePorts = portsOf(service, backend);
  if (servicePorts.length === 0) return { status: 'unknown', reason: `Service ${service.namespace}/${service.name} has no TCP port ${String(backend.port?.value ?? '')}` };
  const reaches: PortReach[] = [];
  for (const w of workloads) {
    for (const target of targetsOf(servicePorts, backend, w)) {
      if (target === undefined) return { status: 'unknown', reason: `a target port of Service ${service.namespace}/${service.name} is not declared by ${w.workload.id}` };
      for (const placement of placements) {
        reaches.push({ workload: w, port: target, placement, answer: ingressFromExternal(analysis.network, w.index, placement.pod, PortSet.range('TCP', target, target)) });
      }
    }
  }
  // A policy of a version no longer served isolates nothing: pods isolated by such policies alone are not judged.
  for (const r of reaches) {
    const sources = analysis.network.allowed(r.workload.index, 'ingress').policies.map((i) => analysis.policies()[i]?.source);
    const removed = sources.filter((o) => o && removedAtTarget(analysis, o));
    if (removed[0] && removed.length === sources.length) return { status: 'unknown', reason: `${r.workload.workload.id} is isolated only by ${removedText(removed[0])}`, reaches };
  }
  if (reaches.length === 0) return { status: 'unknown', reason: `no port of Service ${service.namespace}/${service.name} leads to port ${String(backend.port?.value ?? '')} of its pods` };
  const verdicts = new Set(reaches.map((r) => r.answer.verdict));
  if (verdicts.has('unknown')) return { status: 'unknown', reason: 'a policy may admit the controller: it tests labels or addresses of it that are not known', reaches };
  const status = verdicts.size > 1 ? 'mixed' : verdicts.has('denied') ? 'blocked' : 'allowed';
  return { status, service, servicePorts, reaches };
}

/** An object of an apiVersion the API server no longer serves at the target version: never in force. */
function removedAtTarget(analysis: WorkspaceAnalysis, obj: K8sObject): boolean {
  const api = obj.apiVersion === undefined ? undefined : deprecatedApi(obj.apiVersion, obj.kind);
  const target = parseKubernetesVersion(analysis.settings.targetKubernetesVersion);
  return api !== undefined && target !== undefined && statusAt(api, target) === 'removed';
}

function removedText(obj: K8sObject): string {
  return `${obj.kind} ${obj.name ?? ''} of ${obj.apiVersion ?? ''}, which the API server no longer serves at the target version`;
}

/** The Service ports a backend sends to (a Route without a port: all of them). TCP only: HTTP and gRPC. */
function portsOf(service: Service, backend: RouteBackend): ServicePort[] {
  const tcp = service.ports.filter((p) => p.protocol === 'TCP');
  const port = backend.port;
  if (!port) return tcp;
  if (typeof port.value === 'string') return tcp.filter((p) => p.name === port.value);
  if (port.of === 'service') return tcp.filter((p) => p.port === port.value);
  // An OpenShift Route's number is the pods' port: the Service ports sending there.
  return tcp.filter((p) => p.targetPort === port.value || typeof p.targetPort === 'string');
}

/** The pod ports of one workload the backend reaches (undefined: a name the workload does not declare). */
function targetsOf(ports: readonly ServicePort[], backend: RouteBackend, w: WorkloadInfo): (number | undefined)[] {
  const out = new Set<number | undefined>();
  for (const p of ports) {
    const target = typeof p.targetPort === 'number' ? p.targetPort : w.workload.namedPorts.find((n) => n.name === p.targetPort && n.protocol === 'TCP')?.port;
    // A Route naming the pods' port number: only that number, whichever Service port leads there.
    if (backend.port?.of === 'endpoints' && typeof backend.port.value === 'number') {
      if (target === backend.port.value) out.add(target);
    } else out.add(target);
  }
  return [...out];
}

/** Where the proxies of the controllers that may serve the route run, or why that is not known. */
export function placementsOf(analysis: WorkspaceAnalysis, route: Route): ControllerPlacement[] | string {
  const found = controllersOf(analysis, route);
  if (typeof found === 'string') return found;
  const out: ControllerPlacement[] = [];
  for (const { controller, gatewayNamespace } of found) {
    const namespaces = controller.inGatewayNamespace && gatewayNamespace !== undefined ? [gatewayNamespace] : controller.namespaces;
    if (namespaces.length === 0) out.push({ controller, namespace: undefined, pod: { labels: controller.podLabels, namespaceLabels: controller.namespaceLabels, namespaceLabelsComplete: false } });
    for (const ns of namespaces) out.push({ controller, namespace: ns, pod: podIn(analysis, controller, ns) });
  }
  return out.length > 0 ? out : `no placement of ${found.map((f) => f.controller.name).join(', ')} is known`;
}

function podIn(analysis: WorkspaceAnalysis, controller: IngressControllerSetting, namespace: string): ExternalPod {
  const declared = analysis.namespaces().find((n) => n.namespace.name === namespace && n.source !== undefined);
  const labels = { ...controller.namespaceLabels, ...(declared?.namespace.labels ?? {}), [NAMESPACE_NAME_LABEL]: namespace };
  return { labels: controller.podLabels, namespaceLabels: labels, namespaceLabelsComplete: declared !== undefined };
}

interface ServingController {
  readonly controller: IngressControllerSetting;
  /** For a Gateway API route: the Gateway's namespace. */
  readonly gatewayNamespace?: string;
}

/** The configured controllers that serve the route (every one that may), or why none is known. */
export function controllersOf(analysis: WorkspaceAnalysis, route: Route): ServingController[] | string {
  const settings = analysis.settings.ingressControllers;
  const classes = analysis.routeClasses();
  if (route.kind === 'Route') {
    const found = settings.filter((c) => c.servesOpenShiftRoutes);
    return found.length > 0 ? found.map((controller) => ({ controller })) : 'no controller in netpolLens.ingressControllers serves OpenShift Routes';
  }
  if (route.kind === 'Ingress') {
    let className = route.ingressClass;
    if (className === undefined) {
      const defaults = classes.filter((c) => c.value.kind === 'IngressClass' && c.value.isDefault);
      if (defaults.length !== 1) return "it names no ingress class, and the cluster's default class is not in the workspace";
      className = defaults[0]?.value.name ?? '';
    }
    const found = byClass(settings, classes, 'IngressClass', className, (c) => c.ingressClassNames);
    return found ? found.map((controller) => ({ controller })) : unknownClass('ingress class', className);
  }
  if (route.gateways.length === 0) return 'it is attached to no Gateway';
  const out: ServingController[] = [];
  for (const ref of route.gateways) {
    const gateway = classes.find((c) => c.value.kind === 'Gateway' && c.value.name === ref.name && c.value.namespace === ref.namespace)?.value;
    if (gateway?.kind !== 'Gateway') return `Gateway ${ref.namespace}/${ref.name} is not in the workspace`;
    if (gateway.className === undefined) return `Gateway ${ref.namespace}/${ref.name} names no class`;
    const found = byClass(settings, classes, 'GatewayClass', gateway.className, (c) => c.gatewayClassNames);
    if (!found) return unknownClass('gateway class', gateway.className);
    out.push(...found.map((controller) => ({ controller, gatewayNamespace: gateway.namespace })));
  }
  return out;
}

/** Controllers for a class: through its class object's controller name when the workspace has it, else by class name. Undefined: none. */
function byClass(
  settings: readonly IngressControllerSetting[],
  classes: readonly Sourced<RouteClass>[],
  kind: 'IngressClass' | 'GatewayClass',
  name: string,
  names: (c: IngressControllerSetting) => readonly string[],
): IngressControllerSetting[] | undefined {
  const declared = classes.find((c) => c.value.kind === kind && c.value.name === name)?.value;
  const controllerName = declared && declared.kind !== 'Gateway' ? declared.controller : undefined;
  const found = declared ? settings.filter((c) => controllerName !== undefined && c.controllerNames.includes(controllerName)) : settings.filter((c) => names(c).includes(name));
  return found.length > 0 ? found : undefined;
}

function unknownClass(what: string, name: string): string {
  return `no controller in netpolLens.ingressControllers serves ${what} ${name}`;
}
