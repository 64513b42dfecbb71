/**
 * The "Compare connectivity" webview's page: what the workspace opens and closes against the
 * base, one table per namespace, each change with the rules behind it linked to their lines
 * (a click asks the extension to open the location). Pure: built from the request's result.
 */
import type { CompareConnectivityResult, CompareReason } from '../../../shared/src/protocol';

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
        return `<tr class="${c.type}"><td>${c.type}</td><td>${escapeHtml(c.src)}</td><td>${escapeHtml(c.dst)}</td><td>${escapeHtml(c.before)}</td><td>${escapeHtml(c.after)}</td><td>${view}<ul>${why}</ul></td></tr>`;
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
</style></head>
<body>
<p>Against <b>${escapeHtml(data.baseLabel)}</b>: ${total} connection${total === 1 ? ' differs' : 's differ'} — ${data.opened} open${data.opened === 1 ? 's' : ''} something, ${data.closed} close${data.closed === 1 ? 's' : ''} something.</p>
${compareTables(data)}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.body.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-uri]');
  if (!a) return;
  e.preventDefault();
  vscode.postMessage({ type: 'open', uri: a.dataset.uri, line: Number(a.dataset.line), base: a.dataset.base === 'true' });
});
</script>
</body></html>`;
}
