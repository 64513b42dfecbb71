/**
 * CodeLenses: over each NetworkPolicy "selects N workloads · ingress: … · egress: …", over each
 * AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy "Admin tier, priority
 * 10 · applies to N workloads · ingress: 1 deny …", over each workload "ingress from K · egress
 * to M" (or "not isolated"). Each lens carries the locations a click shows: the selected (subject)
 * workloads, or the policies selecting the workload.
 */
import type { ClusterPolicyInfo, PolicyInfo, WorkloadInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { actionName, type ClusterRule } from '../engine/clusterPolicyTypes';
import { AddressSet } from '../engine/addressSet';
import type { DirectionAnswer } from '../engine/network';
import { rulesOf } from '../engine/policyTypes';
import type { Direction } from '../engine/types';
import { WorkloadSet } from '../engine/workloadSet';
import type { FileModel } from '../model/fileModel';
import { definitionOf, plural, type OffsetLocation } from './markdown';
import { policyRejection } from './policyRejection';

export interface LensData {
  /** File offsets of the line the lens sits above (the object's first line). */
  readonly start: number;
  readonly end: number;
  readonly title: string;
  /** What clicking the lens shows. */
  readonly targets: readonly OffsetLocation[];
}

export function codeLenses(analysis: WorkspaceAnalysis, file: FileModel): LensData[] {
  const out: LensData[] = [];
  const seen = new Set<WorkloadInfo>();
  for (const object of file.objects) {
    const cluster = analysis.clusterPolicyOf(object);
    if (cluster) {
      out.push({ start: object.start, end: object.start, title: clusterPolicyLensTitle(analysis, cluster), targets: analysis.subjectWorkloads(cluster).flatMap(definitions) });
      continue;
    }
    const policy = analysis.policyOf(object);
    if (policy) {
      out.push({ start: object.start, end: object.start, title: policyLensTitle(analysis, policy), targets: analysis.selectedWorkloads(policy).flatMap(definitions) });
      continue;
    }
    // Several Pods of one owner: one lens, over the first of them in this file. An operator's
    // custom resource: one lens per workload it makes.
    const workloads = analysis.workloadsOf(object);
    for (const workload of workloads) {
      if (seen.has(workload)) continue;
      seen.add(workload);
      const title = workloadLensTitle(analysis, workload);
      out.push({
        start: object.start,
        end: object.start,
        title: workloads.length > 1 ? `${workload.workload.name}: ${title}` : title,
        targets: [
          ...analysis.policiesSelecting(workload).map((p) => definitionOf(p.source)),
          ...analysis.clusterPoliciesSelecting(workload).map((p) => definitionOf(p.source)),
        ],
      });
    }
  }
  return out;
}

function definitions(w: WorkloadInfo): OffsetLocation[] {
  const source = w.sources[0];
  return source ? [definitionOf(source)] : [];
}

/** `selects 3 workloads · ingress: deny all · egress: 2 peers`; a policy the API server rejects says so first. */
export function policyLensTitle(analysis: WorkspaceAnalysis, policy: PolicyInfo): string {
  const n = analysis.selectedWorkloads(policy).length;
  const parts = [n === 0 ? 'selects no workload' : `selects ${plural(n, 'workload')}`];
  for (const direction of ['ingress', 'egress'] as const) parts.push(`${direction}: ${policyDirectionText(analysis, policy, direction)}`);
  const text = parts.join(' · ');
  return policyRejection(analysis, policy) ? `⚠ rejected by the API server, never in force · as written: ${text}` : text;
}

function policyDirectionText(analysis: WorkspaceAnalysis, policy: PolicyInfo, direction: Direction): string {
  if (!analysis.network.governs(policy.index, direction)) return 'not restricted';
  if (rulesOf(policy.policy, direction).length === 0) return 'deny all';
  const pieces = analysis.network.piecesOf(policy.index, direction);
  if (pieces.some((p) => p.rule.peerIndex === undefined && p.ports.all)) return 'allow all';
  const anyone = pieces.filter((p) => p.rule.peerIndex === undefined).length;
  const peers = pieces.length - anyone;
  const parts = [...(peers > 0 ? [plural(peers, 'peer')] : []), ...(anyone > 0 ? [`any ${direction === 'ingress' ? 'source' : 'destination'} on some ports`] : [])];
  return parts.join(' + ');
}

/** `Admin tier, priority 10 · applies to 3 workloads · ingress: 1 deny, 1 pass · egress: no rules`. */
export function clusterPolicyLensTitle(analysis: WorkspaceAnalysis, info: ClusterPolicyInfo): string {
  const p = info.policy;
  const n = analysis.subjectWorkloads(info).length;
  const tier = `${p.tier === 'admin' ? 'Admin' : 'Baseline'} tier${p.priority === undefined ? '' : `, priority ${p.priority}`}`;
  const rules = (list: readonly ClusterRule[]): string => {
    if (list.length === 0) return 'no rules';
    const counts = new Map<string, number>();
    for (const r of list) {
      const name = r.action ? actionName(p.kind, r.action).toLowerCase() : 'invalid';
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts].map(([action, count]) => `${count} ${action}`).join(', ');
  };
  return `${tier} · ${n === 0 ? 'applies to no workload' : `applies to ${plural(n, 'workload')}`} · ingress: ${rules(p.ingress)} · egress: ${rules(p.egress)}`;
}

/** `ingress from 3 workloads · egress to 1 workload + 2 address ranges`, or `not isolated`. */
export function workloadLensTitle(analysis: WorkspaceAnalysis, workload: WorkloadInfo): string {
  const ingress = analysis.allowed(workload, 'ingress');
  const egress = analysis.allowed(workload, 'egress');
  const tiered = (d: Direction): boolean => analysis.tiered(workload, d).policies.length > 0;
  if (!ingress.isolated && !egress.isolated && !tiered('ingress') && !tiered('egress')) return 'not isolated';
  const text = (a: DirectionAnswer): string => (tiered(a.direction) ? tieredReachText(analysis, workload, a.direction) : reachText(analysis, workload, a));
  return `${text(ingress)} · ${text(egress)}`;
}

/** What the connectivity answer (all tiers) allows in a direction: `ingress from 3 workloads + any address (cluster-wide policies apply)`. */
function tieredReachText(analysis: WorkspaceAnalysis, workload: WorkloadInfo, d: Direction): string {
  const matrix = analysis.connectivity();
  let n = 0;
  for (const other of analysis.workloads()) {
    if (other === workload) continue;
    if (d === 'ingress' ? matrix.ports(other.index, workload.index) : matrix.ports(workload.index, other.index)) n++;
  }
  const ranges = d === 'ingress' ? matrix.fromAddresses(workload.index) : matrix.toAddresses(workload.index);
  let addresses = AddressSet.empty();
  for (const r of ranges) addresses = addresses.union(AddressSet.range(r.range.family, r.range.from, r.range.to));
  const parts = [plural(n, 'workload')];
  if (addresses.equals(AddressSet.all())) parts.push('any address');
  else if (!addresses.isEmpty()) parts.push(plural(addresses.ranges().length, 'address range'));
  return `${d} ${d === 'ingress' ? 'from' : 'to'} ${parts.join(' + ')} (cluster-wide policies apply)`;
}

function reachText(analysis: WorkspaceAnalysis, workload: WorkloadInfo, answer: DirectionAnswer): string {
  const d = answer.direction;
  if (!answer.isolated) return `${d}: not isolated`;
  if (answer.pieces.length === 0) return `${d}: deny all`;
  let workloads = WorkloadSet.empty(analysis.workloads().length);
  let addresses = AddressSet.empty();
  for (const p of answer.pieces) {
    workloads = workloads.union(p.workloads);
    addresses = addresses.union(p.addresses);
  }
  // Other workloads: a workload's pods talking among themselves are not counted.
  const n = workloads.subtract(WorkloadSet.of(workloads.size, [workload.index])).count();
  const parts = [plural(n, 'workload')];
  if (addresses.equals(AddressSet.all())) parts.push('any address');
  else if (!addresses.isEmpty()) parts.push(plural(addresses.ranges().length, 'address range'));
  return `${d} ${d === 'ingress' ? 'from' : 'to'} ${parts.join(' + ')}`;
}
