/**
 * A core `v1` Service as the rules read it: its namespace, name, pod selector (`spec.selector`,
 * equality only) and ports (`port`, `targetPort` as written or defaulting to `port`, `protocol`
 * defaulting to TCP). ExternalName Services and Services without a selector send traffic to no
 * pods the workspace shows: they are left out.
 */
import type { K8sObject } from '../model/k8sObject';
import { get, getMap, getSeq, getString, scalarString, toStringMap, type YNode } from '../model/yamlTree';
import { parseProtocol } from '../engine/portSpec';
import type { Labels, Protocol } from '../engine/types';

export interface ServicePort {
  /** `name` as written ('' when unnamed): what an Ingress's `port.name` and a Route's port name refer to. */
  readonly name: string;
  readonly port: number;
  /** A number, or a container port's name. */
  readonly targetPort: number | string;
  readonly protocol: Protocol;
}

export interface Service {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Labels;
  readonly ports: readonly ServicePort[];
}

export function isService(obj: K8sObject): boolean {
  return obj.kind === 'Service' && (obj.apiVersion === undefined || obj.apiVersion === 'v1');
}

export function readService(obj: K8sObject, namespace: string): Service | undefined {
  const spec = getMap(obj.node, 'spec');
  if (!obj.node || !spec || getString(spec, 'type') === 'ExternalName') return undefined;
  const selector = toStringMap(get(spec, 'selector'));
  if (Object.keys(selector).length === 0) return undefined;
  const ports: ServicePort[] = [];
  for (const p of getSeq(spec, 'ports')?.items ?? []) {
    const port = portNumber(get(p, 'port'));
    const protocol = parseProtocol(getString(p, 'protocol'));
    if (port === undefined || !protocol) continue;
    const targetNode = get(p, 'targetPort');
    const target = targetNode === undefined ? port : (portNumber(targetNode) ?? scalarString(targetNode));
    if (target === undefined || target === '') continue;
    ports.push({ name: getString(p, 'name') ?? '', port, targetPort: target, protocol });
  }
  return { name: obj.name ?? '', namespace, selector, ports };
}

/** A port number as written (a number, or digits in a string), when 1–65535. */
export function portNumber(node: YNode | undefined): number | undefined {
  const value = node?.type === 'scalar' && typeof node.value === 'number' ? node.value : /^\d+$/.test(scalarString(node) ?? '') ? Number(scalarString(node)) : undefined;
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 65535 ? value : undefined;
}
