/**
 * Fewer edges for the same connections: when one workload reaches every workload of another
 * namespace with the same connections (a Prometheus scraping everything, an ingress controller
 * open to a whole namespace), the picture draws one edge to a node standing for "every workload"
 * of that namespace instead of one edge per workload. Only when it is exact: every workload of
 * the namespace the picture shows, at least MIN_MEMBERS of them, one label; the namespace of the
 * workload itself is left as it is (there it would be "every other workload").
 */
import type { DirectedEdge, GraphNode } from './graphModel';

const MIN_MEMBERS = 3;

export function hubId(namespace: string): string {
  return `${namespace}/*`;
}

export function withNamespaceHubs(nodes: readonly GraphNode[], edges: readonly DirectedEdge[]): { nodes: GraphNode[]; edges: DirectedEdge[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const members = new Map<string, Set<string>>();
  for (const n of byId.values()) {
    if (n.kind !== 'workload' || n.namespace === undefined) continue;
    const set = members.get(n.namespace) ?? new Set<string>();
    set.add(n.id);
    members.set(n.namespace, set);
  }
  const hubs = new Map<string, GraphNode>();
  const pass = (list: readonly DirectedEdge[], outward: boolean): DirectedEdge[] => {
    // Edges grouped by the fixed end, the far end's namespace and the label.
    const groups = new Map<string, DirectedEdge[]>();
    for (const e of list) {
      const fixed = byId.get(outward ? e.src : e.dst);
      const far = byId.get(outward ? e.dst : e.src);
      if (e.status !== 'allowed' || !fixed || far?.kind !== 'workload' || far.namespace === undefined || far.namespace === fixed.namespace) continue;
      const key = `${fixed.id}\u0000${far.namespace}\u0000${e.label}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const replaced = new Set<DirectedEdge>();
    const added: DirectedEdge[] = [];
    for (const group of groups.values()) {
      const first = group[0] as DirectedEdge;
      const namespace = byId.get(outward ? first.dst : first.src)?.namespace as string;
      const all = members.get(namespace) ?? new Set<string>();
      if (all.size < MIN_MEMBERS || group.length !== all.size) continue;
      const hub = hubs.get(namespace) ?? {
        id: hubId(namespace),
        kind: 'namespace' as const,
        label: 'every workload',
        sublabel: `${all.size} in ${namespace}`,
        namespace,
        status: 'same' as const,
        members: [...all].sort(),
      };
      hubs.set(namespace, hub);
      for (const e of group) replaced.add(e);
      const detail = `${first.detail} (each of the ${all.size} workloads of namespace ${namespace})`;
      added.push(outward ? { ...first, dst: hub.id, detail } : { ...first, src: hub.id, detail });
    }
    return [...list.filter((e) => !replaced.has(e)), ...added];
  };
  const result = pass(pass(edges, true), false);
  return { nodes: [...nodes, ...hubs.values()], edges: result };
}
