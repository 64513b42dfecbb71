/**
 * `netpolLens.ingressControllers`: where the ingress controllers of the cluster run, so that
 * `ingress-controller-blocked` and the route hover can tell whether a policy admits them. The
 * controllers live outside the workspace: each entry says which routes it serves (by class or
 * controller name) and what is known of its pods (namespace, namespace labels, pod labels).
 * Labels not listed are unknown, never assumed absent: a policy testing them is not judged.
 *
 * The defaults follow each project's own install (namespace and pod labels of the manifests or
 * chart it publishes); see docs/rules/ingress-controller-blocked.md for the sources.
 */

type Labels = Readonly<Record<string, string>>;

export interface IngressControllerSetting {
  /** Shown in messages and hovers. */
  readonly name: string;
  /** Namespaces its proxy pods may run in (each is judged); empty when only `namespaceLabels` says which. */
  readonly namespaces: readonly string[];
  /** Labels its namespace has besides `kubernetes.io/metadata.name` (others unknown). */
  readonly namespaceLabels: Labels;
  /** Labels its proxy pods have (others unknown). */
  readonly podLabels: Labels;
  /** `spec.ingressClassName` (or the `kubernetes.io/ingress.class` annotation) values it serves. */
  readonly ingressClassNames: readonly string[];
  /** IngressClass `spec.controller` and GatewayClass `spec.controllerName` values it serves. */
  readonly controllerNames: readonly string[];
  /** `spec.gatewayClassName` values of Gateways it serves. */
  readonly gatewayClassNames: readonly string[];
  /** For Gateway API routes: its proxies run in the namespace of the Gateway (one deployment per Gateway). */
  readonly inGatewayNamespace: boolean;
  /** It serves OpenShift `Route`s (route.openshift.io). */
  readonly servesOpenShiftRoutes: boolean;
}

function controller(fields: Partial<IngressControllerSetting> & Pick<IngressControllerSetting, 'name'>): IngressControllerSetting {
  return {
    namespaces: [],
    namespaceLabels: {},
    podLabels: {},
    ingressClassNames: [],
    controllerNames: [],
    gatewayClassNames: [],
    inGatewayNamespace: false,
    servesOpenShiftRoutes: false,
    ...fields,
  };
}

export const DEFAULT_INGRESS_CONTROLLERS: readonly IngressControllerSetting[] = [
  controller({
    name: 'ingress-nginx',
    namespaces: ['ingress-nginx'],
    podLabels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
    ingressClassNames: ['nginx'],
    controllerNames: ['k8s.io/ingress-nginx'],
  }),
  controller({
    // F5's controller also names its class `nginx` by default: an Ingress of class nginx without
    // its IngressClass in the workspace may be served by either, and is judged against both.
    name: 'F5 NGINX Ingress Controller',
    // Its manifests and chart label the pods differently: no pod label is claimed.
    namespaces: ['nginx-ingress'],
    ingressClassNames: ['nginx'],
    controllerNames: ['nginx.org/ingress-controller'],
  }),
  controller({
    name: 'Traefik',
    // The chart's usual namespace, and k3s's bundled install.
    namespaces: ['traefik', 'kube-system'],
    podLabels: { 'app.kubernetes.io/name': 'traefik' },
    ingressClassNames: ['traefik'],
    controllerNames: ['traefik.io/ingress-controller', 'traefik.io/gateway-controller'],
    gatewayClassNames: ['traefik'],
  }),
  controller({
    name: 'HAProxy Kubernetes Ingress',
    // The static manifest and the chart label the pods differently: no pod label is claimed.
    namespaces: ['haproxy-controller'],
    ingressClassNames: ['haproxy'],
    controllerNames: ['haproxy.org/ingress-controller/haproxy'],
  }),
  controller({
    name: 'Contour (Envoy)',
    namespaces: ['projectcontour'],
    podLabels: { app: 'envoy' },
    ingressClassNames: ['contour'],
    controllerNames: ['projectcontour.io/ingress-controller'],
  }),
  controller({
    name: 'Istio ingress gateway',
    namespaces: ['istio-system'],
    podLabels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
    ingressClassNames: ['istio'],
    controllerNames: ['istio.io/ingress-controller'],
  }),
  controller({
    name: 'Istio (Gateway API)',
    inGatewayNamespace: true,
    controllerNames: ['istio.io/gateway-controller'],
    gatewayClassNames: ['istio'],
  }),
  controller({
    name: 'OpenShift router',
    namespaces: ['openshift-ingress'],
    namespaceLabels: { 'network.openshift.io/policy-group': 'ingress', 'policy-group.network.openshift.io/ingress': '' },
    ingressClassNames: ['openshift-default'],
    controllerNames: ['openshift.io/ingress-to-route'],
    servesOpenShiftRoutes: true,
  }),
];

/** Entries from an untrusted source; an entry without a name, or saying nothing of where its pods run, is dropped. */
export function normalizeIngressControllers(v: unknown): readonly IngressControllerSetting[] {
  if (!Array.isArray(v)) return DEFAULT_INGRESS_CONTROLLERS;
  const out: IngressControllerSetting[] = [];
  for (const raw of v) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const r = raw as Record<string, unknown>;
    const name = typeof r.name === 'string' ? r.name.trim() : '';
    const entry = controller({
      name,
      namespaces: strings(r.namespaces),
      namespaceLabels: labels(r.namespaceLabels),
      podLabels: labels(r.podLabels),
      ingressClassNames: strings(r.ingressClassNames),
      controllerNames: strings(r.controllerNames),
      gatewayClassNames: strings(r.gatewayClassNames),
      inGatewayNamespace: r.inGatewayNamespace === true,
      servesOpenShiftRoutes: r.servesOpenShiftRoutes === true,
    });
    const placed = entry.namespaces.length > 0 || Object.keys(entry.namespaceLabels).length > 0 || entry.inGatewayNamespace;
    if (name !== '' && placed) out.push(entry);
  }
  return out;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}

function labels(v: unknown): Labels {
  const out: Record<string, string> = {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
  for (const [k, value] of Object.entries(v as Record<string, unknown>)) if (typeof value === 'string' && k !== '') out[k] = value;
  return out;
}
