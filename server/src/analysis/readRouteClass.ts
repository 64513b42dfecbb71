/**
 * What says which controller serves a route: an `IngressClass` (`spec.controller`, and whether it
 * is the cluster's default), a Gateway API `GatewayClass` (`spec.controllerName`) and `Gateway`
 * (`spec.gatewayClassName`).
 */
import { apiGroupOf } from '../model/apiGroups';
import type { K8sObject } from '../model/k8sObject';
import { getMap, getString } from '../model/yamlTree';

export type RouteClass =
  | { readonly kind: 'IngressClass'; readonly name: string; readonly controller: string | undefined; readonly isDefault: boolean }
  | { readonly kind: 'GatewayClass'; readonly name: string; readonly controller: string | undefined }
  | { readonly kind: 'Gateway'; readonly name: string; readonly namespace: string; readonly className: string | undefined };

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export function readRouteClass(obj: K8sObject, namespace: string): RouteClass | undefined {
  const spec = getMap(obj.node, 'spec');
  const name = obj.name;
  if (!name) return undefined;
  const group = apiGroupOf(obj.apiVersion);
  if (obj.kind === 'IngressClass' && group === 'networking.k8s.io') {
    const annotations = getMap(getMap(obj.node, 'metadata'), 'annotations');
    return { kind: 'IngressClass', name, controller: getString(spec, 'controller'), isDefault: getString(annotations, 'ingressclass.kubernetes.io/is-default-class') === 'true' };
  }
  if (group !== GATEWAY_GROUP) return undefined;
  if (obj.kind === 'GatewayClass') return { kind: 'GatewayClass', name, controller: getString(spec, 'controllerName') };
  if (obj.kind === 'Gateway') return { kind: 'Gateway', name, namespace, className: getString(spec, 'gatewayClassName') };
  return undefined;
}
