/**
 * `npm run bench` (issue 15): figures, never assertions. Generates the three workspaces from a
 * seed (medium 1,000 files; large 5,000 files / ~25,000 documents / ~34 MB; huge: one ~5.3 MB
 * file of 4,953 documents), then per size and run, each in fresh processes: the floor (the bare
 * `yaml` parse of every file, floor.ts), the real bundled server over stdio (serverRun.ts), and
 * for large the CLI's `check`. Prints one table of medians over the runs (report.ts) and keeps a
 * copy of it in test-output/bench/.
 *
 * Options: --size medium|large|huge|all (default all); --runs N fresh processes (default 3; 1 for
 * a quick look); --edits N edits in the open file (default 100, and a fifth as many label edits;
 * fewer for a quick look, the memory "after the edits" is then after N); --profile (the server
 * writes a CPU profile of its first run per size into test-output/bench/profiles/, the path is
 * printed); --keep (leave the workspaces in test-output/bench/workspaces/).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { runCliCheck, runFloor } from './childRuns';
import { generateMonorepo, type Monorepo } from './monorepo';
import { Figures, renderTable } from './report';
import { runServer, type ServerFigures } from './serverRun';
import { SIZES, type SizeName } from './sizes';
import { percentile } from './stats';

const OUT = join(__dirname, '..', '..', 'test-output', 'bench');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function sizesToRun(): SizeName[] {
  const size = option('size') ?? 'all';
  if (size === 'all') return ['medium', 'large', 'huge'];
  if (size in SIZES) return [size as SizeName];
  throw new Error(`--size must be medium, large, huge or all, not ${size}`);
}

/** The run's p50 and p95 of `xs` as figures `<name>.p50.<size>` and `<name>.p95.<size>`. */
function addPercentiles(figures: Figures, name: string, size: SizeName, xs: readonly number[] | undefined): void {
  if (!xs || xs.length === 0) return;
  figures.add(`${name}.p50.${size}`, percentile(xs, 50));
  figures.add(`${name}.p95.${size}`, percentile(xs, 95));
}

function addServer(figures: Figures, size: SizeName, f: ServerFigures): void {
  figures.add(`index.${size}`, f.indexMs);
  figures.add(`rss.index.${size}`, f.rssAfterIndexMb);
  if (f.rssAfterEditsMb !== undefined) {
    figures.add(`rss.edits.${size}`, f.rssAfterEditsMb);
    figures.add(`rss.growth.${size}`, f.rssAfterEditsMb - f.rssAfterIndexMb);
  }
  if (f.peakRssMb !== undefined) figures.add(`rss.peak.${size}`, f.peakRssMb);
  addPercentiles(figures, 'edit', size, f.edits?.endToEnd);
  addPercentiles(figures, 'cpu', size, f.edits?.serverCpu);
  addPercentiles(figures, 'label', size, f.label);
  addPercentiles(figures, 'hover', size, f.hover);
  addPercentiles(figures, 'keystroke', size, f.keystrokes?.latency);
  addPercentiles(figures, 'keystroke.cpu', size, f.keystrokes?.cpuPerKeystroke);
  if (f.restore) {
    figures.add(`restore.last.${size}`, f.restore.last);
    figures.add(`restore.first.${size}`, f.restore.first);
  }
}

async function main(): Promise<void> {
  const sizes = sizesToRun();
  const runs = Math.max(1, Number(option('runs') ?? 3) || 3);
  const edits = Math.max(4, Number(option('edits') ?? 100) || 100);
  const profile = process.argv.includes('--profile');
  const keep = process.argv.includes('--keep');
  const started = new Date();
  const figures = new Figures();
  const log: string[] = [];
  const say = (line: string): void => {
    console.log(line);
    log.push(line);
  };
  say(`netpol-lens bench ${started.toISOString()}: sizes ${sizes.join(', ')}, ${runs} run(s) each, ${edits} edits; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  mkdirSync(OUT, { recursive: true });
  const measureRun = async (size: SizeName, ws: Monorepo, run: number): Promise<void> => {
    const floor = await runFloor(ws.dir);
    figures.add(`floor.ms.${size}`, floor.ms);
    figures.add(`floor.heap.${size}`, floor.heapMb);
    const profileDir = join(OUT, 'profiles');
    const name = `server-${size}-${started.toISOString().replace(/[:.]/g, '-')}.cpuprofile`;
    if (profile && run === 0) mkdirSync(profileDir, { recursive: true });
    const server = await runServer(size, ws, profile && run === 0 ? { dir: profileDir, name } : undefined, edits, (step) =>
      console.log(`  ${size} run ${run + 1}, server: ${step}`),
    );
    addServer(figures, size, server);
    if (profile && run === 0) say(existsSync(join(profileDir, name)) ? `CPU profile: ${join(profileDir, name)}` : `CPU profile: not written (${readdirSync(profileDir).length} files in ${profileDir})`);
    if (size === 'large') {
      const cli = await runCliCheck(ws.dir);
      figures.add(`cli.ms.${size}`, cli.ms);
      figures.add(`cli.rss.${size}`, cli.peakRssMb);
    }
    say(`${size} run ${run + 1}/${runs}: floor ${(floor.ms / 1000).toFixed(1)} s, index ${(server.indexMs / 1000).toFixed(1)} s`);
  };
  for (const size of sizes) {
    const dir = join(OUT, 'workspaces', size);
    rmSync(dir, { recursive: true, force: true });
    const ws = generateMonorepo(dir, SIZES[size]);
    say(`${size}: ${ws.files} files, ${ws.documents} documents, ${(ws.bytes / 1024 / 1024).toFixed(1)} MiB (${(ws.bytes / 1e6).toFixed(1)} MB)`);
    try {
      for (let run = 0; run < runs; run++) {
        // A run that fails (a server that never answers) costs its figures, not the others'.
        try {
          await measureRun(size, ws, run);
        } catch (error) {
          say(`${size} run ${run + 1}/${runs} failed, its figures are missing: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
        }
      }
    } finally {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  }
  say('');
  const load = loadavg();
  say(`Medians of ${runs} fresh process(es) per figure; times are wall clock on this machine (load average at the end ${load.map((l) => l.toFixed(1)).join(' ')}). Server memory is RSS from /proc (VmRSS, VmHWM), server CPU the sum of its threads' /proc schedstat.`);
  if ((load[2] ?? 0) > availableParallelism()) {
    say(`The machine was busy (15-minute load ${(load[2] ?? 0).toFixed(1)} on ${availableParallelism()} cores): wall-clock figures are inflated by the wait for a core; CPU times much less.`);
  }
  say(renderTable(figures));
  say(`(${((Date.now() - started.getTime()) / 60000).toFixed(1)} min)`);
  const copy = join(OUT, `bench-${started.toISOString().replace(/[:.]/g, '-')}.md`);
  writeFileSync(copy, `${log.join('\n')}\n`);
  console.log(`copy: ${copy}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
