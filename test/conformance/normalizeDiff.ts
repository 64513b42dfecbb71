/**
 * Diff lines in a comparable form (see ../shared/conformance/README.md, netpol-analyzer-diff/):
 * fields split on ", ", the two connection labels compared by position (renamed ref1/ref2), and
 * address ranges that touch merged when the workload, direction, type, both connection sets and
 * the info are the same. Sorted, without duplicates.
 */
import { formatAddress, parseCidr, type IpFamily } from '../../server/src/engine/cidr';

const ADDRESS = /^(.+)-(.+)\[External\]$/;

interface Ranged {
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

/** Splits a diff line into its fields; undefined when it is not one. */
export function parseDiffLine(line: string): { type: string; src: string; dst: string; ref1: string; ref2: string; info: string } | undefined {
  const fields = line.trim().split(', ');
  const value = (i: number, name?: string): string | undefined => {
    const f = fields[i];
    if (f === undefined) return undefined;
    const colon = f.indexOf(': ');
    if (colon < 0 || (name !== undefined && f.slice(0, colon) !== name)) return undefined;
    return f.slice(colon + 2);
  };
  const type = value(0, 'diff-type');
  const src = value(1, 'source');
  const dst = value(2, 'destination');
  const ref1 = value(3);
  const ref2 = value(4);
  if (type === undefined || src === undefined || dst === undefined || ref1 === undefined || ref2 === undefined) return undefined;
  if (fields.length > 6) return undefined;
  const info = fields.length === 6 ? value(5, 'workloads-diff-info') : '';
  if (info === undefined) return undefined;
  return { type, src, dst, ref1, ref2, info };
}

export function normalizeDiff(lines: readonly string[]): string[] {
  const plain: string[] = [];
  const ranged: Ranged[] = [];
  for (const raw of lines) {
    if (raw.trim() === '' || raw.trim() === 'Connectivity diff:') continue;
    const d = parseDiffLine(raw);
    if (!d) {
      plain.push(raw.trim());
      continue;
    }
    const render = (src: string, dst: string): string =>
      `diff-type: ${d.type}, source: ${src}, destination: ${dst}, ref1: ${d.ref1}, ref2: ${d.ref2}${d.info === '' ? '' : `, workloads-diff-info: ${d.info}`}`;
    const sm = ADDRESS.exec(d.src);
    const dm = ADDRESS.exec(d.dst);
    const am = sm ?? dm;
    const from = am ? parseAddress(am[1] ?? '') : undefined;
    const to = am ? parseAddress(am[2] ?? '') : undefined;
    if (!am || !from || !to) {
      plain.push(render(d.src, d.dst));
      continue;
    }
    const rest = `${d.type}|${d.ref1}|${d.ref2}|${d.info}|${from.family}`;
    ranged.push(
      sm
        ? { key: `in|${d.dst}|${rest}`, family: from.family, from: from.value, to: to.value, render: (r) => render(`${r}[External]`, d.dst) }
        : { key: `out|${d.src}|${rest}`, family: from.family, from: from.value, to: to.value, render: (r) => render(d.src, `${r}[External]`) },
    );
  }
  ranged.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: Ranged[] = [];
  for (const r of ranged) {
    const last = merged[merged.length - 1];
    if (last && last.key === r.key && r.from <= last.to + 1n) merged[merged.length - 1] = { ...last, to: r.to > last.to ? r.to : last.to };
    else merged.push(r);
  }
  const out = [...plain, ...merged.map((r) => r.render(`${formatAddress(r.family, r.from)}-${formatAddress(r.family, r.to)}`))];
  return [...new Set(out)].sort();
}
