/**
 * Workloads from manifests: the pod template of a Deployment, StatefulSet, DaemonSet, ReplicaSet,
 * ReplicationController or Job (`spec.template`), of a CronJob (`spec.jobTemplate.spec.template`),
 * or a Pod itself. A Pod with a controller ownerReference stands for its direct owner
 * (`ns/owner[OwnerKind]`, as netpol-analyzer reports it; an owner without kind counts as a Pod).
 * Mirror pods of static pods are owned by their Node: each is a workload of its own.
 *
 * Any custom resource with a pod template (`spec.template` with labels or containers, as Argo
 * Rollouts' Rollout and Knative's Service have) is a workload too: whatever controller reads it
 * makes pods from that template. Custom resources whose operator makes pods of its own design are
 * read by the operator catalogue (`operators/`) instead.
 */
import { isCustomApiVersion } from '../model/apiGroups';
import type { K8sObject } from '../model/k8sObject';
import { at, get, getMap, getScalar, getSeq, getString, isMap, isSeq, scalarString, toStringMap, type YNode } from '../model/yamlTree';
import { parseProtocol } from '../engine/portSpec';
import type { NamedPort, Protocol, Workload } from '../engine/types';

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
]);

export function workloadId(namespace: string, name: string, kind: string): string {
  return `${namespace}/${name}[${kind}]`;
}

/** The workload an object is or belongs to, or undefined for other kinds. */
export function readWorkload(obj: K8sObject, namespace: string): Workload | undefined {
  if (!obj.node) return undefined;
  if (!WORKLOAD_KINDS.has(obj.kind)) {
    const template = isCustomApiVersion(obj.apiVersion) ? at(obj.node, ['spec', 'template']) : undefined;
    return isPodTemplate(template) ? podWorkload(namespace, obj.name ?? '', obj.kind, getMap(template, 'metadata'), getMap(template, 'spec')) : undefined;
  }
  if (obj.kind === 'Pod') {
    const owner = controllerOf(obj.node);
    const name = owner?.name ?? obj.name ?? '';
    const kind = owner ? owner.kind : 'Pod';
    return podWorkload(namespace, name, kind, getMap(obj.node, 'metadata'), getMap(obj.node, 'spec'));
  }
  const template = obj.kind === 'CronJob' ? at(obj.node, ['spec', 'jobTemplate', 'spec', 'template']) : at(obj.node, ['spec', 'template']);
  return podWorkload(namespace, obj.name ?? '', obj.kind, getMap(template, 'metadata'), getMap(template, 'spec'));
}

/** A pod template: a map with labels or containers (a CR's `spec.template` may be something else). */
function isPodTemplate(node: YNode | undefined): boolean {
  return isMap(node) && (isMap(at(node, ['metadata', 'labels'])) || isSeq(at(node, ['spec', 'containers'])));
}

function podWorkload(namespace: string, name: string, kind: string, metadata: YNode | undefined, spec: YNode | undefined): Workload {
  const workload: Workload = {
    id: workloadId(namespace, name, kind),
    name,
    namespace,
    kind,
    labels: toStringMap(get(metadata, 'labels')),
    namedPorts: namedPortsOf(spec),
  };
  const unnamed = unnamedPortsOf(spec);
  const withPorts = unnamed.length > 0 ? { ...workload, unnamedPorts: unnamed } : workload;
  const withHost = usesHostNetwork(spec) ? { ...withPorts, hostNetwork: true as const } : withPorts;
  const serviceAccountName = getString(spec, 'serviceAccountName') ?? getString(spec, 'serviceAccount');
  return serviceAccountName ? { ...withHost, serviceAccountName } : withHost;
}

/** `hostNetwork: true` in a pod spec (or an operator's spec that has the same field). */
export function usesHostNetwork(spec: YNode | undefined): boolean {
  return getScalar(spec, 'hostNetwork')?.value === true;
}

function controllerOf(pod: YNode): { name: string; kind: string } | undefined {
  for (const ref of getSeq(getMap(pod, 'metadata'), 'ownerReferences')?.items ?? []) {
    const controller = get(ref, 'controller');
    const name = getString(ref, 'name');
    const kind = getString(ref, 'kind') ?? 'Pod';
    if (isMap(ref) && controller?.type === 'scalar' && controller.value === true && name && kind !== 'Node') {
      return { name, kind };
    }
  }
  return undefined;
}

/** Container ports declared without a name (`containerPort`, `protocol` defaulting to TCP). */
export function unnamedPortsOf(spec: YNode | undefined): { port: number; protocol: Protocol }[] {
  const out: { port: number; protocol: Protocol }[] = [];
  for (const container of getSeq(spec, 'containers')?.items ?? []) {
    for (const p of getSeq(container, 'ports')?.items ?? []) {
      if (getString(p, 'name')) continue;
      const portNode = get(p, 'containerPort');
      const port = portNode?.type === 'scalar' && typeof portNode.value === 'number' ? portNode.value : Number(scalarString(portNode));
      const protocol = parseProtocol(getString(p, 'protocol'));
      if (protocol && Number.isInteger(port) && port >= 1 && port <= 65535) out.push({ port, protocol });
    }
  }
  return out;
}

/** Named container ports (`name`, `containerPort`, `protocol` defaulting to TCP) of the containers. */
export function namedPortsOf(spec: YNode | undefined): NamedPort[] {
  const out: NamedPort[] = [];
  for (const container of getSeq(spec, 'containers')?.items ?? []) {
    for (const p of getSeq(container, 'ports')?.items ?? []) {
      const name = getString(p, 'name');
      const portNode = get(p, 'containerPort');
      const port = portNode?.type === 'scalar' && typeof portNode.value === 'number' ? portNode.value : Number(scalarString(portNode));
      const protocol = parseProtocol(getString(p, 'protocol'));
      if (name && protocol && Number.isInteger(port) && port >= 1 && port <= 65535) out.push({ name, port, protocol });
    }
  }
  return out;
}
