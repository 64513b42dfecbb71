/**
 * The connectivity listing in netpol-analyzer's other output formats: `md` (a table), `csv`, and
 * `dot` (a Graphviz graph: workloads grouped by namespace, external ranges apart, edges labelled
 * with the connections), line for line as `netpol-analyzer list -o md|csv|dot` writes them. With a
 * focus port (`--focus-conn`), the connections column is left out, as netpol-analyzer does.
 */
import type { ListingEntry } from '../engine/connectivityListing';
import type { Network } from '../engine/network';

export interface FormatOptions {
  /** `UDP 53` when the listing is about one protocol and port. */
  readonly focusConn?: string;
}

/** `| src | dst | conn |` rows. */
export function listingMarkdown(entries: readonly ListingEntry[], options: FormatOptions = {}): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  if (options.focusConn) {
    return ['| src | dst |', '|-----|-----|', ...entries.map((e) => `| ${cell(e.src.text)} | ${cell(e.dst.text)} |`)].join('\n') + '\n';
  }
  return ['| src | dst | conn |', '|-----|-----|------|', ...entries.map((e) => `| ${cell(e.src.text)} | ${cell(e.dst.text)} | ${e.ports.toString()} |`)].join('\n') + '\n';
}

/** `src,dst,conn` rows (RFC 4180 quoting where needed). */
export function listingCsv(entries: readonly ListingEntry[], options: FormatOptions = {}, extra?: { header: string; value: string }): string {
  const cell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const header = [...(options.focusConn ? ['src', 'dst'] : ['src', 'dst', 'conn']), ...(extra ? [extra.header] : [])];
  const rows = entries.map((e) => [e.src.text, e.dst.text, ...(options.focusConn ? [] : [e.ports.toString()]), ...(extra ? [extra.value] : [])]);
  return [header, ...rows].map((r) => `${r.map(cell).join(',')}\n`).join('');
}

/**
 * A Graphviz digraph: each namespace a cluster of its workloads (all of them, or only the focus
 * workloads and focus peers when given), external ranges as red nodes, one edge per connection.
 */
export function listingDot(net: Network, entries: readonly ListingEntry[], shown: (index: number) => boolean, options: FormatOptions = {}, title?: string): string {
  const q = (s: string): string => JSON.stringify(s);
  const byNamespace = new Map<string, string[]>();
  const visited = new Set<number>();
  const addWorkload = (index: number): void => {
    if (visited.has(index)) return;
    visited.add(index);
    const w = net.workloads[index];
    if (!w) return;
    const key = `${w.namespace}[namespace]`;
    const line = `\t\t${q(w.id)} [label=${q(`${w.name}[${w.kind}]`)} color="blue" fontcolor="blue"]`;
    const list = byNamespace.get(key);
    if (list) list.push(line);
    else byNamespace.set(key, [line]);
  };
  net.workloads.forEach((_, i) => {
    if (shown(i)) addWorkload(i);
  });
  const external = new Set<string>();
  const edges: string[] = [];
  for (const e of entries) {
    for (const end of [e.src, e.dst]) {
      if (end.kind === 'workload') addWorkload(end.index);
      else external.add(`\t${q(end.text)} [label=${q(end.text)} color="red2" fontcolor="red2"]`);
    }
    const label = options.focusConn ?? e.ports.toString();
    const weight = e.src.text <= e.dst.text ? '0.5' : '1';
    edges.push(`\t${q(e.src.text)} -> ${q(e.dst.text)} [label=${q(label)} color="gold2" fontcolor="darkgreen" weight=${weight}]`);
  }
  const lines = ['digraph {'];
  if (title !== undefined) lines.push(`\tlabel=${q(title)}`);
  for (const ns of [...byNamespace.keys()].sort()) {
    const peers = (byNamespace.get(ns) ?? []).sort();
    lines.push(`\tsubgraph ${q(`cluster_${ns.replace(/-/g, '_')}`)} {`, '\t\tcolor="black"', '\t\tfontcolor="black"', ...peers, `\t\tlabel=${q(ns)}`, '\t}');
  }
  lines.push(...[...external].sort(), ...edges.sort(), '}');
  return `${lines.join('\n')}\n`;
}
