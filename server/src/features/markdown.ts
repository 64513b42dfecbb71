/**
 * Markdown pieces shared by hovers and explanations: links to a manifest's definition
 * (`[ns/name](file:///…#L12)`, the fragment VS Code opens at that line), inline code that
 * survives backticks, lists cut to a readable length, and big numbers with separators.
 */
import type { PolicyInfo, WorkloadInfo } from '../analysis/workspaceAnalysis';
import type { ManifestSet } from '../model/manifestSet';
import type { K8sObject } from '../model/k8sObject';
import { getMap, getScalar } from '../model/yamlTree';
import { shown } from '../text/displayText';

/** A location as file offsets: the object's `metadata.name` value, else the object's start. */
export interface OffsetLocation {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

export function definitionOf(object: K8sObject): OffsetLocation {
  const name = getScalar(getMap(object.node, 'metadata'), 'name');
  return name ? { uri: object.uri, start: name.start, end: name.end } : { uri: object.uri, start: object.start, end: object.start };
}

/** Escape text for a markdown paragraph or link text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** Inline code, with a fence longer than any run of backticks inside; invisible characters escaped. */
export function code(raw: string): string {
  const text = shown(raw, Number.POSITIVE_INFINITY);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** `[text](uri#Lline)` pointing at an object's definition (1-based line, as VS Code reads it). */
export function objectLink(text: string, object: K8sObject, manifests: ManifestSet): string {
  const def = definitionOf(object);
  const file = manifests.getFile(def.uri);
  const line = file ? file.lineIndex.positionAt(def.start).line + 1 : 1;
  return `[${escapeMarkdown(text)}](${def.uri}#L${line})`;
}

export function policyLink(policy: PolicyInfo, manifests: ManifestSet): string {
  return objectLink(`${policy.policy.namespace}/${policy.policy.name}`, policy.source, manifests);
}

/** `ns/name` of a workload (the kind only when two workloads share a name). */
export function workloadLabel(workload: WorkloadInfo): string {
  return `${workload.workload.namespace}/${workload.workload.name}`;
}

export function workloadLink(workload: WorkloadInfo, manifests: ManifestSet): string {
  const source = workload.sources[0];
  return source ? objectLink(workloadLabel(workload), source, manifests) : code(workloadLabel(workload));
}

/** At most `max` items, then `and N more`. */
export function capList(items: readonly string[], max = 8): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** `1 policy` / `3 policies`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A (possibly huge) count with thousands separators: `16,777,216`. */
export function formatCount(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
