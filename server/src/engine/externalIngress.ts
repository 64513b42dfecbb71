/**
 * Whether a workload's ingress admits a pod the workspace does not hold (an ingress controller's
 * proxy), knowing only some of its labels and some of its namespace's labels. A selector testing
 * a label that is not known may or may not match it (`maybe`); an ipBlock may hold its address
 * (pod IPs are not known): `maybe` too. The tiers are then read twice (tierVerdict.ts), once with
 * every uncertain Allow matching and every uncertain Deny not (the most the pod can get), once the
 * other way round (the least): "denied" when even the most is nothing, "allowed" when even the
 * least is everything asked, else "unknown". An uncertain Pass makes the answer unknown.
 */
import { setFields, type TierPiece } from './clusterLayer';
import type { ClusterPeer } from './clusterPolicyTypes';
import type { Network } from './network';
import { type PortSet } from './portSet';
import { resolvePorts } from './portSpec';
import { tierVerdict, type Decision } from './tierVerdict';
import { rulesOf } from './policyTypes';
import { requirementMatches } from './labelSelector';
import { NAMESPACE_NAME_LABEL, type LabelSelector, type Labels, type Policy, type PolicyPeer, type RuleRef } from './types';

export type Match = 'yes' | 'no' | 'maybe';

/** What is known of a pod outside the workspace. */
export interface ExternalPod {
  /** Some of its labels; the others are unknown. */
  readonly labels: Labels;
  /** Some of its namespace's labels (`kubernetes.io/metadata.name` when the name is known). */
  readonly namespaceLabels: Labels;
  /** The namespace is declared in the workspace: labels not listed are absent. */
  readonly namespaceLabelsComplete: boolean;
}

export interface ExternalIngressAnswer {
  readonly verdict: 'allowed' | 'denied' | 'unknown';
  /** Who decides each port, in the reading that gives the verdict (for "unknown", the most the pod can get). */
  readonly decisions: readonly Decision[];
  /** NetworkPolicy rules that (may) admit the pod on the ports asked. */
  readonly admittedBy: readonly RuleRef[];
}

export function ingressFromExternal(net: Network, workload: number, pod: ExternalPod, only: PortSet): ExternalIngressAnswer {
  const answer = net.allowed(workload, 'ingress');
  const toward = net.workloads[workload]?.namedPorts;
  const npPieces = answer.pieces.map((piece) => ({ piece, match: networkPolicyMatch(net, piece.rule, pod), ports: resolvePorts(piece.ports, toward).intersect(only) }));
  const tiers = net.tiered(workload, 'ingress');
  const tierMatch = new Map<TierPiece, Match>();
  for (const piece of [...tiers.admin, ...tiers.baseline]) tierMatch.set(piece, clusterMatch(net, piece, pod));
  const uncertainPass = [...tierMatch].some(([piece, m]) => m === 'maybe' && piece.action === 'pass' && !resolvePorts(piece.ports, toward).intersect(only).isEmpty());
  const reading = (most: boolean): { allowed: PortSet; decisions: readonly Decision[] } => {
    const taken = (m: Match, allows: boolean): boolean => m === 'yes' || (m === 'maybe' && most === allows);
    const matches = npPieces.filter((x) => taken(x.match, true)).map((x) => ({ rule: x.piece.rule, ports: x.ports }));
    const portsFor = (piece: TierPiece): PortSet | undefined => (taken(tierMatch.get(piece) ?? 'no', piece.action === 'allow') ? resolvePorts(piece.ports, toward) : undefined);
    return tierVerdict(tiers, portsFor, { isolated: answer.isolated, matches }, only);
  };
  const most = reading(true);
  const admittedBy = npPieces.filter((x) => x.match !== 'no' && !x.ports.isEmpty()).map((x) => x.piece.rule);
  if (uncertainPass) return { verdict: 'unknown', decisions: most.decisions, admittedBy };
  if (most.allowed.isEmpty()) return { verdict: 'denied', decisions: most.decisions, admittedBy };
  const least = reading(false);
  if (least.allowed.equals(only)) return { verdict: 'allowed', decisions: least.decisions, admittedBy };
  return { verdict: 'unknown', decisions: most.decisions, admittedBy };
}

/** A NetworkPolicy peer (or a rule without peers) against the pod. */
function networkPolicyMatch(net: Network, rule: RuleRef, pod: ExternalPod): Match {
  if (rule.peerIndex === undefined) return 'yes';
  const index = net.policyById(rule.policy);
  const policy = index === undefined ? undefined : net.policies[index];
  const peer = policy ? rulesOf(policy, 'ingress')[rule.ruleIndex]?.peers?.[rule.peerIndex] : undefined;
  return policy && peer ? peerMatch(policy, peer, pod) : 'no';
}

function peerMatch(policy: Policy, peer: PolicyPeer, pod: ExternalPod): Match {
  // Its address is not known: an ipBlock may hold it.
  if (peer.ipBlock) return 'maybe';
  if (!peer.podSelector && !peer.namespaceSelector) return 'no';
  const namespace = peer.namespaceSelector
    ? selectorMatch(peer.namespaceSelector, pod.namespaceLabels, pod.namespaceLabelsComplete)
    : selectorMatch({ matchLabels: { [NAMESPACE_NAME_LABEL]: policy.namespace } }, pod.namespaceLabels, false);
  return both(namespace, selectorMatch(peer.podSelector, pod.labels, false));
}

/** A cluster-wide policy's ingress peer (`namespaces` or `pods`) against the pod. */
function clusterMatch(net: Network, piece: TierPiece, pod: ExternalPod): Match {
  const index = net.cluster.policyById(piece.rule.policy);
  const policy = index === undefined ? undefined : net.cluster.policies[index];
  const peer: ClusterPeer | undefined = policy?.ingress[piece.rule.ruleIndex]?.peers[piece.rule.peerIndex];
  if (!peer || setFields(peer).length !== 1) return 'no';
  if (peer.namespaces) return selectorMatch(peer.namespaces, pod.namespaceLabels, pod.namespaceLabelsComplete);
  if (!peer.pods) return 'no';
  return both(selectorMatch(peer.pods.namespaceSelector, pod.namespaceLabels, pod.namespaceLabelsComplete), selectorMatch(peer.pods.podSelector, pod.labels, false));
}

/**
 * A selector against labels of which only `known` are certain (`complete`: the others are absent).
 * An invalid requirement matches nothing, as in labelSelector.ts.
 */
export function selectorMatch(selector: LabelSelector | undefined, known: Labels, complete: boolean): Match {
  if (!selector) return 'yes';
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(known, key);
  let result: Match = 'yes';
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (has(key) || complete) {
      if (known[key] !== value) return 'no';
    } else result = 'maybe';
  }
  for (const req of selector.matchExpressions ?? []) {
    const valid = ['Exists', 'DoesNotExist'].includes(req.operator) || (['In', 'NotIn'].includes(req.operator) && (req.values ?? []).length > 0);
    if (!valid) return 'no';
    if (has(req.key) || complete) {
      if (!requirementMatches(req, known)) return 'no';
    } else result = 'maybe';
  }
  return result;
}

function both(a: Match, b: Match): Match {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'maybe' || b === 'maybe' ? 'maybe' : 'yes';
}
