/**
 * Plain words for routeReach.ts's answers: which controller's pods, on which ports. The rule's
 * message and the route hover say it the same way.
 */
import type { Labels } from '../../engine/types';
import { labelText } from '../../text/displayText';
import type { ControllerPlacement, PortReach } from './routeReach';

/** `ingress-nginx`, `ingress-nginx or F5 NGINX Ingress Controller`: the controllers that may serve the route. */
export function controllerNames(placements: readonly ControllerPlacement[]): string {
  const names = [...new Set(placements.map((p) => p.controller.name))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}` : (names[0] ?? '');
}

/** `pods app.kubernetes.io/name=ingress-nginx in namespace ingress-nginx`. */
export function placementText(p: ControllerPlacement): string {
  const pods = Object.keys(p.pod.labels).length > 0 ? `pods ${labelsText(p.pod.labels)}` : 'pods';
  const where = p.namespace !== undefined ? `namespace ${p.namespace}` : `namespaces ${labelsText(p.controller.namespaceLabels)}`;
  return `${pods} in ${where}`;
}

function labelsText(labels: Labels): string {
  return Object.entries(labels)
    .map(([k, v]) => labelText(k, v))
    .join(',');
}

/** The distinct pod ports, `8080` or `8080, 8443`. */
export function portsText(reaches: readonly PortReach[]): string {
  return [...new Set(reaches.map((r) => r.port))].sort((a, b) => a - b).join(', ');
}
