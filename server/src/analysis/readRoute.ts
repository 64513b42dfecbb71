/**
 * Objects that send outside traffic through an ingress controller to Services, as the rules read
 * them: an `Ingress` (networking.k8s.io/v1 `service.name`/`port`, and the old
 * `serviceName`/`servicePort` of extensions/v1beta1 and networking.k8s.io/v1beta1), a Gateway API
 * `HTTPRoute`/`GRPCRoute` (backendRefs of kind Service in the core group, the default; namespace
 * defaulting to the route's; attached to Gateways by parentRefs) and an OpenShift `Route`
 * (`spec.to` and `alternateBackends` of kind Service). Backends with weight 0 get no traffic and
 * are left out; so are backends that are not Services (an Ingress `resource`, another kind).
 */
import { apiGroupOf } from '../model/apiGroups';
import type { K8sObject } from '../model/k8sObject';
import { portNumber } from './readService';
import { get, getMap, getSeq, getString, isScalar, scalarString, type YNode, type YScalar } from '../model/yamlTree';

export type RouteKind = 'Ingress' | 'HTTPRoute' | 'GRPCRoute' | 'Route';

/**
 * The port a backend names: a Service port (`number` or, for an Ingress, the port's `name`), or
 * for an OpenShift Route the endpoints' port (a number is the pods' port, a name the Service
 * port's name). Undefined: not given (a Route then uses the Service's ports).
 */
export type BackendPort = { readonly of: 'service'; readonly value: number | string } | { readonly of: 'endpoints'; readonly value: number | string };

export interface RouteBackend {
  readonly service: string;
  readonly namespace: string;
  readonly port: BackendPort | undefined;
  /** The backend's Service name as written: where findings and the hover stand. */
  readonly nameNode: YScalar;
}

export interface GatewayRef {
  readonly name: string;
  readonly namespace: string;
}

export interface Route {
  readonly kind: RouteKind;
  readonly name: string;
  readonly namespace: string;
  /** Ingress: `spec.ingressClassName`, else the `kubernetes.io/ingress.class` annotation. */
  readonly ingressClass: string | undefined;
  /** Gateway API routes: the Gateways it attaches to. */
  readonly gateways: readonly GatewayRef[];
  readonly backends: readonly RouteBackend[];
}

const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const INGRESS_API = /^(networking\.k8s\.io|extensions)\//;

export function routeKindOf(obj: K8sObject): RouteKind | undefined {
  const group = apiGroupOf(obj.apiVersion);
  if (obj.kind === 'Ingress' && obj.apiVersion !== undefined && INGRESS_API.test(obj.apiVersion)) return 'Ingress';
  if ((obj.kind === 'HTTPRoute' || obj.kind === 'GRPCRoute') && group === GATEWAY_GROUP) return obj.kind;
  // `v1` without a group: OpenShift's legacy API for the same object (operators' assets still use it).
  if (obj.kind === 'Route' && (group === 'route.openshift.io' || obj.apiVersion === 'v1')) return 'Route';
  return undefined;
}

export function readRoute(obj: K8sObject, namespace: string): Route | undefined {
  const kind = routeKindOf(obj);
  const spec = getMap(obj.node, 'spec');
  if (!kind || !spec) return undefined;
  const base = { kind, name: obj.name ?? '', namespace, ingressClass: undefined, gateways: [] };
  switch (kind) {
    case 'Ingress': {
      const annotation = getString(getMap(getMap(obj.node, 'metadata'), 'annotations'), 'kubernetes.io/ingress.class');
      return { ...base, ingressClass: getString(spec, 'ingressClassName') ?? annotation, backends: ingressBackends(spec, namespace, obj.apiVersion === 'networking.k8s.io/v1') };
    }
    case 'HTTPRoute':
    case 'GRPCRoute':
      return { ...base, gateways: parentGateways(spec, namespace), backends: gatewayBackends(spec, namespace) };
    case 'Route':
      return { ...base, backends: openShiftBackends(spec, namespace) };
  }
}

/**
 * networking.k8s.io/v1: `defaultBackend` and `service.name` with `port.number` or `port.name`;
 * the v1beta1 versions: `backend` and `serviceName`/`servicePort`. The other version's fields
 * are unknown to the API server: such a backend is not read.
 */
function ingressBackends(spec: YNode, namespace: string, v1: boolean): RouteBackend[] {
  const backends: (YNode | undefined)[] = [get(spec, v1 ? 'defaultBackend' : 'backend')];
  for (const rule of getSeq(spec, 'rules')?.items ?? []) {
    for (const path of getSeq(getMap(rule, 'http'), 'paths')?.items ?? []) backends.push(get(path, 'backend'));
  }
  const out: RouteBackend[] = [];
  for (const b of backends) {
    const service = getMap(b, 'service');
    const nameNode = v1 ? get(service, 'name') : get(b, 'serviceName');
    const portValue = v1 ? (portNumber(get(getMap(service, 'port'), 'number')) ?? getString(getMap(service, 'port'), 'name')) : intOrString(get(b, 'servicePort'));
    if (!isScalar(nameNode) || !scalarString(nameNode) || portValue === undefined) continue;
    out.push({ service: scalarString(nameNode) ?? '', namespace, port: { of: 'service', value: portValue }, nameNode });
  }
  return out;
}

function parentGateways(spec: YNode, namespace: string): GatewayRef[] {
  const out: GatewayRef[] = [];
  for (const ref of getSeq(spec, 'parentRefs')?.items ?? []) {
    const group = getString(ref, 'group') ?? GATEWAY_GROUP;
    const kind = getString(ref, 'kind') ?? 'Gateway';
    const name = getString(ref, 'name');
    if (group !== GATEWAY_GROUP || kind !== 'Gateway' || !name) continue;
    out.push({ name, namespace: getString(ref, 'namespace') ?? namespace });
  }
  return out;
}

function gatewayBackends(spec: YNode, namespace: string): RouteBackend[] {
  const out: RouteBackend[] = [];
  for (const rule of getSeq(spec, 'rules')?.items ?? []) {
    for (const ref of getSeq(rule, 'backendRefs')?.items ?? []) {
      const group = getString(ref, 'group') ?? '';
      const kind = getString(ref, 'kind') ?? 'Service';
      const nameNode = get(ref, 'name');
      const port = portNumber(get(ref, 'port'));
      if (group !== '' || kind !== 'Service' || !isScalar(nameNode) || !scalarString(nameNode) || port === undefined || weightZero(ref)) continue;
      out.push({ service: scalarString(nameNode) ?? '', namespace: getString(ref, 'namespace') ?? namespace, port: { of: 'service', value: port }, nameNode });
    }
  }
  return out;
}

function openShiftBackends(spec: YNode, namespace: string): RouteBackend[] {
  const target = intOrString(get(getMap(spec, 'port'), 'targetPort'));
  const port: BackendPort | undefined = target === undefined ? undefined : { of: 'endpoints', value: target };
  const out: RouteBackend[] = [];
  for (const to of [get(spec, 'to'), ...(getSeq(spec, 'alternateBackends')?.items ?? [])]) {
    const nameNode = get(to, 'name');
    if ((getString(to, 'kind') ?? 'Service') !== 'Service' || !isScalar(nameNode) || !scalarString(nameNode) || weightZero(to)) continue;
    out.push({ service: scalarString(nameNode) ?? '', namespace, port, nameNode });
  }
  return out;
}

function weightZero(ref: YNode | undefined): boolean {
  const w = get(ref, 'weight');
  return isScalar(w) && (w.value === 0 || w.source === '0');
}

/** A number (1–65535) or a port name. */
function intOrString(node: YNode | undefined): number | string | undefined {
  const text = scalarString(node);
  if (text === undefined || text === '') return undefined;
  return portNumber(node) ?? (/^\d+$/.test(text) ? undefined : text);
}
