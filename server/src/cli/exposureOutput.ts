/**
 * `connectivity --exposure`: netpol-analyzer's "Exposure Analysis Result" section — per focus (or
 * every) workload, what it is open to beyond the folder's workloads on egress and ingress (see
 * features/exposure.ts), and the workloads no policy protects — as text, JSON data, or Markdown.
 */
import { formatRange } from '../engine/addressSet';
import type { IpFamily } from '../engine/cidr';
import type { Network } from '../engine/network';
import type { PortSet } from '../engine/portSet';
import type { Direction } from '../engine/types';
import { exposureConnsText, peerText, workloadExposure, type ExposurePeer } from '../features/exposure';

export interface ExposureLine {
  readonly workload: string;
  readonly direction: Direction;
  readonly peer: string;
  readonly ports: PortSet;
  /** `TCP 8050`, `TCP http` (egress named ports stay names). */
  readonly conns: string;
}

export interface ExposureReport {
  readonly egress: readonly ExposureLine[];
  readonly ingress: readonly ExposureLine[];
  /** `ns/name[Kind] is not protected on Egress`. */
  readonly unprotected: readonly string[];
}

export interface ExposureOptions {
  readonly shown: (workload: number) => boolean;
  readonly directions: readonly Direction[];
  readonly families: readonly IpFamily[];
  /** Only this protocol and port (`--focus-conn`). */
  readonly focus?: PortSet;
}

export function exposureReport(net: Network, options: ExposureOptions): ExposureReport {
  const lines: Record<Direction, ExposureLine[]> = { egress: [], ingress: [] };
  const unprotected: string[] = [];
  net.workloads.forEach((w, index) => {
    if (!options.shown(index)) return;
    for (const direction of options.directions) {
      const exposure = workloadExposure(net, index, direction);
      if (!exposure.isolated) unprotected.push(`${w.id} is not protected on ${direction === 'ingress' ? 'Ingress' : 'Egress'}`);
      for (const e of exposure.entries) {
        const ports = options.focus ? e.ports.intersect(options.focus) : e.ports;
        const named = options.focus ? [] : e.named;
        if (ports.isEmpty() && named.length === 0) continue;
        const conns = exposureConnsText({ ports, named });
        for (const peer of peerTexts(e.peer, options.families)) lines[direction].push({ workload: w.id, direction, peer, ports, conns });
      }
    }
  });
  const order = (a: ExposureLine, b: ExposureLine): number => (a.workload !== b.workload ? (a.workload < b.workload ? -1 : 1) : a.peer < b.peer ? -1 : a.peer > b.peer ? 1 : 0);
  return { egress: lines.egress.sort(order), ingress: lines.ingress.sort(order), unprotected: unprotected.sort() };
}

/** One text per address range (in the listed families); one for any other peer. */
function peerTexts(peer: ExposurePeer, families: readonly IpFamily[]): string[] {
  if (peer.kind !== 'addresses') return [peerText(peer)];
  return families.flatMap((f) => peer.addresses.ranges(f).map((r) => `${formatRange(r)}[External]`));
}

/** netpol-analyzer's text: `w \t=> \tpeer : conns` lines padded to the longest workload name. */
export function exposureText(report: ExposureReport, focusConn?: string): string {
  const width = Math.max(0, ...[...report.egress, ...report.ingress].map((l) => l.workload.length));
  const line = (l: ExposureLine, arrow: string): string =>
    `${l.workload.padEnd(width)} \t${arrow} \t${l.peer}${focusConn ? '' : ` : ${l.conns}`}`;
  let out = `Exposure Analysis Result${focusConn ? ` On ${focusConn}` : ''}:\n`;
  if (report.egress.length > 0) out += `Egress Exposure:\n${report.egress.map((l) => `${line(l, '=>')}\n`).join('')}`;
  if (report.ingress.length > 0) out += `${report.egress.length > 0 ? '\n' : ''}Ingress Exposure:\n${report.ingress.map((l) => `${line(l, '<=')}\n`).join('')}`;
  if (report.unprotected.length > 0 && !focusConn) out += `\nWorkloads not protected by network policies:\n${report.unprotected.map((u) => `${u}\n`).join('')}`;
  return out;
}

/** Markdown tables, one per direction. */
export function exposureMarkdown(report: ExposureReport): string {
  const table = (title: string, lines: readonly ExposureLine[], arrow: string): string[] =>
    lines.length === 0
      ? []
      : [`### ${title}`, '', '| workload | | exposed to | conn |', '|-----|-----|-----|-----|', ...lines.map((l) => `| ${l.workload} | ${arrow} | ${l.peer} | ${l.conns} |`), ''];
  return [
    '## Exposure Analysis Result',
    '',
    ...table('Egress Exposure', report.egress, '=>'),
    ...table('Ingress Exposure', report.ingress, '<='),
    ...(report.unprotected.length > 0 ? ['### Workloads not protected by network policies', '', ...report.unprotected.map((u) => `- ${u}`), ''] : []),
  ].join('\n');
}
