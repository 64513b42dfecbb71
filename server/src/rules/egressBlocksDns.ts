/**
 * `egress-blocks-dns`: pods isolated for egress that cannot reach cluster DNS on both UDP 53 and
 * TCP 53 (UDP alone fails when an answer is truncated and the resolver retries over TCP).
 * Cluster DNS is every workload labelled `k8s-app: kube-dns`, plus, with `assumeClusterDns`, the
 * kube-dns pods of kube-system the workspace usually does not hold. Reported once per policy
 * isolating egress for such pods, with a fix adding the DNS rule to it.
 *
 * Where AdminNetworkPolicies (or ClusterNetworkPolicies) apply to the pods' egress, the whole
 * answer is asked toward the DNS pods the workspace holds (an Admin Allow reaches DNS whatever
 * NetworkPolicy says); with only assumed DNS pods there, nothing is judged.
 *
 * Only the pods' egress side is judged (DNS pods' own ingress is the cluster's business). An
 * ipBlock peer open on port 53 counts as a way to DNS: whether ipBlocks match pod IPs after the
 * Service's address translation depends on the network plugin, so it is not called a mistake.
 *
 * A policy selecting every pod of its namespace (`podSelector: {}`) isolates egress for whatever
 * pods the namespace will hold, so it is judged even when the workspace holds none of them (a
 * folder of policies, the commonest place for this mistake): then DNS counts as allowed when any
 * policy of the namespace allows it, for some pods or all — which pods exist is not known. (With
 * `workspaceIsWholeCluster`, a namespace without workloads in the workspace has no pods.)
 * Host-network pods are left out: NetworkPolicy does not isolate them (policy-selects-host-network).
 */
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { explainPair } from '../engine/explain';
import { isEmptySelector, selectorMatches } from '../engine/labelSelector';
import type { AllowedPiece } from '../engine/network';
import { rulesOf } from '../engine/policyTypes';
import { PortSet } from '../engine/portSet';
import { resolvePorts } from '../engine/portSpec';
import { NAMESPACE_NAME_LABEL, type NamedPort, type Protocol } from '../engine/types';
import { ClusterKnowledge } from './crossFile/clusterKnowledge';
import { listWorkloads } from './crossFile/describe';
import { addDnsRuleEdit } from './crossFile/dnsEgressRule';
import { directionSpan, specOf } from './crossFile/policySource';
import { policyRule } from './crossFile/workspaceFindings';
import type { Finding, FixData } from './types';

const DNS_LABELS = { 'k8s-app': 'kube-dns' };
const DNS_NAMESPACE = 'kube-system';
/** CoreDNS's container ports as the kube-dns Deployment declares them. */
const ASSUMED_DNS_PORTS: readonly NamedPort[] = [
  { name: 'dns', port: 53, protocol: 'UDP' },
  { name: 'dns-tcp', port: 53, protocol: 'TCP' },
  { name: 'metrics', port: 9153, protocol: 'TCP' },
];
const PROTOCOLS: readonly Protocol[] = ['UDP', 'TCP'];

interface DnsReach {
  readonly known: ClusterKnowledge;
  /** The DNS protocols the workload cannot reach; undefined when there is no cluster DNS to reach. */
  missingFor(workload: number): Protocol[] | undefined;
  /** The same for pods of a namespace the workspace does not show, isolated by its policies. */
  missingIn(namespace: string): Protocol[] | undefined;
}

export const egressBlocksDnsRule = policyRule(
  'egress-blocks-dns',
  (analysis): DnsReach => {
    const net = analysis.network;
    const targets = [...net.podsMatching({ matchLabels: DNS_LABELS })];
    const assumed = analysis.settings.assumeClusterDns && !targets.some((t) => net.workloads[t]?.namespace === DNS_NAMESPACE);
    const missingByWorkload = new Map<number, Protocol[]>();
    // Pieces are shared by every pod their policy selects: each is judged once per protocol.
    const judged = new Map<AllowedPiece, Partial<Record<Protocol, boolean>>>();
    const reaches = (piece: AllowedPiece, p: Protocol): boolean => {
      let entry = judged.get(piece);
      if (!entry) judged.set(piece, (entry = {}));
      return (entry[p] ??= reachesDns(analysis, piece, p, targets, assumed));
    };
    const missingOf = (pieces: readonly AllowedPiece[]): Protocol[] => PROTOCOLS.filter((p) => !pieces.some((piece) => reaches(piece, p)));
    return {
      known: new ClusterKnowledge(analysis),
      missingFor(w) {
        if (targets.length === 0 && !assumed) return undefined;
        let missing = missingByWorkload.get(w);
        if (!missing) {
          // Cluster-wide tiers decide before (or instead of) NetworkPolicy: ask the whole answer, toward the DNS pods the workspace holds.
          if (net.tiered(w, 'egress').policies.length > 0) missing = assumed ? [] : PROTOCOLS.filter((p) => !targets.some((t) => dnsReachableThroughTiers(analysis, w, t, p)));
          else missing = missingOf(net.allowed(w, 'egress').pieces);
          missingByWorkload.set(w, missing);
        }
        return missing;
      },
      missingIn(namespace) {
        if (targets.length === 0 && !assumed) return undefined;
        // An AdminNetworkPolicy whose subject may take in the namespace's pods may decide their DNS: not judged.
        const labels = net.namespaceLabelsOf(namespace);
        const tiered = net.cluster.policies.some((c) => c.egress.length > 0 && selectorMatches(c.subject.namespaces ?? c.subject.pods?.namespaceSelector, labels));
        if (tiered) return [];
        const policies = analysis.policies().filter((p) => p.policy.namespace === namespace);
        return missingOf(policies.flatMap((p) => net.piecesOf(p.index, 'egress')));
      },
    };
  },
  (policy, reach, analysis): Finding[] => {
    if (!analysis.network.governs(policy.index, 'egress')) return [];
    const selected = analysis.selectedWorkloads(policy);
    let pods: string;
    let missing: Protocol[];
    if (selected.length === 0) {
      // No pod of the namespace in the workspace, which does not show them all: judge the
      // namespace's pods, whatever they are (with workspaceIsWholeCluster it has none).
      const { namespace, podSelector } = policy.policy;
      if (!isEmptySelector(podSelector) || reach.known.workloadsKnown(namespace, namespace)) return [];
      missing = reach.missingIn(policy.policy.namespace) ?? [];
      pods = `every pod of namespace ${policy.policy.namespace}`;
    } else {
      const blocked = selected.filter((w) => !w.workload.hostNetwork && (reach.missingFor(w.index) ?? []).length > 0);
      missing = PROTOCOLS.filter((p) => blocked.some((w) => (reach.missingFor(w.index) ?? []).includes(p)));
      pods = listWorkloads(blocked);
    }
    if (missing.length === 0) return [];
    const spec = specOf(policy);
    const text = analysis.manifests.getFile(policy.source.uri)?.text;
    const edit = spec && text !== undefined ? addDnsRuleEdit(text, spec, policy.source.node) : undefined;
    const fixes: FixData[] = edit ? [{ title: 'Allow egress to cluster DNS (UDP and TCP 53)', edits: [edit], preferred: true }] : [];
    return [{ ruleId: 'egress-blocks-dns', message: message(pods, missing), ...directionSpan(policy, 'egress'), fixes }];
  },
);

function message(pods: string, missing: readonly Protocol[]): string {
  const dns = `cluster DNS (${Object.entries(DNS_LABELS).map(([k, v]) => `${k}=${v}`).join()} in ${DNS_NAMESPACE})`;
  if (missing.length === 2) return `Egress is isolated for ${pods}, and no rule allows ${dns} on UDP 53 or TCP 53: name lookups fail.`;
  if (missing[0] === 'TCP') return `${pods} can reach ${dns} on UDP 53 but not TCP 53: lookups whose answers are truncated fail.`;
  return `${pods} can reach ${dns} on TCP 53 but not UDP 53: most name lookups fail.`;
}

/**
 * The ports a DNS pod serves on: its container ports named `dns…` or numbered 53 (a Service maps
 * its port 53 to them), else 53 when it declares none.
 */
function dnsPortsOf(ports: readonly NamedPort[], protocol: Protocol): number[] {
  const declared = ports.filter((p) => p.protocol === protocol && (p.name.startsWith('dns') || p.port === 53)).map((p) => p.port);
  return declared.length > 0 ? declared : [53];
}

/** Whether `w`'s egress, all tiers considered, allows a DNS port of `protocol` on the DNS pod `t`. */
function dnsReachableThroughTiers(analysis: WorkspaceAnalysis, w: number, t: number, protocol: Protocol): boolean {
  const ports = analysis.network.workloads[t]?.namedPorts ?? [];
  return dnsPortsOf(ports, protocol).some((port) => explainPair(analysis.network, { workload: w }, { workload: t }, PortSet.range(protocol, port, port)).egress?.ports.has(protocol, port) === true);
}

/** Whether one allowed piece reaches some cluster DNS pod on port 53 of `protocol`. */
function reachesDns(analysis: WorkspaceAnalysis, piece: AllowedPiece, protocol: Protocol, targets: readonly number[], assumed: boolean): boolean {
  const net = analysis.network;
  for (const t of targets) {
    if (!piece.workloads.has(t)) continue;
    const ports = net.workloads[t]?.namedPorts ?? [];
    const allowed = resolvePorts(piece.ports, ports);
    if (dnsPortsOf(ports, protocol).some((port) => allowed.has(protocol, port))) return true;
  }
  const { policy: policyId, ruleIndex, peerIndex } = piece.rule;
  const policy = analysis.policyById(policyId)?.policy;
  if (!policy) return false;
  if (peerIndex === undefined) return assumed && resolvePorts(piece.ports, ASSUMED_DNS_PORTS).has(protocol, 53);
  const peer = rulesOf(policy, 'egress')[ruleIndex]?.peers?.[peerIndex];
  if (!peer) return false;
  if (peer.ipBlock) return !piece.addresses.isEmpty() && resolvePorts(piece.ports, undefined).has(protocol, 53);
  if (!assumed) return false;
  const nsLabels = { ...net.namespaceLabelsOf(DNS_NAMESPACE), [NAMESPACE_NAME_LABEL]: DNS_NAMESPACE };
  const inNamespace = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, nsLabels) : policy.namespace === DNS_NAMESPACE;
  return inNamespace && selectorMatches(peer.podSelector, DNS_LABELS) && resolvePorts(piece.ports, ASSUMED_DNS_PORTS).has(protocol, 53);
}
