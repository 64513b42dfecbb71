/**
 * netpol-analyzer's explanation text (`list --explain`), section for section: the pairs with
 * specific reasons, then the pairs allowed on everything by the system default alone.
 */
import { MAX_PORT, MIN_PORT, type PortSet } from '../../engine/portSet';
import type { Protocol } from '../../engine/types';
import { SYSTEM_DEFAULT, type ExplainedPair, type PortClass, type SideVerdict } from './pairExplanation';

const SEPARATOR = '-'.repeat(160);
/** netpol-analyzer's order of protocols in a class line. */
const PROTOCOL_ORDER: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export function explainText(pairs: readonly ExplainedPair[]): string {
  const specific = pairs.filter((p) => !p.systemDefaultOnly);
  const defaults = pairs.filter((p) => p.systemDefaultOnly);
  let out = '';
  if (specific.length > 0) {
    out += groupHeader('Specific connections and their reasons');
    for (const p of specific) out += `${SEPARATOR}\nConnections between ${p.src.text} => ${p.dst.text}:\n\n${pairBody(p)}`;
  }
  if (defaults.length > 0) {
    out += groupHeader(`All Connections due to ${SYSTEM_DEFAULT}`);
    for (const p of defaults) out += `${p.src.text} => ${p.dst.text}\n`;
  }
  return out;
}

function groupHeader(title: string): string {
  const line = `# ${title} #`;
  return `\n${'#'.repeat(line.length)}\n${line}\n${'#'.repeat(line.length)}\n`;
}

function pairBody(p: ExplainedPair): string {
  return classesText(p.classes.filter((c) => c.allowed), true) + classesText(p.classes.filter((c) => !c.allowed), false);
}

function classesText(classes: readonly PortClass[], allowed: boolean): string {
  if (classes.length === 0) return '';
  const lines = classes
    .map((c) => ({ head: `\t${allowed ? 'Allowed' : 'Denied'} ${protocolsText(c.ports)}`, rules: rulesText(c) }))
    .sort((a, b) => (a.head < b.head ? -1 : a.head > b.head ? 1 : 0));
  return `${allowed ? 'Allowed' : 'Denied'} connections:\n${lines.map((l) => `${l.head}${l.rules}\n`).join('')}`;
}

/** `TCP:[1-79,81-65535], UDP, SCTP`: a bare name for every port of a protocol. */
export function protocolsText(ports: PortSet): string {
  return PROTOCOL_ORDER.filter((p) => ports.ranges[p].length > 0)
    .map((p) => {
      const ranges = ports.ranges[p];
      const whole = ranges.length === 1 && ranges[0]?.[0] === MIN_PORT && ranges[0][1] === MAX_PORT;
      return whole ? p : `${p}:[${ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}]`;
    })
    .join(', ');
}

function rulesText(c: PortClass): string {
  if (c.egress.layer === 'default' && c.ingress.layer === 'default') return ` due to ${SYSTEM_DEFAULT}\n`;
  return ` due to the following policies and rules:\n\t\tEgress ${sideText(c.egress)}\n\t\tIngress ${sideText(c.ingress)}\n`;
}

function sideText(v: SideVerdict): string {
  const result = v.allowed ? '(Allowed)' : '(Denied)';
  if (v.layer === 'default') return `${result} due to ${SYSTEM_DEFAULT}`;
  if (v.lines.length === 1) return `${result}\n\t\t\t${v.lines[0] ?? ''}`;
  // One line per kind of policy, or `<Kind> list:` for several of one kind, in the order given (by layer).
  const kinds: { kind: string; lines: string[] }[] = [];
  for (const line of v.lines) {
    const kind = line === SYSTEM_DEFAULT ? line : (line.split(' ')[0] ?? '');
    const last = kinds[kinds.length - 1];
    if (last && last.kind === kind) last.lines.push(line);
    else kinds.push({ kind, lines: [line] });
  }
  if (kinds.length === 1) return `${result}\n\t\t\t${kinds[0]?.kind ?? ''} list:\n${v.lines.map((l) => `\t\t\t\t- ${l}`).join('\n')}\n`;
  return `${result}${kinds.map((k) => (k.lines.length === 1 ? `\n\t\t\t${k.lines[0] ?? ''}` : `\n\t\t\t${k.kind} list:\n${k.lines.map((l) => `\t\t\t\t- ${l}`).join('\n')}`)).join('')}`;
}
