/**
 * Custom resources of widely used projects that configure something and make no pods: a
 * namespace holding them holds no pods the catalogue does not know of. (Kinds that do make pods
 * through their controller — a Gateway API `Gateway`, a KEDA `ScaledJob`, an Argo CD
 * `Application` — are left out on purpose.)
 */
import { podless, type CatalogueEntry } from './catalogueTypes';

export const CONFIGURATION_KINDS: readonly CatalogueEntry[] = [
  // cert-manager.io: certificates are issued by the cert-manager controller's own pods.
  ...podless('cert-manager.io', 'cert-manager', ['Certificate', 'CertificateRequest', 'Issuer', 'ClusterIssuer']),
  // external-secrets.io: secrets synchronised by the External Secrets controller.
  ...podless('external-secrets.io', 'External Secrets', ['ExternalSecret', 'ClusterExternalSecret', 'SecretStore', 'ClusterSecretStore', 'PushSecret']),
  ...podless('bitnami.com', 'Sealed Secrets', ['SealedSecret']),
  // Gateway API routes and policies (the Gateway itself may get proxy pods: not listed).
  ...podless('gateway.networking.k8s.io', 'Gateway API', ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute', 'ReferenceGrant', 'GatewayClass', 'BackendTLSPolicy']),
  // OpenShift routes, served by the router's pods in openshift-ingress.
  ...podless('route.openshift.io', 'OpenShift', ['Route']),
  // Istio configuration, read by istiod and the sidecars.
  ...podless('networking.istio.io', 'Istio', ['VirtualService', 'DestinationRule', 'ServiceEntry', 'Sidecar', 'Gateway', 'EnvoyFilter', 'WorkloadEntry', 'WorkloadGroup']),
  ...podless('security.istio.io', 'Istio', ['PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication']),
  ...podless('telemetry.istio.io', 'Istio', ['Telemetry']),
  // Traefik routing configuration.
  ...podless('traefik.io', 'Traefik', ['IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP', 'Middleware', 'MiddlewareTCP', 'TLSOption', 'TLSStore', 'ServersTransport', 'TraefikService']),
  ...podless('traefik.containo.us', 'Traefik', ['IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP', 'Middleware', 'MiddlewareTCP', 'TLSOption', 'TLSStore', 'ServersTransport', 'TraefikService']),
  // Autoscaling settings for workloads defined elsewhere.
  ...podless('autoscaling.k8s.io', 'Vertical Pod Autoscaler', ['VerticalPodAutoscaler', 'VerticalPodAutoscalerCheckpoint']),
  ...podless('keda.sh', 'KEDA', ['ScaledObject', 'TriggerAuthentication', 'ClusterTriggerAuthentication']),
  // Policy engines: admission policies and their reports (a generate rule writes configuration, not pods).
  ...podless('kyverno.io', 'Kyverno', ['ClusterPolicy', 'Policy', 'PolicyException', 'ClusterCleanupPolicy', 'CleanupPolicy', 'UpdateRequest']),
  ...podless('policies.kyverno.io', 'Kyverno', ['ValidatingPolicy', 'NamespacedValidatingPolicy', 'ImageValidatingPolicy', 'MutatingPolicy', 'GeneratingPolicy', 'DeletingPolicy', 'NamespacedDeletingPolicy', 'PolicyException']),
  ...podless('wgpolicyk8s.io', 'Policy Reports', ['PolicyReport', 'ClusterPolicyReport']),
  ...podless('templates.gatekeeper.sh', 'Gatekeeper', ['ConstraintTemplate']),
  // Network policies of CNIs.
  ...podless('cilium.io', 'Cilium', ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy']),
  ...podless('crd.projectcalico.org', 'Calico', ['NetworkPolicy', 'GlobalNetworkPolicy', 'NetworkSet', 'GlobalNetworkSet']),
  ...podless('projectcalico.org', 'Calico', ['NetworkPolicy', 'GlobalNetworkPolicy', 'NetworkSet', 'GlobalNetworkSet']),
];
