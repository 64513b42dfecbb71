/**
 * The shape of the operator catalogue: for a well-known custom resource, the pods its operator
 * makes — one entry per set of pods sharing labels (a StatefulSet, a Deployment, a pod set) —
 * with the labels those pods carry and their container ports.
 */
import type { Labels, NamedPort } from '../../engine/types';
import type { YMap } from '../../model/yamlTree';

/** A custom resource as an operator reads it. */
export interface CustomResource {
  readonly name: string;
  /** The resource's namespace: the operator makes its pods there. */
  readonly namespace: string;
  readonly node: YMap;
}

/** Pods an operator makes for a custom resource, all with the same labels. */
export interface OperatorPods {
  /** The name of the workload the operator creates for them (StatefulSet, Deployment, pod set). */
  readonly name: string;
  readonly labels: Labels;
  readonly namedPorts: readonly NamedPort[];
  /** True when the pods declare ports that depend on other objects (then `namedPorts` is partial). */
  readonly portsPartial?: boolean;
  readonly hostNetwork?: boolean;
}

export interface CatalogueEntry {
  /** API group (`monitoring.coreos.com`) and kind (`Prometheus`). */
  readonly group: string;
  readonly kind: string;
  /** The operator, as its project names itself. */
  readonly operator: string;
  /** False for kinds that only configure something else (their documents need no full parse). */
  readonly makesPods: boolean;
  /** The pods made for one resource. */
  pods(cr: CustomResource): OperatorPods[];
}

/** Entries for kinds of `group` that configure other components and make no pods. */
export function podless(group: string, operator: string, kinds: readonly string[]): CatalogueEntry[] {
  return kinds.map((kind) => ({ group, kind, operator, makesPods: false, pods: () => [] }));
}
