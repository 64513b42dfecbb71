/**
 * One fresh server process on one generated workspace: every figure the issue asks of that size,
 * in one sitting (index, memory, edits, memory again, the cross-file edit, hovers, a restored
 * session; keystrokes for the single large file). With `profileDir`, the server writes a CPU
 * profile there when it exits (`--cpu-prof`).
 */
import type { Monorepo } from './monorepo';
import { ServerSession } from './serverSession';
import { editLoop, hovers, keystrokes, labelEdits, restoredSession } from './serverScenarios';
import type { SizeName } from './sizes';

export interface ServerFigures {
  /** Spawn → the "ready" status of the run after indexing: every file's diagnostics published. */
  indexMs: number;
  rssAfterIndexMb: number;
  rssAfterEditsMb?: number;
  peakRssMb?: number;
  edits?: { endToEnd: number[]; serverCpu: number[] };
  label?: number[];
  hover?: number[];
  restore?: { last: number; first: number };
  keystrokes?: { latency: number[]; cpuPerKeystroke: number[] };
}

export async function runServer(
  size: SizeName,
  ws: Monorepo,
  profile: { dir: string; name: string } | undefined,
  edits: number,
  progress: (step: string) => void,
): Promise<ServerFigures> {
  const execArgv = profile ? ['--cpu-prof', '--cpu-prof-dir', profile.dir, '--cpu-prof-name', profile.name] : [];
  const t0 = performance.now();
  const s = await ServerSession.start(ws.dir, ws.settings, execArgv);
  try {
    await s.client.waitForReady(900_000);
    const figures: ServerFigures = { indexMs: performance.now() - t0, rssAfterIndexMb: s.memory().rssMb };
    progress(`indexed in ${(figures.indexMs / 1000).toFixed(1)} s`);
    if (size === 'huge') {
      figures.keystrokes = await keystrokes(s, ws.editFile, 10, 20);
    } else {
      figures.edits = await editLoop(s, ws.editFile, edits);
      figures.rssAfterEditsMb = s.memory().rssMb;
      progress(`${edits} edits done`);
      figures.label = await labelEdits(s, ws.labelEdit.workloadFile, ws.labelEdit.policyFile, ws.labelEdit.label, Math.max(2, Math.round(edits / 5)));
      figures.hover = await hovers(s, ws.editFile, 50);
      progress('label edits and hovers done');
      if (size === 'large') figures.restore = await restoredSession(s, ws.restoreFiles);
    }
    figures.peakRssMb = s.memory().peakRssMb;
    return figures;
  } finally {
    await s.stop(profile ? 120_000 : undefined);
  }
}
