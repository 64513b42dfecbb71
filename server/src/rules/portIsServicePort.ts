/**
 * `port-is-service-port`: an ingress rule's numeric port equals the `port` of a Service whose
 * backends are the pods the policy selects (its `spec.selector` matches a selected workload of the
 * policy's namespace), while that Service port sends to another `targetPort` (a number, or a name
 * resolved through the pods' container ports), and no selected pod declares the number as a
 * container port itself. NetworkPolicy sees the pods' ports, after the Service's translation: the
 * port matches no traffic sent through the Service. Egress is not judged (a rule's peers may be
 * reached through other Services, or directly). Fix: the target port (its name when the Service
 * names it).
 */
import type { WorkloadInfo } from '../analysis/workspaceAnalysis';
import type { Service, ServicePort } from '../analysis/readService';
import { selectorMatches } from '../engine/labelSelector';
import { rulesOf } from '../engine/policyTypes';
import { parseProtocol } from '../engine/portSpec';
import type { Protocol } from '../engine/types';
import { get, getSeq, isScalar } from '../model/yamlTree';
import { listWorkloads } from './crossFile/describe';
import { ruleMap } from './crossFile/policySource';
import { policyRule } from './crossFile/workspaceFindings';
import { replaceScalar } from './edit/replaceScalar';
import type { Finding, FixData, Rule } from './types';

interface Hit {
  readonly service: Service;
  readonly servicePort: ServicePort;
  /** The container port number the Service sends to. */
  readonly target: number;
  readonly backends: readonly WorkloadInfo[];
}

export const portIsServicePortRule: Rule = policyRule(
  'port-is-service-port',
  () => undefined,
  (policy, _shared, analysis): Finding[] => {
    if (!analysis.network.governs(policy.index, 'ingress')) return [];
    const selected = analysis.selectedWorkloads(policy);
    if (selected.length === 0) return [];
    const services = analysis.servicesIn(policy.policy.namespace);
    if (services.length === 0) return [];
    const out: Finding[] = [];
    rulesOf(policy.policy, 'ingress').forEach((rule, ruleIndex) => {
      const portNodes = getSeq(ruleMap(policy, 'ingress', ruleIndex), 'ports')?.items ?? [];
      rule.ports?.forEach((port, i) => {
        const node = get(portNodes[i], 'port');
        const protocol = parseProtocol(port.protocol);
        if (typeof port.port !== 'number' || port.endPort !== undefined || !protocol || !isScalar(node)) return;
        const hit = judge(services.map((s) => s.value), selected, port.port, protocol);
        if (!hit) return;
        const { service, servicePort, target, backends } = hit;
        const named = typeof servicePort.targetPort === 'string' ? ` (${servicePort.targetPort})` : '';
        const message =
          `Port ${port.port} is the port of Service ${service.namespace}/${service.name}, which sends it to port ${target}${named} of ${listWorkloads(backends)}, ` +
          `and no container there declares ${port.port}: NetworkPolicy sees pod ports, after the Service's translation, so this port matches no traffic sent through the Service.`;
        const alreadyAllowed = rule.ports?.some((p) => parseProtocol(p.protocol) === protocol && (p.port === target || p.port === servicePort.targetPort));
        const fixes: FixData[] = alreadyAllowed ? [] : [fixFor(node, servicePort.targetPort, target)];
        out.push({ ruleId: 'port-is-service-port', message, start: node.start, end: node.end, fixes });
      });
    });
    return out;
  },
);

function judge(services: readonly Service[], selected: readonly WorkloadInfo[], port: number, protocol: Protocol): Hit | undefined {
  // The pods listen on the number themselves: direct traffic (or another Service) may use it.
  if (selected.some((w) => declares(w, port, protocol))) return undefined;
  for (const service of services) {
    const backends = selected.filter((w) => selectorMatches({ matchLabels: service.selector }, w.workload.labels));
    if (backends.length === 0) continue;
    for (const servicePort of service.ports) {
      if (servicePort.port !== port || servicePort.protocol !== protocol) continue;
      const target = resolveTarget(servicePort, backends, protocol);
      if (target !== undefined && target !== port) return { service, servicePort, target, backends };
    }
  }
  return undefined;
}

/** The container port a Service port sends to, when every backend agrees on it. */
function resolveTarget(servicePort: ServicePort, backends: readonly WorkloadInfo[], protocol: Protocol): number | undefined {
  const target = servicePort.targetPort;
  if (typeof target === 'number') return target;
  const numbers = new Set<number>();
  for (const w of backends) {
    const found = w.workload.namedPorts.find((p) => p.name === target && p.protocol === protocol);
    // A backend that does not declare the name (or may declare ports not shown): not judged.
    if (!found) return undefined;
    numbers.add(found.port);
  }
  return numbers.size === 1 ? [...numbers][0] : undefined;
}

function declares(w: WorkloadInfo, port: number, protocol: Protocol): boolean {
  if (w.workload.namedPortsPartial) return true;
  return (
    w.workload.namedPorts.some((p) => p.port === port && p.protocol === protocol) ||
    (w.workload.unnamedPorts ?? []).some((p) => p.port === port && p.protocol === protocol)
  );
}

function fixFor(node: Parameters<typeof replaceScalar>[0], targetPort: number | string, target: number): FixData {
  if (typeof targetPort === 'string') {
    return { title: `Use the target port ${targetPort}`, edits: [replaceScalar(node, targetPort)], preferred: true };
  }
  // A number is written plain: a quoted "8080" would be read as a port name.
  return { title: `Use the target port ${target}`, edits: [{ start: node.start, end: node.end, newText: String(target) }], preferred: true };
}

