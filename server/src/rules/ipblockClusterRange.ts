import { cidrOverlaps, parseCidr, type Cidr } from '../engine/cidr';
import { parsedIpBlocks } from './policy/exceptEntries';
import type { Finding, Rule } from './types';

/**
 * `ipblock-cluster-range`: an ipBlock whose addresses (cidr minus except) reach into the cluster's
 * pod or service ranges (setting `clusterCidrs`; silent while it is empty). ipBlock is meant for
 * addresses outside the cluster: pod IPs change on every restart, and whether an ipBlock matches
 * pod traffic at all depends on the network plugin. A `/0` block ("anywhere") is not reported:
 * it names no range in particular.
 */
export const ipblockClusterRangeRule: Rule = {
  id: 'ipblock-cluster-range',
  scope: 'file',
  check({ file, settings }) {
    const clusterRanges = settings.clusterCidrs.flatMap((text) => {
      const r = parseCidr(text.trim());
      return r.ok ? [r.cidr] : [];
    });
    if (clusterRanges.length === 0) return [];
    const findings: Finding[] = [];
    for (const { block, cidr, entries } of parsedIpBlocks(file)) {
      if (cidr.prefix === 0 || !block.cidr) continue;
      const excepts = entries.map((e) => e.except);
      const hit = clusterRanges.find((range) => cidrOverlaps(cidr, range) && !covered(intersection(cidr, range), excepts));
      if (!hit) continue;
      findings.push({
        ruleId: 'ipblock-cluster-range',
        message:
          `ipBlock ${cidr.canonical} overlaps the cluster range ${hit.canonical} (setting netpolLens.clusterCidrs). ` +
          'ipBlock is meant for addresses outside the cluster: pod and service IPs change as pods restart, and whether ' +
          'an ipBlock matches pod traffic depends on the network plugin. Select the pods with podSelector/namespaceSelector instead, ' +
          `or add ${hit.canonical} to except.`,
        start: block.cidr.start,
        end: block.cidr.end,
      });
    }
    return findings;
  },
};

/** Two overlapping CIDRs nest: their intersection is the smaller one. */
function intersection(a: Cidr, b: Cidr): Cidr {
  return a.prefix >= b.prefix ? a : b;
}

/** Every address of `target` lies in one of `parts`. */
function covered(target: Cidr, parts: readonly Cidr[]): boolean {
  const sorted = parts.filter((p) => cidrOverlaps(p, target)).sort((x, y) => (x.network < y.network ? -1 : x.network > y.network ? 1 : 0));
  let next = target.network;
  for (const p of sorted) {
    if (p.network > next) return false;
    if (p.last >= next) next = p.last + 1n;
    if (next > target.last) return true;
  }
  return next > target.last;
}
