/**
 * The bench's one table: figure | measured | goal | ratio to the floor | met? — the goals are
 * issue 15's, the ratio is shown where the issue defines the goal against the floor. Each figure
 * is the median over the runs (fresh processes) of that run's value (its p50 or p95 where the
 * figure is a distribution). Printed, never asserted.
 */
import { median } from './stats';

/** Per-run values by figure key. */
export class Figures {
  private readonly values = new Map<string, number[]>();

  add(key: string, value: number): void {
    const xs = this.values.get(key) ?? [];
    xs.push(value);
    this.values.set(key, xs);
  }

  /** The median over runs, NaN when never measured. */
  get(key: string): number {
    return median(this.values.get(key) ?? []);
  }

  has(key: string): boolean {
    return (this.values.get(key)?.length ?? 0) > 0;
  }
}

type Unit = 'ms' | 'MB';

interface Row {
  readonly figure: string;
  /** Keys shown as "a / b" (p50 / p95); the last one is judged. */
  readonly keys: readonly string[];
  readonly unit: Unit;
  readonly goal?: string;
  /** The floor figure this one is a multiple of (its key). */
  readonly floor?: string;
  /** Goal met, from the judged value and its ratio to the floor. */
  readonly met?: (value: number, ratio: number) => boolean;
}

const show = (v: number, unit: Unit): string => {
  if (!Number.isFinite(v)) return 'n/a';
  if (unit === 'MB') return `${v.toFixed(0)} MB`;
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`;
};

function rows(): Row[] {
  const p95 = (ms: number) => (v: number) => v <= ms;
  const half = (_v: number, ratio: number): boolean => ratio <= 0.5;
  const out: Row[] = [];
  for (const size of ['medium', 'large', 'huge']) {
    out.push({ figure: `floor: yaml parseAllDocuments, every file, ${size}`, keys: [`floor.ms.${size}`], unit: 'ms' });
    out.push({ figure: `floor: heap the yaml trees hold, ${size}`, keys: [`floor.heap.${size}`], unit: 'MB' });
  }
  for (const size of ['medium', 'large', 'huge']) {
    out.push({
      figure: `initial index → every file's diagnostics, ${size}`,
      keys: [`index.${size}`],
      unit: 'ms',
      floor: `floor.ms.${size}`,
      ...(size === 'large' ? { goal: '≤ 0.5 × floor', met: half } : {}),
    });
  }
  for (const size of ['medium', 'large', 'huge']) {
    const goal = size === 'large' ? { goal: '≤ 250 MB', met: p95(250) } : {};
    out.push({ figure: `server RSS after indexing, ${size}`, keys: [`rss.index.${size}`], unit: 'MB', ...goal });
    out.push({ figure: `server RSS after the edits (100 unless --edits), ${size}`, keys: [`rss.edits.${size}`], unit: 'MB', ...(size === 'large' ? { goal: '≤ 250 MB', met: p95(250) } : {}) });
    out.push({ figure: `server growth while editing (after edits − after indexing), ${size}`, keys: [`rss.growth.${size}`], unit: 'MB', ...(size === 'large' ? { goal: 'flat (≤ 10 MB)', met: p95(10) } : {}) });
    out.push({ figure: `server peak RSS (VmHWM), ${size}`, keys: [`rss.peak.${size}`], unit: 'MB' });
  }
  for (const size of ['medium', 'large']) {
    out.push({ figure: `edit → its file's diagnostics, end to end, ${size}, p50 / p95`, keys: [`edit.p50.${size}`, `edit.p95.${size}`], unit: 'ms', goal: 'p95 ≤ 120 ms', met: p95(120) });
  }
  for (const size of ['medium', 'large']) {
    out.push({
      figure: `server CPU per edit (didChange → run done), ${size}, p50 / p95`,
      keys: [`cpu.p50.${size}`, `cpu.p95.${size}`],
      unit: 'ms',
      goal: 'p95 ≤ 20 ms, same at every size',
      met: p95(20),
    });
  }
  out.push({ figure: 'label edit in a workload → unopened policy file, large, p50 / p95', keys: ['label.p50.large', 'label.p95.large'], unit: 'ms', goal: 'p95 ≤ 150 ms', met: p95(150) });
  out.push({ figure: 'label edit in a workload → unopened policy file, medium, p50 / p95', keys: ['label.p50.medium', 'label.p95.medium'], unit: 'ms' });
  out.push({ figure: 'keystroke in the 5.3 MB file → diagnostics, p50 / p95', keys: ['keystroke.p50.huge', 'keystroke.p95.huge'], unit: 'ms', goal: 'p95 ≤ 100 ms', met: p95(100) });
  out.push({ figure: 'server CPU per keystroke there (burst ÷ 20), p50 / p95', keys: ['keystroke.cpu.p50.huge', 'keystroke.cpu.p95.huge'], unit: 'ms', goal: '∝ the document, not the file' });
  out.push({ figure: 'restored session (30 opens): active = last opened → diagnostics', keys: ['restore.last.large'], unit: 'ms', goal: '≤ 0.5 s', met: p95(500) });
  out.push({ figure: 'restored session (30 opens): first opened → diagnostics', keys: ['restore.first.large'], unit: 'ms' });
  out.push({ figure: 'CLI check, large: time', keys: ['cli.ms.large'], unit: 'ms', floor: 'floor.ms.large', goal: '≤ 0.5 × floor', met: half });
  out.push({ figure: 'CLI check, large: peak RSS', keys: ['cli.rss.large'], unit: 'MB', goal: '≤ 250 MB', met: p95(250) });
  for (const size of ['medium', 'large']) {
    out.push({ figure: `hover (workload name, policy podSelector), ${size}, p50 / p95`, keys: [`hover.p50.${size}`, `hover.p95.${size}`], unit: 'ms', goal: 'p95 ≤ 10 ms', met: p95(10) });
  }
  return out;
}

export function renderTable(figures: Figures): string {
  const lines = ['| figure | measured | goal | ratio to floor | met? |', '|---|---|---|---|---|'];
  for (const row of rows()) {
    if (!row.keys.some((k) => figures.has(k))) continue;
    const values = row.keys.map((k) => figures.get(k));
    const judged = values[values.length - 1] ?? NaN;
    const floor = row.floor === undefined ? NaN : figures.get(row.floor);
    const ratio = judged / floor;
    const met = row.met === undefined || !Number.isFinite(judged) ? '' : row.met(judged, ratio) ? 'yes' : 'no';
    const ratioText = Number.isFinite(ratio) ? `${ratio.toFixed(2)} ×` : '';
    lines.push(`| ${row.figure} | ${values.map((v) => show(v, row.unit)).join(' / ')} | ${row.goal ?? ''} | ${ratioText} | ${met} |`);
  }
  return lines.join('\n');
}
