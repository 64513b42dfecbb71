/**
 * What a connectivity listing cannot show and must say beside it: cluster-wide peers it does not
 * judge (`nodes`, `domainNames`), and policies of one tier and priority that both match a listed
 * connection (undefined order upstream: the listing applies them in name order). One line each,
 * for the CLI to print as warnings.
 */
import { formatRange } from './addressSet';
import { clusterPolicyLabel } from './clusterPolicyTypes';
import type { Network } from './network';
import { analyseTiers } from './tierAnalysis';

export function listingNotes(net: Network): string[] {
  const out: string[] = [];
  const { cluster } = net;
  if (cluster.isEmpty) return out;
  const seen = new Set<string>();
  cluster.policies.forEach((policy, pi) => {
    for (const direction of ['ingress', 'egress'] as const) {
      for (const piece of cluster.piecesOf(pi, direction)) {
        if (!piece.unjudged) continue;
        const key = `${policy.id}|${direction}|${piece.rule.ruleIndex}|${piece.unjudged}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const what =
          piece.unjudged === 'nodes'
            ? 'a `nodes` peer (node IPs are not in manifests): connections to nodes are not listed'
            : 'a `domainNames` peer (what a name resolves to is not in manifests): connections to those names are not listed';
        out.push(`${clusterPolicyLabel(policy)} ${direction}[${piece.rule.ruleIndex}] has ${what}, and the rule is judged on its other peers only`);
      }
    }
  });
  if (!hasTies(net)) return out;
  for (const o of analyseTiers(net).overlaps) {
    const [a, b] = o.policies.map((id) => cluster.policies[cluster.policyById(id) ?? -1]);
    if (!a || !b) continue;
    const self = net.workloads[o.workload]?.id ?? '';
    const peer = 'workload' in o.peer ? (net.workloads[o.peer.workload]?.id ?? '') : formatRange({ family: o.peer.family, from: o.peer.from, to: o.peer.to });
    const [src, dst] = o.direction === 'ingress' ? [peer, self] : [self, peer];
    out.push(
      `${clusterPolicyLabel(a)} and ${clusterPolicyLabel(b)} have the same priority ${a.priority ?? ''} and both match ${src} => ${dst} on ${o.ports.toString()}: ` +
        `which applies is undefined upstream; this listing applies ${(a.name <= b.name ? a : b).name} first (name order)`,
    );
  }
  return out;
}

function hasTies(net: Network): boolean {
  const keys = new Set<string>();
  for (const p of net.cluster.policies) {
    if (p.priority === undefined) continue;
    const key = `${p.tier}:${p.priority}`;
    if (keys.has(key)) return true;
    keys.add(key);
  }
  return false;
}
