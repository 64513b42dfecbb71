/**
 * Listing lines in a comparable form: address ranges that touch and have the same connections
 * for the same workload and direction are merged (netpol-analyzer cuts the address space at every
 * ipBlock boundary of the whole input; we may cut it elsewhere), and the lines are sorted.
 */
import { formatAddress, parseCidr, type IpFamily } from '../../server/src/engine/cidr';

const ADDRESS = /^(.+)-(.+)\[External\]$/;

interface AddressLine {
  readonly key: string;
  readonly family: IpFamily;
  readonly from: bigint;
  readonly to: bigint;
  readonly render: (range: string) => string;
}

function parseAddress(text: string): { family: IpFamily; value: bigint } | undefined {
  const r = parseCidr(`${text}/${text.includes(':') ? 128 : 32}`);
  return r.ok ? { family: r.cidr.family, value: r.cidr.address } : undefined;
}

export function normalizeListing(lines: readonly string[]): string[] {
  const plain: string[] = [];
  const ranged: AddressLine[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^(.*) => (.*) : (.*)$/.exec(line);
    if (!m) {
      plain.push(line);
      continue;
    }
    const [, src = '', dst = '', conns = ''] = m;
    const sm = ADDRESS.exec(src);
    const dm = ADDRESS.exec(dst);
    const am = sm ?? dm;
    const from = am ? parseAddress(am[1] ?? '') : undefined;
    const to = am ? parseAddress(am[2] ?? '') : undefined;
    if (!am || !from || !to) {
      plain.push(line);
      continue;
    }
    const render = sm ? (r: string): string => `${r}[External] => ${dst} : ${conns}` : (r: string): string => `${src} => ${r}[External] : ${conns}`;
    const key = sm ? `in|${dst}|${conns}` : `out|${src}|${conns}`;
    ranged.push({ key: `${key}|${from.family}`, family: from.family, from: from.value, to: to.value, render });
  }
  ranged.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: AddressLine[] = [];
  for (const r of ranged) {
    const last = merged[merged.length - 1];
    if (last && last.key === r.key && r.from <= last.to + 1n) {
      merged[merged.length - 1] = { ...last, to: r.to > last.to ? r.to : last.to };
    } else merged.push(r);
  }
  const out = [...plain, ...merged.map((r) => r.render(`${formatAddress(r.family, r.from)}-${formatAddress(r.family, r.to)}`))];
  return [...new Set(out)].sort();
}
