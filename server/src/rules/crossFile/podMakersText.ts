/**
 * What may make pods the workspace does not show, in the namespaces a selector looks at: custom
 * resources the operator catalogue does not know (their controllers may), and workloads whose
 * service account may create pods there (`analysis/podMakers.ts`). "Selects nothing" there is a
 * guess, told as a hint that names them.
 */
import type { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import { listOf } from './describe';

/**
 * `the operator of Widget/w`, `ns/manager[Deployment] (service account ns/manager, which Role ns/manager lets create pods)`
 * or both joined by "or": who may make pods in the namespaces; undefined when nothing may.
 */
export function podMakersText(analysis: WorkspaceAnalysis, namespaces: readonly string[]): string | undefined {
  const names = namespaces.flatMap((ns) => analysis.unknownResourcesIn(ns).map((r) => (r.value.name ? `${r.value.kind}/${r.value.name}` : r.value.kind)));
  // One phrase per service account and role: the workloads running as it.
  const byGrant = new Map<string, Set<string>>();
  for (const ns of namespaces) {
    for (const m of analysis.podMakersIn(ns)) {
      const grant = `service account ${m.grant.serviceAccount.namespace}/${m.grant.serviceAccount.name}, which ${m.grant.role} lets create pods`;
      const ids = byGrant.get(grant) ?? new Set<string>();
      byGrant.set(grant, ids.add(m.workload.workload.id));
    }
  }
  const makers = [...byGrant].map(([grant, ids]) => `${listOf([...ids])} (${grant})`);
  const parts = [names.length > 0 ? `the operator of ${listOf([...new Set(names)])}` : '', makers.length > 0 ? listOf(makers) : ''].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' or by ') : undefined;
}
