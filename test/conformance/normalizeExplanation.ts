/**
 * netpol-analyzer's explanation text in a comparable form (see ../shared/conformance/README.md,
 * netpol-analyzer-explain/): per pair, its classes — allowed or denied, the ports (per protocol),
 * and per direction the verdict and the rule lines (address ranges in rule lines written
 * `<address>`) — sorted into one canonical text. System-default lines are pairs with one class
 * allowed on everything by the default on both sides. Pairs with an address end are merged with
 * touching ranges of the same workload and direction whose canonical text is the same. Blank
 * lines and TAB/space differences in indentation are ignored.
 */
import { formatAddress, parseCidr, type IpFamily } from '../../server/src/engine/cidr';
import { PortSet } from '../../server/src/engine/portSet';
import type { Protocol } from '../../server/src/engine/types';

const ADDRESS = /(\d+\.\d+\.\d+\.\d+)-(\d+\.\d+\.\d+\.\d+)\[External\]/g;
const DEFAULT_RULE = 'the system default (Allow all)';

interface Side {
  result: string;
  lines: string[];
}

interface Class {
  allowed: boolean;
  ports: PortSet;
  egress?: Side;
  ingress?: Side;
}

export function parseProtocols(text: string): PortSet | undefined {
  const ranges: Partial<Record<Protocol, [number, number][]>> = {};
  // "TCP:[1-79,81-65535], UDP, SCTP": split on ", " outside brackets.
  for (const part of text.split(/, (?![^[]*\])/)) {
    const m = /^(TCP|UDP|SCTP)(?::\[([0-9,-]+)\])?$/.exec(part.trim());
    if (!m) return undefined;
    const protocol = m[1] as Protocol;
    const list = m[2] === undefined ? [[1, 65535] as [number, number]] : m[2].split(',').map((r): [number, number] => {
      const [a, b] = r.split('-').map(Number);
      return [a as number, (b ?? a) as number];
    });
    ranges[protocol] = [...(ranges[protocol] ?? []), ...list];
  }
  return PortSet.fromRanges(ranges);
}

function sideText(s: Side | undefined): string {
  return s ? `${s.result}{${[...new Set(s.lines)].sort().join(' ; ')}}` : '-';
}

function classText(c: Class): string {
  return `${c.allowed ? 'A' : 'D'} ${c.ports.key} E:${sideText(c.egress)} I:${sideText(c.ingress)}`;
}

/** Pair ("src => dst") → canonical text of its classes. */
export function parseExplanation(text: string): Map<string, string> {
  const pairs = new Map<string, Class[]>();
  let current: Class[] | undefined;
  let mode: 'allowed' | 'denied' | undefined;
  let cls: Class | undefined;
  let side: Side | undefined;
  let defaults = false;
  const fail = (line: string): never => {
    throw new Error(`unexpected explanation line: ${JSON.stringify(line)}`);
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (/All Connections due to the system default/.test(line)) defaults = true;
      else if (/Specific connections and their reasons/.test(line)) defaults = false;
      continue;
    }
    if (/^-{20,}$/.test(line)) continue;
    const between = /^Connections between (.+) => (.+):$/.exec(line);
    if (between) {
      current = [];
      pairs.set(`${between[1]} => ${between[2]}`, current);
      mode = undefined;
      cls = undefined;
      side = undefined;
      continue;
    }
    if (defaults) {
      const m = /^(.+) => (.+)$/.exec(line);
      if (!m) fail(line);
      const all = PortSet.all();
      const def = (): Side => ({ result: 'Allowed', lines: [DEFAULT_RULE] });
      pairs.set(`${m?.[1]} => ${m?.[2]}`, [{ allowed: true, ports: all, egress: def(), ingress: def() }]);
      continue;
    }
    if (line === 'Allowed connections:' || line === 'Denied connections:') {
      mode = line.startsWith('Allowed') ? 'allowed' : 'denied';
      continue;
    }
    const head = /^(Allowed|Denied) (.+?) due to (the following policies and rules:|the system default \(Allow all\))$/.exec(line);
    if (head && mode && current) {
      const ports = parseProtocols(head[2] as string) ?? fail(line);
      cls = { allowed: head[1] === 'Allowed', ports };
      current.push(cls);
      side = undefined;
      if (head[3] !== 'the following policies and rules:') {
        cls.egress = { result: 'Allowed', lines: [DEFAULT_RULE] };
        cls.ingress = { result: 'Allowed', lines: [DEFAULT_RULE] };
      }
      continue;
    }
    const dir = /^(Egress|Ingress) \((Allowed|Denied)\)( due to the system default \(Allow all\))?$/.exec(line);
    if (dir && cls) {
      side = { result: dir[2] as string, lines: dir[3] ? [DEFAULT_RULE] : [] };
      if (dir[1] === 'Egress') cls.egress = side;
      else cls.ingress = side;
      continue;
    }
    if (side && /^[A-Za-z]+ list:$/.test(line)) continue;
    if (side) {
      side.lines.push(line.replace(/^- /, '').replace(ADDRESS, '<address>'));
      continue;
    }
    fail(line);
  }
  const out = new Map<string, string>();
  for (const [pair, classes] of pairs) out.set(pair, classes.map(classText).sort().join('\n'));
  return mergeAddresses(out);
}

function parseAddress(text: string): { family: IpFamily; value: bigint } | undefined {
  const r = parseCidr(`${text}/32`);
  return r.ok ? { family: r.cidr.family, value: r.cidr.address } : undefined;
}

/** Touching address ranges with the same workload, direction and explanation become one pair. */
function mergeAddresses(pairs: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const ranged: { key: string; from: bigint; to: bigint; render: (r: string) => string; text: string }[] = [];
  for (const [pair, text] of pairs) {
    const [src = '', dst = ''] = pair.split(' => ');
    const sm = /^(.+)-(.+)\[External\]$/.exec(src);
    const dm = /^(.+)-(.+)\[External\]$/.exec(dst);
    const m = sm ?? dm;
    const from = m ? parseAddress(m[1] as string) : undefined;
    const to = m ? parseAddress(m[2] as string) : undefined;
    if (!m || !from || !to) {
      out.set(pair, text);
      continue;
    }
    const key = sm ? `in|${dst}|${text}` : `out|${src}|${text}`;
    ranged.push({ key, from: from.value, to: to.value, text, render: sm ? (r) => `${r}[External] => ${dst}` : (r) => `${src} => ${r}[External]` });
  }
  ranged.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: typeof ranged = [];
  for (const r of ranged) {
    const last = merged[merged.length - 1];
    if (last && last.key === r.key && r.from <= last.to + 1n) merged[merged.length - 1] = { ...last, to: r.to > last.to ? r.to : last.to };
    else merged.push(r);
  }
  for (const r of merged) out.set(r.render(`${formatAddress('ipv4', r.from)}-${formatAddress('ipv4', r.to)}`), r.text);
  return out;
}
