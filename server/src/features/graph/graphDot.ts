/**
 * A connectivity graph as Graphviz dot, for the diff (`netpol-lens diff --format dot`): the same
 * picture as the SVG — namespaces as clusters, external addresses apart, added connections green,
 * removed red and dashed, changed amber, workloads that exist on one side only outlined in the
 * colour of their change — with a legend cluster. (`connectivity --format dot` keeps
 * netpol-analyzer's own dot, listingFormats.ts.)
 */
import type { ConnectivityGraph, EdgeStatus, GraphNode } from './graphModel';

export const DIFF_COLOURS: Record<EdgeStatus, string> = { allowed: '#59636e', added: '#1a7f37', removed: '#cf222e', changed: '#bf8700' };

const q = (s: string): string => JSON.stringify(s);

function nodeLine(n: GraphNode, indent: string): string {
  const label = n.kind === 'workload' ? `${n.label}[${n.sublabel}]` : n.kind === 'namespace' ? `${n.label} (${n.sublabel})` : n.label;
  const colour = n.status === 'added' ? DIFF_COLOURS.added : n.status === 'removed' ? DIFF_COLOURS.removed : n.kind === 'external' ? 'red2' : 'blue';
  const style = n.status === 'removed' || n.kind === 'namespace' ? ' style="dashed"' : '';
  const width = n.status === 'same' ? '' : ' penwidth=2';
  return `${indent}${q(n.id)} [label=${q(label)} shape="box" color=${q(colour)} fontcolor=${q(colour)} tooltip=${q(n.id)}${style}${width}]`;
}

export function graphDot(graph: ConnectivityGraph): string {
  const lines = ['digraph {'];
  if (graph.title !== '') lines.push(`\tlabel=${q(graph.title)}`, '\tlabelloc="t"');
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const c of graph.clusters) {
    lines.push(`\tsubgraph ${q(`cluster_${c.namespace}`)} {`, `\t\tlabel=${q(c.namespace)}`, '\t\tcolor="black"', '\t\tfontcolor="black"');
    for (const id of c.nodes) {
      const n = byId.get(id);
      if (n) lines.push(nodeLine(n, '\t\t'));
    }
    lines.push('\t}');
  }
  for (const n of graph.nodes) if (n.namespace === undefined) lines.push(nodeLine(n, '\t'));
  for (const e of graph.edges) {
    const colour = DIFF_COLOURS[e.status];
    const style = e.status === 'removed' ? ' style="dashed"' : '';
    lines.push(`\t${q(e.from)} -> ${q(e.to)} [label=${q(e.label)} color=${q(colour)} fontcolor=${q(colour)} tooltip=${q(e.title)}${style}${e.both ? ' dir="both"' : ''}]`);
  }
  if (graph.diff) {
    lines.push('\tsubgraph "cluster_legend" {', '\t\tlabel="Legend"', '\t\tcolor="grey"', '\t\tnode [shape="point" style="invis"]');
    for (const status of ['added', 'removed', 'changed'] as const) {
      const colour = DIFF_COLOURS[status];
      lines.push(`\t\t${q(`legend_${status}_a`)} -> ${q(`legend_${status}_b`)} [label=${q(status)} color=${q(colour)} fontcolor=${q(colour)}${status === 'removed' ? ' style="dashed"' : ''}]`);
    }
    lines.push('\t}');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
