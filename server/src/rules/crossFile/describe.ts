/** Short texts for messages: lists of workloads, namespaces and selectors. */
import type { WorkloadInfo } from '../../analysis/workspaceAnalysis';
import type { LabelSelector } from '../../engine/types';
import { joinCapped, labelText, listText, shown } from '../../text/displayText';

/** `shop/web[Deployment], shop/api[Deployment] and 3 more`. */
export function listWorkloads(workloads: readonly WorkloadInfo[], max = 3): string {
  return listOf(
    workloads.map((w) => w.workload.id),
    max,
  );
}

export function listOf(items: readonly string[], max = 3): string {
  return listText(items, max);
}

/** `app=web,tier in (a,b)` as kubectl prints selectors (long ones cut: `…,… (N more)`). */
export function selectorText(selector: LabelSelector | undefined): string {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => labelText(k, v));
  for (const r of selector?.matchExpressions ?? []) {
    const key = shown(r.key);
    const values = joinCapped((r.values ?? []).map((v) => shown(v)), ',', 5);
    if (r.operator === 'In') parts.push(`${key} in (${values})`);
    else if (r.operator === 'NotIn') parts.push(`${key} notin (${values})`);
    else if (r.operator === 'Exists') parts.push(key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${key}`);
  }
  return parts.length > 0 ? joinCapped(parts, ',', 6) : '{}';
}
