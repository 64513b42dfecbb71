/**
 * The picture of a connectivity listing or diff, before layout: namespaces as clusters of their
 * workloads, external address ranges as nodes of their own, one edge per connected pair labelled
 * with its connections. Pure data, shared by the SVG (CLI and webviews) and the diff's dot.
 *
 * Parallel edges are merged: a pair connected both ways with the same connections (and, in a
 * diff, the same change) is one edge with an arrow at each end.
 */

/** How an edge reads: a plain allowed connection, or a change of a diff. */
export type EdgeStatus = 'allowed' | 'added' | 'removed' | 'changed';

/** A workload's status in a diff: there on one side only. */
export type NodeStatus = 'same' | 'added' | 'removed';

export interface GraphNode {
  /** The listing's text of the end: `ns/name[Kind]` or `a.b.c.d-e.f.g.h[External]`. */
  readonly id: string;
  /** `namespace`: every workload of a namespace at once (namespaceHubs.ts). */
  readonly kind: 'workload' | 'external' | 'namespace';
  /** The workload's name, or the address range. */
  readonly label: string;
  /** The workload's kind, or `External`. */
  readonly sublabel: string;
  /** Undefined for external ranges. */
  readonly namespace: string | undefined;
  readonly status: NodeStatus;
  /** For a namespace node: the workloads it stands for. */
  readonly members?: readonly string[];
}

export interface GraphCluster {
  readonly namespace: string;
  /** Ids of its nodes, sorted. */
  readonly nodes: readonly string[];
}

export interface GraphEdge {
  /** Source and destination node ids (for a two-way edge: the first in sort order, then the other). */
  readonly from: string;
  readonly to: string;
  /** Connections both ways (one edge for two directions with the same label and status). */
  readonly both: boolean;
  readonly status: EdgeStatus;
  /** `TCP 80,443`, or for a change `TCP 80 → TCP 80,443`. */
  readonly label: string;
  /** What a screen reader and a tooltip say: `a → b: TCP 80` (or the change in words). */
  readonly title: string;
}

export interface ConnectivityGraph {
  /** Shown as the picture's heading (the view, the diff's labels); may be empty. */
  readonly title: string;
  readonly clusters: readonly GraphCluster[];
  /** Sorted by id: clusters' workloads and external ranges alike. */
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** A diff: the picture carries a legend of the change colours. */
  readonly diff: boolean;
}

/** One directed connection to draw. */
export interface DirectedEdge {
  readonly src: string;
  readonly dst: string;
  readonly status: EdgeStatus;
  readonly label: string;
  /** What the connection is, after `src → dst: ` in the title. */
  readonly detail: string;
}

const WORKLOAD_ID = /^([^/]*)\/(.*)\[([^\]]*)\]$/;

/** A node for a workload of the listing (`ns/name[Kind]`). */
export function workloadNode(text: string, status: NodeStatus = 'same'): GraphNode {
  const m = WORKLOAD_ID.exec(text);
  return { id: text, kind: 'workload', label: m?.[2] ?? text, sublabel: m?.[3] ?? '', namespace: m?.[1] ?? '', status };
}

/**
 * The graph of these nodes and connections. Nodes are deduplicated by id (an added or removed
 * status wins over `same`); edges of the same pair, reversed, with the same label and status, are
 * merged into one two-way edge.
 */
export function buildGraph(title: string, nodes: Iterable<GraphNode>, edges: readonly DirectedEdge[], diff: boolean): ConnectivityGraph {
  const byId = new Map<string, GraphNode>();
  for (const n of nodes) {
    const known = byId.get(n.id);
    if (!known || known.status === 'same') byId.set(n.id, n);
  }
  const sortedNodes = [...byId.values()].sort((a, b) => compare(a.id, b.id));
  const byNamespace = new Map<string, string[]>();
  for (const n of sortedNodes) {
    if (n.namespace === undefined) continue;
    byNamespace.set(n.namespace, [...(byNamespace.get(n.namespace) ?? []), n.id]);
  }
  const clusters = [...byNamespace.keys()].sort(compare).map((namespace) => ({ namespace, nodes: byNamespace.get(namespace) ?? [] }));
  return { title, clusters, nodes: sortedNodes, edges: mergeEdges(edges), diff };
}

/** Pairs `a → b` and `b → a` with one label and status become one two-way edge. */
export function mergeEdges(edges: readonly DirectedEdge[]): GraphEdge[] {
  const key = (src: string, dst: string, e: DirectedEdge): string => `${src}\u0000${dst}\u0000${e.status}\u0000${e.label}`;
  const pending = new Map<string, DirectedEdge>();
  for (const e of edges) pending.set(key(e.src, e.dst, e), e);
  const out: GraphEdge[] = [];
  for (const e of edges) {
    if (!pending.has(key(e.src, e.dst, e))) continue;
    pending.delete(key(e.src, e.dst, e));
    const back = pending.get(key(e.dst, e.src, e));
    if (back && e.src !== e.dst) {
      pending.delete(key(e.dst, e.src, e));
      const [from, to] = compare(e.src, e.dst) <= 0 ? [e.src, e.dst] : [e.dst, e.src];
      out.push({ from, to, both: true, status: e.status, label: e.label, title: `${from} ⇄ ${to}: ${e.detail}, both ways` });
    } else {
      out.push({ from: e.src, to: e.dst, both: false, status: e.status, label: e.label, title: `${e.src} → ${e.dst}: ${e.detail}` });
    }
  }
  return out.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
