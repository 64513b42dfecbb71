/**
 * The connectivity graph inside a webview page (the matrix and the compare view): a tab bar to
 * switch between the table and the graph, the theme's colours for the server's SVG (which has
 * classes, not colours), and the keyboard: Tab moves between nodes and edges, Enter or Space
 * acts as a click. Pure strings, put into each page.
 */

export interface Tab {
  readonly id: string;
  readonly label: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The tab bar; the first tab is selected. Each tab shows the element whose id is `<tab id>-panel`. */
export function tabsHtml(tabs: readonly Tab[]): string {
  const buttons = tabs.map(
    (t, i) =>
      `<button role="tab" id="${escapeHtml(t.id)}-tab" data-panel="${escapeHtml(t.id)}-panel" aria-controls="${escapeHtml(t.id)}-panel" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${escapeHtml(t.label)}</button>`,
  );
  return `<div role="tablist" id="tabs" aria-label="View">${buttons.join('')}</div>`;
}

export const TABS_CSS = `
#tabs { display: flex; gap: 0; margin-bottom: 8px; border-bottom: 1px solid var(--vscode-panel-border); }
#tabs button[role=tab] { background: none; color: var(--vscode-foreground); border: none; border-bottom: 2px solid transparent; padding: 4px 12px; font: inherit; cursor: pointer; opacity: 0.8; }
#tabs button[role=tab][aria-selected=true] { border-bottom-color: var(--vscode-focusBorder); opacity: 1; font-weight: 600; }
#tabs button[role=tab]:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
[role=tabpanel][hidden] { display: none; }
`;

/** Switches panels on a click or the arrow keys; calls `onTab(panelId)` if the page defines it. */
export const TABS_SCRIPT = `
const tabButtons = [...document.querySelectorAll('#tabs [role=tab]')];
const selectTab = (tab) => {
  for (const t of tabButtons) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.dataset.panel).hidden = !on;
  }
  if (typeof onTab === 'function') onTab(tab.dataset.panel);
};
for (const t of tabButtons) t.addEventListener('click', () => selectTab(t));
document.getElementById('tabs').addEventListener('keydown', (e) => {
  const i = tabButtons.indexOf(document.activeElement);
  if (i < 0 || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
  const next = tabButtons[(i + (e.key === 'ArrowRight' ? 1 : tabButtons.length - 1)) % tabButtons.length];
  next.focus();
  selectTab(next);
});
`;

/** The theme's colours for the graph's classes (the SVG's own sizes: 12px names, 11px the rest). */
export const GRAPH_CSS = `
.graph-scroll { overflow: auto; max-width: 100%; }
/* Fit the panel's width (the SVG has a viewBox): no node hides past the right edge. */
.graph-scroll > svg.netpol-graph { max-width: 100%; height: auto; }
.netpol-graph text { font-family: var(--vscode-editor-font-family), monospace; fill: var(--vscode-foreground); }
.netpol-graph .graph-title, .netpol-graph .node-label, .netpol-graph .empty { font-size: 12px; }
.netpol-graph .graph-title { font-weight: bold; }
.netpol-graph .cluster-label { font-size: 11px; font-weight: bold; }
.netpol-graph .node-kind, .netpol-graph .edge-label, .netpol-graph .legend-label { font-size: 11px; }
.netpol-graph .node-kind { fill: var(--vscode-descriptionForeground); }
.netpol-graph .cluster-box { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-panel-border); }
.netpol-graph .cluster.external .cluster-box { fill: none; stroke-dasharray: 4 3; }
.netpol-graph .node-box { fill: var(--vscode-editor-background); stroke: var(--vscode-charts-blue); }
.netpol-graph .node.external .node-box { stroke: var(--vscode-charts-orange); stroke-dasharray: 4 2; }
.netpol-graph .node.namespace .node-box { stroke-dasharray: 2 2; }
.netpol-graph .node.added .node-box { stroke: var(--vscode-gitDecoration-addedResourceForeground); stroke-width: 2.5; }
.netpol-graph .node.removed .node-box { stroke: var(--vscode-gitDecoration-deletedResourceForeground); stroke-width: 2.5; stroke-dasharray: 5 3; }
.netpol-graph .line { fill: none; stroke-width: 1.5; }
.netpol-graph .hit { fill: none; stroke: transparent; stroke-width: 10; }
.netpol-graph .edge-label-bg { fill: var(--vscode-editor-background); fill-opacity: 0.9; }
.netpol-graph .allowed .line { stroke: var(--vscode-descriptionForeground); }
.netpol-graph .arrow.allowed { fill: var(--vscode-descriptionForeground); }
.netpol-graph .added .line { stroke: var(--vscode-gitDecoration-addedResourceForeground); }
.netpol-graph .arrow.added, .netpol-graph .edge.added .edge-label { fill: var(--vscode-gitDecoration-addedResourceForeground); }
.netpol-graph .removed .line { stroke: var(--vscode-gitDecoration-deletedResourceForeground); stroke-dasharray: 6 4; }
.netpol-graph .arrow.removed, .netpol-graph .edge.removed .edge-label { fill: var(--vscode-gitDecoration-deletedResourceForeground); }
.netpol-graph .changed .line { stroke: var(--vscode-gitDecoration-modifiedResourceForeground); }
.netpol-graph .arrow.changed, .netpol-graph .edge.changed .edge-label { fill: var(--vscode-gitDecoration-modifiedResourceForeground); }
.netpol-graph .edge, .netpol-graph .node { cursor: pointer; outline: none; }
.netpol-graph .edge:focus-visible .line, .netpol-graph .edge.selected .line, .netpol-graph .edge:hover .line { stroke-width: 3; }
.netpol-graph .node:focus-visible .node-box, .netpol-graph .node.selected .node-box { stroke: var(--vscode-focusBorder); stroke-width: 3; }
`;

/** Enter or Space on a focused node or edge clicks it. */
export const GRAPH_KEYBOARD_SCRIPT = `
document.addEventListener('keydown', (e) => {
  const target = e.target.closest && e.target.closest('.netpol-graph .edge, .netpol-graph .node');
  if (!target || (e.key !== 'Enter' && e.key !== ' ')) return;
  e.preventDefault();
  target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
});
const markSelected = (el) => {
  for (const s of document.querySelectorAll('.netpol-graph .selected')) s.classList.remove('selected');
  el.classList.add('selected');
};
`;
