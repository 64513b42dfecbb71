/**
 * The "Compare connectivity" webview's page: what the workspace opens and closes against the
 * base, one table per namespace, each change with the rules behind it linked to their lines
 * (a click asks the extension to open the location). A "Graph" tab draws the changes in colour
 * (graphView.ts); a click (or Enter) on an edge or node shows the changes it stands for with
 * their rules. Pure: built from the request's result.
 */
import type { CompareConnectivityResult, CompareReason } from '../../../shared/src/protocol';
import { GRAPH_CSS, GRAPH_KEYBOARD_SCRIPT, TABS_CSS, TABS_SCRIPT, tabsHtml } from './graphView';

/** Messages from the page to the extension: open a rule's location. */
export interface OpenLocationMessage {
  readonly type: 'open';
  readonly uri: string;
  readonly line: number;
  /** The location is in the base version (`was` reasons): opened as that version's text. */
  readonly base: boolean;
}

export function isOpenLocationMessage(value: unknown): value is OpenLocationMessage {
  const v = value as Record<string, unknown> | null;
  return typeof v === 'object' && v !== null && v.type === 'open' && typeof v.uri === 'string' && typeof v.line === 'number' && typeof v.base === 'boolean';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function reasonHtml(r: CompareReason): string {
  const text = `${escapeHtml(r.effect)} ${escapeHtml(r.ports)}: ${escapeHtml(r.text)}`;
  if (!r.location) return `<li class="${escapeHtml(r.effect)}">${text}</li>`;
  const line = r.location.range.start.line;
  const file = decodeURIComponent(r.location.uri.slice(r.location.uri.lastIndexOf('/') + 1));
  const attrs = `href="#" data-uri="${escapeHtml(r.location.uri)}" data-line="${line}" data-base="${r.effect === 'was'}"`;
  return `<li class="${escapeHtml(r.effect)}">${text} <a ${attrs}>${escapeHtml(`${file}:${line + 1}`)}</a></li>`;
}

/** The tables, as HTML (also what the tests read). */
export function compareTables(data: CompareConnectivityResult): string {
  if (data.namespaces.length === 0) return `<p>No change in allowed connections against ${escapeHtml(data.baseLabel)}.</p>`;
  return data.namespaces
    .map((ns) => {
      const rows = ns.changes.map((c) => {
        const why = [...(c.workloadsInfo ? [`<li>${escapeHtml(c.workloadsInfo)}</li>`] : []), ...c.reasons.map(reasonHtml)].join('');
        const view = c.view ? `<div class="view">${escapeHtml(c.view)}</div>` : '';
        return `<tr class="${c.type}" data-src="${escapeHtml(c.src)}" data-dst="${escapeHtml(c.dst)}"><td>${c.type}</td><td>${escapeHtml(c.src)}</td><td>${escapeHtml(c.dst)}</td><td>${escapeHtml(c.before)}</td><td>${escapeHtml(c.after)}</td><td>${view}<ul>${why}</ul></td></tr>`;
      });
      return `<h2>Namespace ${escapeHtml(ns.namespace)}</h2><table><thead><tr><th>change</th><th>source</th><th>destination</th><th>${escapeHtml(data.baseLabel)}</th><th>now</th><th>why</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
    })
    .join('');
}

export function compareHtml(data: CompareConnectivityResult, nonce: string, cspSource: string): string {
  const total = data.namespaces.reduce((n, ns) => n + ns.changes.length, 0);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Connectivity vs ${escapeHtml(data.baseLabel)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; font-size: 12px; margin-bottom: 16px; }
th, td { border: 1px solid var(--vscode-panel-border); padding: 2px 6px; vertical-align: top; }
tr.added td:first-child { color: var(--vscode-gitDecoration-addedResourceForeground); }
tr.removed td:first-child { color: var(--vscode-gitDecoration-deletedResourceForeground); }
tr.changed td:first-child { color: var(--vscode-gitDecoration-modifiedResourceForeground); }
ul { margin: 0; padding-left: 16px; }
li.was { color: var(--vscode-descriptionForeground); }
.view { font-style: italic; }
.hint { color: var(--vscode-descriptionForeground); }
${TABS_CSS}${GRAPH_CSS}</style></head>
<body>
<p>Against <b>${escapeHtml(data.baseLabel)}</b>: ${total} connection${total === 1 ? ' differs' : 's differ'} — ${data.opened} open${data.opened === 1 ? 's' : ''} something, ${data.closed} close${data.closed === 1 ? 's' : ''} something.</p>
${tabsHtml([
  { id: 'changes', label: 'Changes' },
  { id: 'graph', label: 'Graph' },
])}
<div id="changes-panel" role="tabpanel" aria-labelledby="changes-tab">${compareTables(data)}</div>
<div id="graph-panel" role="tabpanel" aria-labelledby="graph-tab" hidden>
<p class="hint">Click an edge or a workload (or Tab to it and press Enter) for the changes it stands for and the rules behind them.</p>
<div class="graph-scroll">${data.graph}</div>
<div id="graph-detail" aria-live="polite"></div>
</div>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
${TABS_SCRIPT}
${GRAPH_KEYBOARD_SCRIPT}
// A graph end is a workload, or address ranges joined ("a-b, c-d[External]"); the tables have one row per piece.
const pieces = (id) => (id.endsWith('[External]') ? id.slice(0, -10).split(', ').map((r) => r + '[External]') : [id]);
const rows = [...document.querySelectorAll('#changes-panel tr[data-src]')];
const detail = document.getElementById('graph-detail');
const showRows = (title, matching) => {
  detail.replaceChildren();
  const head = document.createElement('p');
  head.textContent = title;
  const table = document.createElement('table');
  for (const r of matching) table.appendChild(r.cloneNode(true));
  detail.append(head, table);
};
document.getElementById('graph-panel').addEventListener('click', (e) => {
  const edge = e.target.closest('.edge');
  const node = edge ? undefined : e.target.closest('.node');
  if (!edge && !node) return;
  markSelected(edge || node);
  if (edge) {
    const src = pieces(edge.dataset.src);
    const dst = pieces(edge.dataset.dst);
    const both = edge.dataset.both === 'true';
    const on = (r, from, to) => from.includes(r.dataset.src) && to.includes(r.dataset.dst);
    showRows(edge.getAttribute('aria-label'), rows.filter((r) => on(r, src, dst) || (both && on(r, dst, src))));
    return;
  }
  const ends = pieces(node.dataset.id);
  showRows(node.getAttribute('aria-label'), rows.filter((r) => ends.includes(r.dataset.src) || ends.includes(r.dataset.dst)));
});
document.body.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-uri]');
  if (!a) return;
  e.preventDefault();
  vscode.postMessage({ type: 'open', uri: a.dataset.uri, line: Number(a.dataset.line), base: a.dataset.base === 'true' });
});
</script>
</body></html>`;
}
