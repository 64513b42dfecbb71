/**
 * `named-port-unresolved`: a named port resolves against the destination pod's container ports
 * (name and protocol must both match): ingress — the pods the policy selects; egress — the pods
 * the rule's peers match. When no destination declares it, the port allows nothing; toward an
 * ipBlock peer a named port never matches. Destinations the workspace may not fully show (open
 * namespaces, a rule without peers, operator-made pods whose ports depend on other objects) are
 * not judged. Fixes: the protocol the name is declared for; the declared name when only the case
 * differs; else the closest declared names. The same for the named ports of AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy and ClusterNetworkPolicy rules (crossFile/clusterNamedPorts.ts),
 * which match by name whatever the protocol.
 */
import type { PolicyInfo, WorkloadInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { rulesOf } from '../engine/policyTypes';
import { parseProtocol } from '../engine/portSpec';
import type { Direction, PolicyRule, Protocol } from '../engine/types';
import { get, getSeq, isMap, isScalar } from '../model/yamlTree';
import { ClusterKnowledge } from './crossFile/clusterKnowledge';
import { listWorkloads } from './crossFile/describe';
import { knownPeerNamespaces } from './crossFile/peerScope';
import { ruleMap } from './crossFile/policySource';
import { clusterNamedPortFindings } from './crossFile/clusterNamedPorts';
import { tierRule } from './crossFile/tierRule';
import { policyRule } from './crossFile/workspaceFindings';
import { namedPortFixes, type NamedPortFix } from './policy/namedPortFixes';
import { closestNames } from './policy/nameDistance';
import type { Finding, Rule } from './types';

const networkPolicyPart = policyRule(
  'named-port-unresolved',
  (analysis) => new ClusterKnowledge(analysis),
  (policy, known, analysis): Finding[] => {
    const out: Finding[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      if (!analysis.network.governs(policy.index, direction)) continue;
      rulesOf(policy.policy, direction).forEach((rule, ruleIndex) => {
        const portNodes = getSeq(ruleMap(policy, direction, ruleIndex), 'ports')?.items ?? [];
        rule.ports?.forEach((port, i) => {
          const portMap = portNodes[i];
          const node = get(portMap, 'port');
          const protocol = parseProtocol(port.protocol);
          if (typeof port.port !== 'string' || !protocol || !isScalar(node) || !isMap(portMap)) return;
          const verdict = judge(analysis, known, policy, direction, rule, ruleIndex, port.port, protocol);
          if (!verdict) return;
          const text = analysis.manifests.getFile(policy.source.uri)?.text;
          const fixes = verdict.fix && text !== undefined ? namedPortFixes(text, portMap, node, verdict.fix) : [];
          out.push({ ruleId: 'named-port-unresolved', message: verdict.message, start: node.start, end: node.end, fixes });
        });
      });
    }
    return out;
  },
);

interface Verdict {
  readonly message: string;
  readonly fix?: NamedPortFix;
}

function judge(
  analysis: WorkspaceAnalysis,
  known: ClusterKnowledge,
  policy: PolicyInfo,
  direction: Direction,
  rule: PolicyRule,
  ruleIndex: number,
  name: string,
  protocol: Protocol,
): Verdict | undefined {
  const ref = `${protocol}/${name}`;
  if (direction === 'egress' && rule.peers?.some((p) => p.ipBlock)) {
    return { message: `Named port ${ref} toward an ipBlock peer matches nothing: addresses have no container ports to resolve a name against. Use the port number.` };
  }
  const destinations = destinationsOf(analysis, known, policy, direction, rule, ruleIndex);
  if (!destinations || destinations.length === 0) return undefined;
  if (destinations.some((w) => w.workload.namedPorts.some((p) => p.name === name && p.protocol === protocol))) return undefined;
  // Pods an operator makes may declare ports the workspace cannot list (they depend on other objects).
  if (destinations.some((w) => w.workload.namedPortsPartial)) return undefined;
  const declared = destinations.flatMap((w) => w.workload.namedPorts);
  const lead = `No container of ${listWorkloads(destinations)} declares port ${ref}`;
  const otherProtocols = [...new Set(declared.filter((p) => p.name === name).map((p) => p.protocol))];
  const [otherProtocol] = otherProtocols;
  if (otherProtocol) {
    const hint = ` (${name} is declared for ${otherProtocols.join(' and ')}: the protocol must match too)`;
    return { message: `${lead}${hint}: this port allows nothing.`, fix: otherProtocols.length === 1 ? { protocol: otherProtocol } : undefined };
  }
  const sameProtocol = [...new Set(declared.filter((p) => p.protocol === protocol).map((p) => p.name))];
  const caseVariant = sameProtocol.find((n) => n.toLowerCase() === name.toLowerCase());
  if (caseVariant) {
    return { message: `${lead}: port names are case-sensitive, and the port is declared as ${caseVariant}. This port allows nothing.`, fix: { names: [caseVariant], preferred: true } };
  }
  const names = closestNames(name, sameProtocol, Number.MAX_SAFE_INTEGER, 3);
  const declaredHint = names.length > 0 ? ` (declared for ${protocol}: ${names.join(', ')})` : '';
  return {
    message: `${lead}${declaredHint}: this port allows nothing.`,
    // Another name is another port: offered, never preferred.
    fix: names.length > 0 ? { names, preferred: false } : undefined,
  };
}

/** The destination pods of a rule, when the workspace knows all of them. */
function destinationsOf(
  analysis: WorkspaceAnalysis,
  known: ClusterKnowledge,
  policy: PolicyInfo,
  direction: Direction,
  rule: PolicyRule,
  ruleIndex: number,
): WorkloadInfo[] | undefined {
  const ns = policy.policy.namespace;
  if (direction === 'ingress') return known.workloadsKnown(ns, ns) ? analysis.selectedWorkloads(policy) : undefined;
  const peers = rule.peers ?? [];
  if (peers.length === 0 || peers.some((p) => !knownPeerNamespaces(analysis, known, policy, p))) return undefined;
  const indexes = new Set<number>();
  for (const piece of analysis.network.piecesOf(policy.index, 'egress')) {
    if (piece.rule.ruleIndex === ruleIndex) for (const w of piece.workloads) indexes.add(w);
  }
  return [...indexes].sort((a, b) => a - b).flatMap((i) => analysis.workloads()[i] ?? []);
}

const clusterPolicyPart = tierRule('named-port-unresolved', clusterNamedPortFindings, 'cluster-policies');

export const namedPortUnresolvedRule: Rule = {
  id: 'named-port-unresolved',
  scope: 'workspace',
  check(ctx) {
    const own = networkPolicyPart.check(ctx);
    const cluster = clusterPolicyPart.check(ctx);
    // The parts' arrays themselves when one is empty: unchanged files keep their identity.
    return cluster.length === 0 ? own : own.length === 0 ? cluster : [...own, ...cluster];
  },
  prepare(analysis) {
    networkPolicyPart.prepare?.(analysis);
    clusterPolicyPart.prepare?.(analysis);
  },
};
