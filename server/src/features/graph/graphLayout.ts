/**
 * Where each node, namespace box and edge of a connectivity graph goes, computed by dagre
 * (`@dagrejs/dagre`, layered layout with compound nodes for the namespaces). The only file that
 * imports it. Text is measured by character count in a monospace font (the SVG draws its labels
 * in one), so the layout is the same wherever it runs: no fonts or DOM are needed.
 */
import dagreModule from '@dagrejs/dagre';
import type { ConnectivityGraph, GraphEdge, GraphNode } from './graphModel';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  /** Top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LaidOutGraph {
  readonly graph: ConnectivityGraph;
  readonly width: number;
  readonly height: number;
  /** Height of the band above the drawing for the title (0 without one). */
  readonly titleHeight: number;
  readonly clusters: readonly { readonly namespace: string; readonly box: Box }[];
  /** The box around the external addresses, if there are any. */
  readonly external: Box | undefined;
  readonly nodes: readonly { readonly node: GraphNode; readonly box: Box; readonly label: string; readonly sublabel: string }[];
  readonly edges: readonly { readonly edge: GraphEdge; readonly points: readonly Point[]; readonly labelBox: Box; readonly label: string }[];
}

/** Font sizes (px) the SVG draws with, and the advance of one monospace character at each. */
export const NODE_FONT = 12;
export const SMALL_FONT = 11;
const CHAR = 0.6;
/** Longer names and connection lists are cut with `…` in the picture (the title has them whole). */
const MAX_NODE_CHARS = 44;
const MAX_EDGE_CHARS = 34;
const NODE_HEIGHT = 36;
const LABEL_HEIGHT = 16;
const PAD = 10;
export const TITLE_HEIGHT = 26;
export const LEGEND_HEIGHT = 28;

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * CHAR);
}

/**
 * The part of dagre's API used here. Its own declarations import their siblings without file
 * extensions, which NodeNext resolution (ours) cannot follow: every type in them reads as `any`.
 */
interface DagreGraph<N, E> {
  setGraph(label: Record<string, unknown>): void;
  setNode(id: string, label: N): void;
  setParent(id: string, parent: string): void;
  setEdge(v: string, w: string, label: E): void;
  node(id: string): N;
  edge(v: string, w: string): E;
  graph(): { width?: number; height?: number };
}
interface DagreApi {
  graphlib: { Graph: new <N, E>(options: { compound: boolean }) => DagreGraph<N, E> };
  layout(g: DagreGraph<NodeData, EdgeData>): void;
}
interface NodeData {
  width: number;
  height: number;
  x?: number;
  y?: number;
}
interface EdgeData extends NodeData {
  labelpos: 'c';
  points?: Point[];
}
const dagre = dagreModule as unknown as DagreApi;

const CLUSTER_PREFIX = 'namespace\u0000';
const EXTERNAL_CLUSTER = 'external\u0000';

/** What the drawing says when there is nothing to draw. */
export function emptyText(graph: ConnectivityGraph): string {
  return graph.diff ? 'No change in allowed connections' : 'No workload and no connection';
}

export function layoutGraph(graph: ConnectivityGraph): LaidOutGraph {
  if (graph.nodes.length === 0) {
    const titleHeight = graph.title === '' ? 0 : TITLE_HEIGHT;
    const width = Math.max(textWidth(graph.title, NODE_FONT), textWidth(emptyText(graph), NODE_FONT)) + 24;
    return { graph, width, height: titleHeight + 32, titleHeight, clusters: [], external: undefined, nodes: [], edges: [] };
  }
  const g = new dagre.graphlib.Graph<NodeData, EdgeData>({ compound: true });
  // Left to right: connections read like sentences, and 10–40 workloads grow the picture downwards
  // (it scrolls) rather than sideways. dagre leaves about half of nodesep above a namespace's first
  // workload: 30 leaves room for the namespace's name there.
  g.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 56, edgesep: 12, marginx: 12, marginy: 12 });
  const nodeText = new Map<string, { label: string; sublabel: string }>();
  for (const c of graph.clusters) g.setNode(CLUSTER_PREFIX + c.namespace, { width: 0, height: 0 });
  const hasExternal = graph.nodes.some((n) => n.namespace === undefined);
  if (hasExternal) g.setNode(EXTERNAL_CLUSTER, { width: 0, height: 0 });
  for (const n of graph.nodes) {
    const label = shorten(n.label, MAX_NODE_CHARS);
    const sublabel = shorten(n.sublabel, MAX_NODE_CHARS);
    nodeText.set(n.id, { label, sublabel });
    g.setNode(n.id, { width: Math.max(textWidth(label, NODE_FONT), textWidth(sublabel, SMALL_FONT)) + 2 * PAD, height: NODE_HEIGHT });
    // External addresses in a box of their own: dagre then keeps them together beside the
    // namespaces instead of between them, where edges to them would cross workloads.
    g.setParent(n.id, n.namespace === undefined ? EXTERNAL_CLUSTER : CLUSTER_PREFIX + n.namespace);
  }
  const edgeText = graph.edges.map((e) => shorten(e.label, MAX_EDGE_CHARS));
  // One edge per ordered pair: the listing has one entry per pair, and merged two-way edges replace both.
  graph.edges.forEach((e, i) => {
    g.setEdge(e.from, e.to, { width: textWidth(edgeText[i] ?? '', SMALL_FONT) + 8, height: LABEL_HEIGHT, labelpos: 'c' });
  });
  dagre.layout(g);

  const titleHeight = graph.title === '' ? 0 : TITLE_HEIGHT;
  const shift = (p: Point): Point => ({ x: p.x, y: p.y + titleHeight });
  const centred = (v: { x?: number; y?: number; width: number; height: number }): Box => ({
    x: (v.x ?? 0) - v.width / 2,
    y: (v.y ?? 0) - v.height / 2 + titleHeight,
    width: v.width,
    height: v.height,
  });
  const clusters = graph.clusters.map((c) => {
    return { namespace: c.namespace, box: centred(g.node(CLUSTER_PREFIX + c.namespace)) };
  });
  const nodes = graph.nodes.map((n) => ({ node: n, box: centred(g.node(n.id)), ...(nodeText.get(n.id) ?? { label: n.label, sublabel: n.sublabel }) }));
  const edges = graph.edges.map((e, i) => {
    const data = g.edge(e.from, e.to);
    return { edge: e, points: (data.points ?? []).map(shift), labelBox: centred(data), label: edgeText[i] ?? '' };
  });
  const size = g.graph();
  const titleWidth = graph.title === '' ? 0 : textWidth(graph.title, NODE_FONT) + 24;
  const legendWidth = graph.diff ? 420 : 0;
  return {
    graph,
    width: Math.ceil(Math.max(size.width ?? 0, titleWidth, legendWidth)),
    height: Math.ceil((size.height ?? 0) + titleHeight + (graph.diff ? LEGEND_HEIGHT : 0)),
    titleHeight,
    clusters,
    external: hasExternal ? centred(g.node(EXTERNAL_CLUSTER)) : undefined,
    nodes,
    edges,
  };
}
