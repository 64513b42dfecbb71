/**
 * The connectivity matrix webview's page: a table of workloads × workloads (rows: sources,
 * columns: destinations) with the allowed ports in each cell, a namespace filter, a cell that
 * explains itself when the pointer rests on it or it is clicked (the extension asks the server),
 * a legend, and an export of the CLI listing; the toolbar and cells use the theme's colours.
 * A "Graph" tab shows the same connections as a graph (graphView.ts); a click (or Enter) on an
 * edge explains its pairs, on a node every pair of its edges. Pure: the page is built from the
 * request's result; its script talks to the extension with `postMessage`.
 */
import type { ConnectivityMatrixResult } from '../../../shared/src/protocol';
import { GRAPH_CSS, GRAPH_KEYBOARD_SCRIPT, TABS_CSS, TABS_SCRIPT, tabsHtml } from './graphView';

/** Messages from the extension to the page: the explanation of the pair it asked about. */
export interface ExplanationMessage {
  readonly type: 'explanation';
  readonly src: string;
  readonly dst: string;
  readonly text: string;
}

/** Messages from the page to the extension. */
export type MatrixMessage = { readonly type: 'explain'; readonly src: string; readonly dst: string } | { readonly type: 'export'; readonly namespace: string };

export function isMatrixMessage(value: unknown): value is MatrixMessage {
  const v = value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null) return false;
  if (v.type === 'explain') return typeof v.src === 'string' && typeof v.dst === 'string';
  return v.type === 'export' && typeof v.namespace === 'string';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The table rows, as HTML (also what the tests read). */
export function matrixTable(data: ConnectivityMatrixResult): string {
  const ports = new Map(data.cells.map((c) => [`${c.src},${c.dst}`, c.ports]));
  const head = data.workloads
    .map((w) => `<th class="col" data-ns="${escapeHtml(w.namespace)}" title="${escapeHtml(w.id)}"><span>${escapeHtml(`${w.namespace}/${w.name}`)}</span></th>`)
    .join('');
  const rows = data.workloads.map((src, i) => {
    const cells = data.workloads.map((dst, j) => {
      if (i === j) return `<td class="self" data-ns="${escapeHtml(dst.namespace)}"></td>`;
      const p = ports.get(`${i},${j}`);
      const title = `${src.id} → ${dst.id}: ${p ?? 'no connection'}`;
      const attrs = `data-ns="${escapeHtml(dst.namespace)}" data-src="${escapeHtml(src.id)}" data-dst="${escapeHtml(dst.id)}" title="${escapeHtml(title)}"`;
      return p ? `<td class="allowed" ${attrs}>${escapeHtml(p)}</td>` : `<td class="denied" ${attrs}>·</td>`;
    });
    return `<tr data-ns="${escapeHtml(src.namespace)}"><th class="row" title="${escapeHtml(src.id)}">${escapeHtml(`${src.namespace}/${src.name}`)}</th>${cells.join('')}</tr>`;
  });
  return `<table><thead><tr><th>source ↓ / destination →</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** `1 workload`, `2 workloads`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** What the cells mean: a dot is not a connection, whatever the reason. */
export const MATRIX_LEGEND =
  '<div id="legend">' +
  '<span><span class="key allowed">TCP 80</span>allowed: the ports the source may open to the destination (<em>all ports</em>: every port and protocol)</span>' +
  '<span><span class="key denied">·</span>no connection: the source&#8217;s egress or the destination&#8217;s ingress is isolated, and no rule allows it</span>' +
  '<span><span class="key self">&#160;</span>the workload itself</span>' +
  '</div>';

export function matrixHtml(data: ConnectivityMatrixResult, nonce: string, cspSource: string): string {
  // The namespaces of the workloads shown: filtering on any other would empty the table.
  const namespaces = [...new Set(data.workloads.map((w) => w.namespace))].sort();
  const options = namespaces.map((n) => `<option value="${escapeHtml(n)}">${escapeHtml(n)}</option>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Connectivity matrix</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid var(--vscode-panel-border); padding: 2px 6px; white-space: nowrap; }
th.col span { writing-mode: vertical-rl; transform: rotate(180deg); }
td.allowed { cursor: pointer; }
td.allowed, #legend .allowed { background: var(--vscode-diffEditor-insertedTextBackground); }
td.denied { cursor: pointer; }
td.denied, #legend .denied { color: var(--vscode-disabledForeground); text-align: center; }
td.self, #legend .self { background: var(--vscode-editorWidget-background); }
td.selected { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
.hidden { display: none; }
#toolbar { margin-bottom: 8px; display: flex; gap: 8px; align-items: center; }
#toolbar label, #toolbar button { white-space: nowrap; flex-shrink: 0; }
select { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground); border: 1px solid var(--vscode-dropdown-border); font: inherit; padding: 2px 4px; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: 1px solid var(--vscode-button-border, transparent); font: inherit; padding: 3px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
select:focus, button:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
#legend { margin-bottom: 8px; display: flex; gap: 16px; flex-wrap: wrap; font-size: 12px; }
#legend span.key { display: inline-block; min-width: 1.5em; padding: 0 4px; margin-right: 4px; text-align: center; border: 1px solid var(--vscode-panel-border); }
#explanation { margin-top: 12px; white-space: pre-wrap; }
.hint { color: var(--vscode-descriptionForeground); margin: 4px 0 8px; }
${TABS_CSS}${GRAPH_CSS}</style></head>
<body>
<div id="toolbar">
<label>Namespace <select id="ns"><option value="">All namespaces</option>${options}</select></label>
<button id="export">Export listing</button>
<span>${count(data.workloads.length, 'workload')}, ${count(data.cells.length, 'connected pair')}. Rest on a cell or click it (or an edge or node of the graph) for why. Replies on allowed connections always flow.</span>
</div>
${tabsHtml([
  { id: 'matrix', label: 'Matrix' },
  { id: 'graph', label: 'Graph' },
])}
<div id="matrix-panel" role="tabpanel" aria-labelledby="matrix-tab">
${MATRIX_LEGEND}
<div id="matrix">${matrixTable(data)}</div>
</div>
<div id="graph-panel" role="tabpanel" aria-labelledby="graph-tab" hidden>
<p class="hint">Namespaces are boxes; an edge is what its source may open to its destination. Click an edge or a node (or Tab to it and press Enter) for the policy and rule behind it.</p>
<div class="graph-scroll">${data.graph}</div>
</div>
<div id="explanation" aria-live="polite"></div>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const select = document.getElementById('ns');
select.addEventListener('change', () => {
  const ns = select.value;
  for (const el of document.querySelectorAll('[data-ns]')) el.classList.toggle('hidden', ns !== '' && el.dataset.ns !== ns);
});
// The pairs asked about last, in order, with their answers: an answer for another pair (the
// pointer moved on, another edge was clicked) is dropped.
let wanted = new Map();
let heading = '';
let timer;
const MAX_PAIRS = 20;
const explanation = document.getElementById('explanation');
const render = () => {
  const answers = [...wanted.values()].filter((t) => t !== undefined);
  explanation.textContent = [heading, ...answers].filter((t) => t !== '').join('\\n\\n');
};
const ask = (pairs, title) => {
  wanted = new Map(pairs.slice(0, MAX_PAIRS).map(([s, d]) => [s + ' ' + d, undefined]));
  heading = title + (pairs.length > MAX_PAIRS ? ' (the first ' + MAX_PAIRS + ' of ' + pairs.length + ' pairs; click one edge for the others)' : '');
  render();
  for (const [s, d] of pairs.slice(0, MAX_PAIRS)) vscode.postMessage({ type: 'explain', src: s, dst: d });
};
const explain = (td) => ask([[td.dataset.src, td.dataset.dst]], '');
let onTab = (panel) => { select.disabled = panel === 'graph-panel'; };
${TABS_SCRIPT}
${GRAPH_KEYBOARD_SCRIPT}
const graph = document.getElementById('graph-panel');
// A namespace node ("every workload") stands for its members.
const members = (id) => {
  const node = [...graph.querySelectorAll('.node')].find((n) => n.dataset.id === id);
  return node && node.dataset.members ? node.dataset.members.split(' ') : [id];
};
const edgePairs = (edge) => {
  const pairs = [];
  for (const s of members(edge.dataset.src)) for (const d of members(edge.dataset.dst)) {
    pairs.push([s, d]);
    if (edge.dataset.both === 'true') pairs.push([d, s]);
  }
  return pairs;
};
graph.addEventListener('click', (e) => {
  const edge = e.target.closest('.edge');
  const node = edge ? undefined : e.target.closest('.node');
  if (!edge && !node) return;
  markSelected(edge || node);
  if (edge) {
    ask(edgePairs(edge), edge.getAttribute('aria-label'));
    return;
  }
  const id = node.dataset.id;
  const edges = [...graph.querySelectorAll('.edge')].filter((x) => x.dataset.src === id || x.dataset.dst === id);
  ask(edges.flatMap(edgePairs), node.getAttribute('aria-label'));
});
const matrix = document.getElementById('matrix');
matrix.addEventListener('click', (e) => {
  const td = e.target.closest('td[data-src]');
  clearTimeout(timer);
  if (!td) return;
  // The clicked cell stays marked, so the explanation below says which pair it is about.
  for (const el of matrix.querySelectorAll('td.selected')) el.classList.remove('selected');
  td.classList.add('selected');
  explain(td);
});
matrix.addEventListener('mouseover', (e) => {
  const td = e.target.closest('td[data-src]');
  clearTimeout(timer);
  if (td) timer = setTimeout(() => explain(td), 300);
});
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'export', namespace: select.value }));
window.addEventListener('message', (e) => {
  const key = e.data && e.data.type === 'explanation' ? e.data.src + ' ' + e.data.dst : undefined;
  if (key === undefined || !wanted.has(key)) return;
  wanted.set(key, e.data.text);
  render();
});
</script>
</body></html>`;
}
