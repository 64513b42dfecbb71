import { apiGroupOf, isCustomApiVersion } from './apiGroups';
import type { YMap, YScalar } from './yamlTree';

/** Kinds whose documents are parsed in full; every other document keeps only its header. */
export const ANALYSED_KINDS: ReadonlySet<string> = new Set([
  'NetworkPolicy',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy',
  'Namespace',
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Service',
  'Ingress',
  'IngressClass',
  // OpenShift's legacy group-less Route (`apiVersion: v1`); route.openshift.io/v1 is in ROUTING_KINDS.
  'Route',
  'List',
]);

export function isAnalysedKind(kind: string): boolean {
  return ANALYSED_KINDS.has(kind) || kind.endsWith('List');
}

/**
 * Custom resources whose operators make pods the analysis knows (`analysis/operators/`), as
 * `group/Kind`: parsed in full. A test keeps this list and the catalogue the same.
 */
export const OPERATOR_KINDS: ReadonlySet<string> = new Set([
  'monitoring.coreos.com/Prometheus',
  'monitoring.coreos.com/PrometheusAgent',
  'monitoring.coreos.com/Alertmanager',
  'monitoring.coreos.com/ThanosRuler',
  'kafka.strimzi.io/Kafka',
  'kafka.strimzi.io/KafkaNodePool',
  'kafka.strimzi.io/KafkaConnect',
  'kafka.strimzi.io/KafkaMirrorMaker2',
  'kafka.strimzi.io/KafkaBridge',
  'postgresql.cnpg.io/Cluster',
  'postgresql.cnpg.io/Pooler',
  'elasticsearch.k8s.elastic.co/Elasticsearch',
  'kibana.k8s.elastic.co/Kibana',
]);

/**
 * Custom resources that route outside traffic to Services, or say which controller does
 * (`analysis/readRoute.ts`, `readRouteClass.ts`), as `group/Kind`: parsed in full.
 */
export const ROUTING_KINDS: ReadonlySet<string> = new Set([
  'gateway.networking.k8s.io/HTTPRoute',
  'gateway.networking.k8s.io/GRPCRoute',
  'gateway.networking.k8s.io/Gateway',
  'gateway.networking.k8s.io/GatewayClass',
  'route.openshift.io/Route',
]);

/**
 * RBAC kinds (`analysis/readAccess.ts`: which service accounts may create pods), as `group/Kind`:
 * parsed in full.
 */
export const ACCESS_KINDS: ReadonlySet<string> = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].map((k) => `rbac.authorization.k8s.io/${k}`));

/**
 * A custom resource may hold a pod template (`spec.template`, as Argo Rollouts' Rollout does),
 * which makes it a workload; only a document with an indented `template:` key can. Built-in
 * kinds the rules do not read (CustomResourceDefinitions, whose schemas say `template:` a lot,
 * ConfigMaps) are never parsed for it.
 */
const TEMPLATE_KEY = /^[ \t]+template[ \t]*:/m;

/** Whether a document of this header is parsed in full (the others keep their header only). */
export function parsesInFull(apiVersion: string | undefined, kind: string, text: string): boolean {
  if (isAnalysedKind(kind)) return true;
  const key = `${apiGroupOf(apiVersion) ?? ''}/${kind}`;
  if (ACCESS_KINDS.has(key)) return true;
  if (!isCustomApiVersion(apiVersion)) return false;
  return OPERATOR_KINDS.has(key) || ROUTING_KINDS.has(key) || TEMPLATE_KEY.test(text);
}

/** A Kubernetes object found in a file: a document, or an item of a `List` document. */
export interface K8sObject {
  readonly uri: string;
  /** Index of the document in the file. */
  readonly docIndex: number;
  /** Index in the `items` of a List document; undefined for a top-level object. */
  readonly itemIndex: number | undefined;
  readonly apiVersion: string | undefined;
  readonly kind: string;
  /** Spans of `apiVersion` and `kind` values (synthetic scalars for header-only documents). */
  readonly apiVersionNode: YScalar | undefined;
  readonly kindNode: YScalar | undefined;
  readonly name: string | undefined;
  /** `metadata.namespace` as written; undefined when absent (the default namespace applies). */
  readonly namespace: string | undefined;
  /** The object's tree, for analysed kinds; undefined when only the header was read. */
  readonly node: YMap | undefined;
  /** File offsets of the object (the document, or the list item). */
  readonly start: number;
  readonly end: number;
}
