import type { YMap, YScalar } from './yamlTree';

/** Kinds whose documents are parsed in full; every other document keeps only its header. */
export const ANALYSED_KINDS: ReadonlySet<string> = new Set([
  'NetworkPolicy',
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
  'List',
]);

export function isAnalysedKind(kind: string): boolean {
  return ANALYSED_KINDS.has(kind) || kind.endsWith('List');
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
