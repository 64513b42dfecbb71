/**
 * A diff as Markdown ready for a pull-request comment: a one-line summary, then one table per
 * namespace (a change belongs to its destination workload's namespace, or to its source's when
 * the destination is an address), each row with the policy and rule behind the change and where
 * it is written.
 */
import { changeReasons, type Reason } from '../../features/diff/diffReasons';
import type { DiffEndpoint, DiffEntry } from '../../features/diff/connectivityDiff';
import type { DiffLabels } from './diffText';
import { workloadsDiffInfo } from './diffText';
import type { DiffResult, ViewDiff } from '../../features/diff/diffViews';

export interface MarkdownOptions {
  readonly labels: DiffLabels;
  /** How a file is named (relative to the working directory). */
  readonly fileName: (uri: string) => string;
  /** Heading over the whole report. */
  readonly title: string;
}

export function diffMarkdown(result: DiffResult, options: MarkdownOptions): string {
  const all = result.views.flatMap((v) => v.entries);
  const out: string[] = [`## ${options.title}`, ''];
  if (all.length === 0) {
    out.push('No change in allowed connections.', '');
    return out.join('\n');
  }
  out.push(summary(all), '');
  for (const view of result.views) {
    if (view.entries.length === 0) continue;
    if (result.multiView) {
      const partial = view.view.partial.length > 0 ? ` (partial: ${view.view.partial.join('; ')})` : '';
      out.push(`### ${viewTitle(view)}${escape(partial)}`, '');
    }
    out.push(...viewTables(view, options, result.multiView ? '####' : '###'));
  }
  return out.join('\n');
}

function summary(entries: readonly DiffEntry[]): string {
  const count = (t: DiffEntry['type']): number => entries.filter((e) => e.type === t).length;
  const parts = [
    [count('added'), 'added'],
    [count('removed'), 'removed'],
    [count('changed'), 'changed'],
  ].filter(([n]) => (n as number) > 0);
  return `${entries.length} connection${entries.length === 1 ? '' : 's'} differ: ${parts.map(([n, t]) => `${n as number} ${t as string}`).join(', ')}.`;
}

function viewTitle(view: ViewDiff): string {
  const kind = view.view.kind === 'kustomize' ? 'kustomize build' : view.view.kind === 'declared' ? 'declared view' : 'loose files';
  return view.view.kind === 'loose' && view.view.name === 'loose files' ? kind : `${kind} ${escape(view.view.name)}`;
}

function namespaceOf(e: DiffEntry): string {
  const owner: DiffEndpoint = e.dst.kind === 'workload' ? e.dst : e.src;
  const slash = owner.text.indexOf('/');
  return slash < 0 ? '' : owner.text.slice(0, slash);
}

function viewTables(view: ViewDiff, options: MarkdownOptions, heading: string): string[] {
  const byNamespace = new Map<string, DiffEntry[]>();
  for (const e of view.entries) {
    const ns = namespaceOf(e);
    const list = byNamespace.get(ns);
    if (list) list.push(e);
    else byNamespace.set(ns, [e]);
  }
  const out: string[] = [];
  for (const ns of [...byNamespace.keys()].sort()) {
    out.push(`${heading} Namespace ${code(ns)}`, '');
    out.push(`| change | source | destination | ${escape(options.labels.ref1)} | ${escape(options.labels.ref2)} | why |`);
    out.push('|---|---|---|---|---|---|');
    for (const e of byNamespace.get(ns) ?? []) {
      const why = reasonsCell(e, view, options);
      out.push(`| ${e.type} | ${code(e.src.text)} | ${code(e.dst.text)} | ${e.ref1.toString()} | ${e.ref2.toString()} | ${why} |`);
    }
    out.push('');
  }
  return out;
}

function reasonsCell(e: DiffEntry, view: ViewDiff, options: MarkdownOptions): string {
  const { reasons } = changeReasons(e, view.analysis1, view.analysis2);
  const info = workloadsDiffInfo(e);
  const lines = [...(info === '' ? [] : [escape(info)]), ...dedupe(reasons).map((r) => reasonText(r, options))];
  return lines.join('<br>');
}

function reasonText(r: Reason, options: MarkdownOptions): string {
  const where = r.source ? ` (${code(`${options.fileName(r.source.uri)}:${r.source.line}`)})` : '';
  return `${r.effect} ${r.ports.toString()}: ${escape(r.text)}${where}`;
}

function dedupe(reasons: readonly Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.effect}|${r.text}|${r.ports.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Escapes what would break a table cell or be read as HTML. */
function escape(text: string): string {
  return text.replace(/[\\|<>]/g, (c) => `\\${c}`);
}

/** A code span (names, paths): only a pipe needs escaping inside one in a table. */
function code(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}
