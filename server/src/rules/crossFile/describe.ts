/** Short texts for messages: lists of workloads, namespaces and selectors. */
import type { WorkloadInfo } from '../../analysis/workspaceAnalysis';
import type { LabelSelector } from '../../engine/types';

/** `shop/web[Deployment], shop/api[Deployment] and 3 more`. */
export function listWorkloads(workloads: readonly WorkloadInfo[], max = 3): string {
  return listOf(
    workloads.map((w) => w.workload.id),
    max,
  );
}

export function listOf(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** `app=web,tier in (a,b)` as kubectl prints selectors. */
export function selectorText(selector: LabelSelector | undefined): string {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const r of selector?.matchExpressions ?? []) {
    const values = (r.values ?? []).join(',');
    if (r.operator === 'In') parts.push(`${r.key} in (${values})`);
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${values})`);
    else if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
  }
  return parts.length > 0 ? parts.join(',') : '{}';
}
