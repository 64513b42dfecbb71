/**
 * `except-nullified`: an `except` entry whose addresses another rule allows anyway, for the same
 * pods, in the same direction, on ports the excepting rule also covers — the exception denies
 * nothing there (policies only add; there is no deny). Related information points to each
 * allowing rule. The classic case: egress to 0.0.0.0/0 except one address, and another policy
 * allowing all egress to the same pods.
 */
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { AddressSet } from '../engine/addressSet';
import type { AllowedPiece } from '../engine/network';
import { rulesOf } from '../engine/policyTypes';
import { PortSet } from '../engine/portSet';
import { compilePorts, resolvePorts } from '../engine/portSpec';
import type { Direction, RuleRef } from '../engine/types';
import { getMap, getSeq } from '../model/yamlTree';
import { ClusterKnowledge } from './crossFile/clusterKnowledge';
import { listOf } from './crossFile/describe';
import { peerMap, relatedRule, ruleLabel } from './crossFile/policySource';
import { selectedPods } from './crossFile/selectedPods';
import { policyRule } from './crossFile/workspaceFindings';
import type { Finding, RelatedData } from './types';

export const exceptNullifiedRule = policyRule(
  'except-nullified',
  (analysis) => new ClusterKnowledge(analysis),
  (policy, known, analysis): Finding[] => {
    const out: Finding[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      if (!analysis.network.governs(policy.index, direction)) continue;
      const rules = rulesOf(policy.policy, direction);
      if (!rules.some((r) => r.peers?.some((p) => (p.ipBlock?.except ?? []).length > 0))) continue;
      const pods = selectedPods(analysis, known, policy, direction);
      rules.forEach((rule, ruleIndex) => {
        rule.peers?.forEach((peer, peerIndex) => {
          const cidr = peer.ipBlock ? AddressSet.parse(peer.ipBlock.cidr) : undefined;
          if (!cidr) return;
          const own: RuleRef = { policy: policy.policy.id, direction, ruleIndex, peerIndex };
          const exceptNodes = getSeq(getMap(peerMap(policy, direction, ruleIndex, peerIndex), 'ipBlock'), 'except')?.items ?? [];
          (peer.ipBlock?.except ?? []).forEach((text, i) => {
            const node = exceptNodes[i];
            const excepted = AddressSet.parse(text)?.intersect(cidr);
            if (!node || !excepted || excepted.isEmpty()) return;
            const hits = pods.flatMap((pod) => {
              const ownPorts = resolvePorts(compilePorts(rule.ports), direction === 'ingress' ? pod.namedPorts : undefined);
              const covering = coveringPieces(pod.pieces, own, excepted, ownPorts, direction === 'ingress' ? pod.namedPorts : undefined);
              return covering.length > 0 ? [{ pod: pod.label, covering }] : [];
            });
            if (hits.length === 0) return;
            out.push({
              ruleId: 'except-nullified',
              message: message(analysis, text, direction, hits),
              start: node.start,
              end: node.end,
              related: related(analysis, hits.flatMap((h) => h.covering)),
            });
          });
        });
      });
    }
    return out;
  },
);

interface Covering {
  readonly rule: RuleRef;
  readonly ports: PortSet;
}

/** Other pieces allowing every excepted address on some of the excepting rule's ports. */
function coveringPieces(
  pieces: readonly AllowedPiece[],
  own: RuleRef,
  excepted: AddressSet,
  ownPorts: PortSet,
  destinationPorts: Parameters<typeof resolvePorts>[1],
): Covering[] {
  const out: Covering[] = [];
  for (const piece of pieces) {
    const r = piece.rule;
    if (r.policy === own.policy && r.ruleIndex === own.ruleIndex && r.peerIndex === own.peerIndex) continue;
    if (!piece.addresses.containsSet(excepted)) continue;
    const ports = ownPorts.intersect(resolvePorts(piece.ports, destinationPorts));
    if (!ports.isEmpty()) out.push({ rule: r, ports });
  }
  return out;
}

function portsText(ports: PortSet): string {
  return ports.isAll() ? 'on every port' : `on ${ports.toString()}`;
}

/**
 * Pods are grouped by the ports they are covered on: one pod covered on every port must not make
 * the message say so for a pod whose covering rule allows port 80 only.
 */
function message(analysis: WorkspaceAnalysis, except: string, direction: Direction, hits: readonly { pod: string; covering: readonly Covering[] }[]): string {
  const byPorts = new Map<string, string[]>();
  for (const h of hits) {
    const text = portsText(h.covering.reduce((acc, c) => acc.union(c.ports), PortSet.empty()));
    byPorts.set(text, [...(byPorts.get(text) ?? []), h.pod]);
  }
  const where = listOf([...byPorts].map(([ports, pods]) => `${listOf(pods)} ${ports}`));
  const rules = [...new Set(hits.flatMap((h) => h.covering).map((c) => ruleLabel(analysis, c.rule)))];
  const way = direction === 'egress' ? 'to' : 'from';
  return `except ${except} blocks nothing for ${where}: ${listOf(rules)} ${rules.length > 1 ? 'allow' : 'allows'} ${direction} ${way} these addresses anyway.`;
}

function related(analysis: WorkspaceAnalysis, covering: readonly Covering[]): RelatedData[] {
  const seen = new Set<string>();
  const out: RelatedData[] = [];
  for (const c of covering) {
    const key = `${c.rule.policy}/${c.rule.ruleIndex}/${c.rule.peerIndex ?? '-'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = relatedRule(analysis, c.rule, `allows the excepted addresses ${portsText(c.ports)}`);
    if (r) out.push(r);
  }
  return out;
}
