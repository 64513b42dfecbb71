/**
 * Custom resources the operator catalogue does not know, in the namespaces a selector looks at:
 * their controllers may make pods the workspace does not show, so "selects nothing" there is a
 * guess — told as a hint that names them.
 */
import type { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import { listOf } from './describe';

/** `Widget/w and Gadget/g`, for the unknown custom resources of the namespaces; undefined when none. */
export function unknownResourcesText(analysis: WorkspaceAnalysis, namespaces: readonly string[]): string | undefined {
  const names = namespaces.flatMap((ns) => analysis.unknownResourcesIn(ns).map((r) => (r.value.name ? `${r.value.kind}/${r.value.name}` : r.value.kind)));
  return names.length > 0 ? listOf([...new Set(names)]) : undefined;
}
