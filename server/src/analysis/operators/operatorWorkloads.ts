/**
 * The workloads of a catalogued custom resource: one per set of pods its operator makes, in the
 * resource's namespace, named after the workload the operator creates and kinded after the
 * resource (`monitoring/prometheus-k8s[Prometheus]`), so messages point at what the user wrote.
 */
import type { Workload } from '../../engine/types';
import type { K8sObject } from '../../model/k8sObject';
import { workloadId } from '../readWorkload';
import type { CatalogueEntry } from './catalogueTypes';

export function operatorWorkloads(obj: K8sObject, entry: CatalogueEntry, namespace: string): Workload[] {
  if (!obj.node || !obj.name) return [];
  return entry.pods({ name: obj.name, namespace, node: obj.node }).map((pods) => {
    const workload: Workload = {
      id: workloadId(namespace, pods.name, obj.kind),
      name: pods.name,
      namespace,
      kind: obj.kind,
      labels: pods.labels,
      namedPorts: pods.namedPorts,
    };
    return {
      ...workload,
      ...(pods.portsPartial ? { namedPortsPartial: true as const } : {}),
      ...(pods.hostNetwork ? { hostNetwork: true as const } : {}),
    };
  });
}
