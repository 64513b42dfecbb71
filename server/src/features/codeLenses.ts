/**
 * CodeLenses: over each NetworkPolicy "selects N workloads · ingress: … · egress: …", over each
 * workload "ingress from K · egress to M" (or "not isolated"). Each lens carries the locations
 * a click shows: the selected workloads, or the policies selecting the workload.
 */
import type { PolicyInfo, WorkloadInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { AddressSet } from '../engine/addressSet';
import type { DirectionAnswer } from '../engine/network';
import { rulesOf } from '../engine/policyTypes';
import type { Direction } from '../engine/types';
import { WorkloadSet } from '../engine/workloadSet';
import type { FileModel } from '../model/fileModel';
import { definitionOf, plural, type OffsetLocation } from './markdown';

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
        targets: analysis.policiesSelecting(workload).map((p) => definitionOf(p.source)),
      });
    }
  }
  return out;
}

function definitions(w: WorkloadInfo): OffsetLocation[] {
  const source = w.sources[0];
  return source ? [definitionOf(source)] : [];
}

/** `selects 3 workloads · ingress: deny all · egress: 2 peers`. */
export function policyLensTitle(analysis: WorkspaceAnalysis, policy: PolicyInfo): string {
  const n = analysis.selectedWorkloads(policy).length;
  const parts = [n === 0 ? 'selects no workload' : `selects ${plural(n, 'workload')}`];
  for (const direction of ['ingress', 'egress'] as const) parts.push(`${direction}: ${policyDirectionText(analysis, policy, direction)}`);
  return parts.join(' · ');
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

/** `ingress from 3 workloads · egress to 1 workload + 2 address ranges`, or `not isolated`. */
export function workloadLensTitle(analysis: WorkspaceAnalysis, workload: WorkloadInfo): string {
  const ingress = analysis.allowed(workload, 'ingress');
  const egress = analysis.allowed(workload, 'egress');
  if (!ingress.isolated && !egress.isolated) return 'not isolated';
  return `${reachText(analysis, workload, ingress)} · ${reachText(analysis, workload, egress)}`;
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
