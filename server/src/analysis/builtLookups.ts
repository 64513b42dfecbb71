/**
 * The analysis's lookups by manifest and by policy id, answered from the join itself rather than
 * from maps over the whole workspace: a manifest's workloads and policies sit in its file's part
 * of the joined arrays (`Joined.offsets`, by the file's position), so a lookup scans that part —
 * a few items — and an edit builds nothing. A workload merged from Pods in several files sits in
 * the part of the file of its first Pod; the join lists those files per manifest
 * (`foreignWorkloads`). Policies by id go through the join's overlay of unique ids.
 */
import type { Policy } from '../engine/types';
import type { K8sObject } from '../model/k8sObject';
import type { Sourced } from './fileExtraction';
import type { Joined } from './buildWorkspace';
import type { PolicyInfo, WorkloadInfo } from './workspaceAnalysis';

const NONE: readonly WorkloadInfo[] = [];

export class BuiltLookups {
  constructor(
    private readonly joined: Joined,
    /** Index for index with `joined.workloads`. */
    private readonly workloads: readonly WorkloadInfo[],
    /** Index for index with `joined.policies`. */
    private readonly policies: readonly PolicyInfo[],
  ) {}

  /** The workloads a manifest defines or belongs to, in workload order. */
  workloadsOf(obj: K8sObject): readonly WorkloadInfo[] {
    const own = this.joined.positionOf.get(obj.uri);
    const foreign = this.joined.foreignWorkloads.get(obj) ?? [];
    let out: WorkloadInfo[] | undefined;
    for (const position of own === undefined ? foreign : [...foreign, own]) {
      const [from, to] = this.range(this.joined.offsets.workloads, position);
      for (let i = from; i < to; i++) {
        const info = this.workloads[i];
        if (info && this.joined.workloads[i]?.sources.includes(obj)) (out ??= []).push(info);
      }
    }
    return out ?? NONE;
  }

  /** The NetworkPolicy a manifest is. */
  policyOf(obj: K8sObject): PolicyInfo | undefined {
    const position = this.joined.positionOf.get(obj.uri);
    if (position === undefined) return undefined;
    const [from, to] = this.range(this.joined.offsets.policies, position);
    for (let i = from; i < to; i++) if (this.joined.policies[i]?.source === obj) return this.policies[i];
    return undefined;
  }

  /** The NetworkPolicies of a file, in order. */
  policiesOfFile(uri: string): readonly PolicyInfo[] {
    const position = this.joined.positionOf.get(uri);
    if (position === undefined) return [];
    const [from, to] = this.range(this.joined.offsets.policies, position);
    return this.policies.slice(from, to);
  }

  /** The policy with this unique id (`ns/name`, `ns/name#2`). */
  policyById(id: string): PolicyInfo | undefined {
    const item = this.joined.policyIds.get(id);
    return item && this.policies[this.indexOf(item)];
  }

  /** Where a joined policy stands: in its file's part (else anywhere: -1 when absent). */
  private indexOf(item: Sourced<Policy>): number {
    const position = this.joined.positionOf.get(item.source.uri);
    if (position !== undefined) {
      const [from, to] = this.range(this.joined.offsets.policies, position);
      for (let i = from; i < to; i++) if (this.joined.policies[i] === item) return i;
    }
    return this.joined.policies.indexOf(item);
  }

  private range(offsets: Int32Array, position: number): [number, number] {
    return [offsets[position] ?? 0, offsets[position + 1] ?? 0];
  }
}
