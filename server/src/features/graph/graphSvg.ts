/**
 * A laid-out connectivity graph as SVG: the one drawing the CLI writes (`--format svg`) and the
 * webviews show. Colours come from classes only (`edge added`, `node external`, …): the CLI's
 * file embeds a stylesheet (light, and dark where the viewer prefers it), the webviews style the
 * same classes with the editor theme's colours. Every node and edge is focusable, says what it is
 * in a `<title>` (tooltips, screen readers) and carries its ends in `data-` attributes, which the
 * webviews read to explain it on a click or Enter.
 */
import type { ConnectivityGraph, EdgeStatus } from './graphModel';
import { emptyText, layoutGraph, LEGEND_HEIGHT, NODE_FONT, SMALL_FONT, textWidth, type Box, type LaidOutGraph, type Point } from './graphLayout';

export interface SvgOptions {
  /** Embed the stylesheet and a background: a file that stands alone (the CLI). */
  readonly standalone: boolean;
  /** Prefix of the ids in the drawing (arrow markers), unique within the page that shows it. */
  readonly idPrefix?: string;
}

const STATUSES: readonly EdgeStatus[] = ['allowed', 'added', 'removed', 'changed'];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (v: number): string => String(Math.round(v * 10) / 10);

/** A smooth path through dagre's points (quadratic curves through the midpoints). */
function pathData(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${n(first.x)},${n(first.y)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i] as Point;
    const q = rest[i + 1] as Point;
    d += ` Q${n(p.x)},${n(p.y)} ${n((p.x + q.x) / 2)},${n((p.y + q.y) / 2)}`;
  }
  const last = rest[rest.length - 1];
  if (last) d += ` L${n(last.x)},${n(last.y)}`;
  return d;
}

function rect(box: Box, cls: string, rx = 0): string {
  return `<rect class="${cls}" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}"${rx ? ` rx="${rx}"` : ''}/>`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The SVG of one or more graphs (one per cluster view), stacked top to bottom in one drawing.
 */
export function graphSvg(graphs: readonly ConnectivityGraph[], options: SvgOptions): string {
  const id = options.idPrefix ?? 'npl';
  const laid = graphs.map(layoutGraph);
  const width = Math.max(0, ...laid.map((l) => l.width));
  const height = laid.reduce((h, l) => h + l.height, 0);
  const label = laid.map((l) => describe(l.graph)).join('; ');
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="netpol-graph${graphs.some((g) => g.diff) ? ' diff' : ''}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="group" aria-label="${escapeXml(label)}">`,
    `<title>${escapeXml(label)}</title>`,
  ];
  if (options.standalone) out.push(`<style>${STANDALONE_CSS}</style>`, `<rect class="background" width="100%" height="100%"/>`);
  out.push(
    '<defs>',
    ...STATUSES.map(
      (s) => `<marker id="${id}-arrow-${s}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path class="arrow ${s}" d="M0,1 L10,5 L0,9 z"/></marker>`,
    ),
    '</defs>',
  );
  let top = 0;
  for (const l of laid) {
    out.push(top === 0 ? '<g class="view">' : `<g class="view" transform="translate(0,${top})">`, ...drawing(l, id), '</g>');
    top += l.height;
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** `Connectivity: 4 workloads in 2 namespaces, …`: the drawing in one sentence. */
function describe(graph: ConnectivityGraph): string {
  const workloads = graph.nodes.filter((x) => x.kind === 'workload').length;
  const external = graph.nodes.filter((x) => x.kind === 'external').length;
  const summary = graph.diff
    ? `${plural(graph.edges.length, 'changed connection')} between ${plural(workloads, 'workload')} and ${plural(external, 'address range')}`
    : `${plural(workloads, 'workload')} in ${plural(graph.clusters.length, 'namespace')}, ${plural(external, 'address range')} outside, ${plural(graph.edges.length, 'connection')}`;
  const heading = graph.title === '' ? (graph.diff ? 'Connectivity diff' : 'Connectivity') : graph.title;
  return `${heading}: ${summary}`;
}

function drawing(laid: LaidOutGraph, id: string): string[] {
  const { graph } = laid;
  const out: string[] = [];
  if (graph.title !== '') out.push(`<text class="graph-title" x="12" y="${laid.titleHeight / 2 + 2}" dominant-baseline="central">${escapeXml(graph.title)}</text>`);
  if (graph.nodes.length === 0) {
    out.push(`<text class="empty" x="12" y="${laid.titleHeight + 16}" dominant-baseline="central">${escapeXml(emptyText(graph))}</text>`);
    return out;
  }
  out.push('<g class="clusters">');
  for (const c of laid.clusters) {
    const count = graph.clusters.find((x) => x.namespace === c.namespace)?.nodes.length ?? 0;
    out.push(
      `<g class="cluster" data-namespace="${escapeXml(c.namespace)}"><title>${escapeXml(`Namespace ${c.namespace}: ${plural(count, 'workload')}`)}</title>`,
      rect(c.box, 'cluster-box', 6),
      `<text class="cluster-label" x="${n(c.box.x + 8)}" y="${n(c.box.y + 11)}" dominant-baseline="central">${escapeXml(c.namespace)}</text></g>`,
    );
  }
  if (laid.external) {
    out.push(
      '<g class="cluster external"><title>Addresses outside the cluster</title>',
      rect(laid.external, 'cluster-box', 6),
      `<text class="cluster-label" x="${n(laid.external.x + 8)}" y="${n(laid.external.y + 11)}" dominant-baseline="central">outside the cluster</text></g>`,
    );
  }
  out.push('</g>', '<g class="edges">');
  for (const e of laid.edges) {
    const { edge } = e;
    const d = pathData(e.points);
    const markers = `marker-end="url(#${id}-arrow-${edge.status})"${edge.both ? ` marker-start="url(#${id}-arrow-${edge.status})"` : ''}`;
    const cx = e.labelBox.x + e.labelBox.width / 2;
    const cy = e.labelBox.y + e.labelBox.height / 2;
    out.push(
      `<g class="edge ${edge.status}" tabindex="0" role="button" aria-label="${escapeXml(edge.title)}" data-src="${escapeXml(edge.from)}" data-dst="${escapeXml(edge.to)}" data-both="${edge.both}">`,
      `<title>${escapeXml(edge.title)}</title>`,
      `<path class="hit" d="${d}"/>`,
      `<path class="line" d="${d}" ${markers}/>`,
      rect(e.labelBox, 'edge-label-bg', 3),
      `<text class="edge-label" x="${n(cx)}" y="${n(cy)}" text-anchor="middle" dominant-baseline="central">${escapeXml(e.label)}</text>`,
      '</g>',
    );
  }
  out.push('</g>', '<g class="nodes">');
  for (const x of laid.nodes) {
    const { node, box } = x;
    const ins = graph.edges.filter((e) => e.to === x.node.id || (e.both && e.from === node.id)).length;
    const outs = graph.edges.filter((e) => e.from === x.node.id || (e.both && e.to === node.id)).length;
    const status = node.status === 'same' ? '' : ` (${node.status} workload)`;
    const name = node.members ? `every workload of namespace ${node.namespace ?? ''} (${node.members.join(', ')})` : node.id;
    const title = `${name}${status}: ${plural(outs, 'connection')} out, ${ins} in`;
    const cx = box.x + box.width / 2;
    out.push(
      `<g class="node ${node.kind}${node.status === 'same' ? '' : ` ${node.status}`}" tabindex="0" role="button" aria-label="${escapeXml(title)}" data-id="${escapeXml(node.id)}"${node.namespace === undefined ? '' : ` data-namespace="${escapeXml(node.namespace)}"`}${node.members ? ` data-members="${escapeXml(node.members.join(' '))}"` : ''}>`,
      `<title>${escapeXml(title)}</title>`,
      rect(box, 'node-box', 4),
      `<text class="node-label" x="${n(cx)}" y="${n(box.y + 13)}" text-anchor="middle" dominant-baseline="central">${escapeXml(x.label)}</text>`,
      `<text class="node-kind" x="${n(cx)}" y="${n(box.y + 27)}" text-anchor="middle" dominant-baseline="central">${escapeXml(x.sublabel)}</text>`,
      '</g>',
    );
  }
  out.push('</g>');
  if (graph.diff) out.push(legend(laid.height - LEGEND_HEIGHT, id));
  return out;
}

/** What the diff's colours mean, drawn in the picture (a file read without the tool still says it). */
function legend(top: number, id: string): string {
  const y = top + LEGEND_HEIGHT / 2;
  const items: [EdgeStatus, string][] = [
    ['added', 'added: a new connection'],
    ['removed', 'removed: no longer allowed'],
    ['changed', 'changed ports'],
  ];
  let x = 12;
  const parts = items.map(([status, text]) => {
    const g = `<g class="legend-item ${status}"><path class="line" d="M${x},${y} L${x + 28},${y}" marker-end="url(#${id}-arrow-${status})"/><text class="legend-label" x="${x + 34}" y="${y}" dominant-baseline="central">${escapeXml(text)}</text></g>`;
    x += 34 + textWidth(text, SMALL_FONT) + 18;
    return g;
  });
  return `<g class="legend" aria-label="Legend">${parts.join('')}</g>`;
}

const FONT = `font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace;`;

/** The stylesheet of a standalone file: light, and dark where the viewer asks for it. */
const STANDALONE_CSS = `
.netpol-graph text { ${FONT} fill: #1f2328; }
.background { fill: #ffffff; }
.graph-title { font-size: ${NODE_FONT + 1}px; font-weight: bold; }
.cluster-box { fill: #f6f8fa; stroke: #8c959f; }
.cluster.external .cluster-box { fill: none; stroke-dasharray: 4 3; }
.cluster-label { font-size: ${SMALL_FONT}px; font-weight: bold; }
.node-box { fill: #ddf4ff; stroke: #0969da; }
.node.external .node-box { fill: #fff1e5; stroke: #bc4c00; stroke-dasharray: 4 2; }
.node.namespace .node-box { fill: #ffffff; stroke: #0969da; stroke-dasharray: 2 2; }
.node.added .node-box { stroke: #1a7f37; stroke-width: 2.5; }
.node.removed .node-box { stroke: #cf222e; stroke-width: 2.5; stroke-dasharray: 5 3; }
.node-label, .empty { font-size: ${NODE_FONT}px; }
.node-kind, .edge-label, .legend-label { font-size: ${SMALL_FONT}px; }
.node-kind { fill: #59636e; }
.edge .hit { fill: none; stroke: transparent; stroke-width: 10; }
.line { fill: none; stroke-width: 1.5; }
.edge-label-bg { fill: #ffffff; fill-opacity: 0.85; }
.allowed .line { stroke: #59636e; } .arrow.allowed { fill: #59636e; }
.added .line { stroke: #1a7f37; } .arrow.added { fill: #1a7f37; } .edge.added .edge-label { fill: #1a7f37; }
.removed .line { stroke: #cf222e; stroke-dasharray: 6 4; } .arrow.removed { fill: #cf222e; } .edge.removed .edge-label { fill: #cf222e; }
.changed .line { stroke: #bf8700; } .arrow.changed { fill: #bf8700; } .edge.changed .edge-label { fill: #9a6700; }
@media (prefers-color-scheme: dark) {
  .netpol-graph text { fill: #e6edf3; }
  .background, .edge-label-bg { fill: #0d1117; }
  .cluster-box { fill: #161b22; stroke: #6e7681; }
  .cluster.external .cluster-box { fill: none; }
  .node-box { fill: #0c2d6b; stroke: #4493f8; }
  .node.external .node-box { fill: #3d1d00; stroke: #f0883e; }
  .node.namespace .node-box { fill: #0d1117; stroke: #4493f8; }
  .node-kind { fill: #9198a1; }
  .allowed .line { stroke: #9198a1; } .arrow.allowed { fill: #9198a1; }
  .added .line { stroke: #3fb950; } .arrow.added { fill: #3fb950; } .edge.added .edge-label { fill: #3fb950; }
  .removed .line { stroke: #f85149; } .arrow.removed { fill: #f85149; } .edge.removed .edge-label { fill: #f85149; }
  .changed .line { stroke: #d29922; } .arrow.changed { fill: #d29922; } .edge.changed .edge-label { fill: #d29922; }
}
`;
