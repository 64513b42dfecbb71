/**
 * The bench's measurements in processes of their own: the floor (floor.ts in a fresh node) and
 * the CLI's `check` (dist/cli.js), timed from spawn to exit, its peak RSS read from
 * /proc/<pid>/status VmHWM while it runs (polled; the peak only grows, so the last reading before
 * exit is within one poll of it).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FloorFigures } from './floor';
import { peakRssMb } from './procStats';

const ROOT = join(__dirname, '..', '..');

export function runFloor(dir: string): Promise<FloorFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'floor.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as FloorFigures) : reject(new Error(`floor.ts exited with ${code}`))));
  });
}

export interface CliFigures {
  readonly ms: number;
  readonly peakRssMb: number;
}

export function runCliCheck(dir: string): Promise<CliFigures> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let peak = NaN;
    let stderr = '';
    const poll = setInterval(() => {
      const now = peakRssMb(child.pid ?? -1);
      if (Number.isFinite(now)) peak = now;
    }, 20);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      clearInterval(poll);
      // Exit 1 means findings, which a real repository has.
      if (code === 0 || code === 1) resolve({ ms, peakRssMb: peak });
      else reject(new Error(`netpol-lens check exited with ${code}: ${stderr}`));
    });
  });
}
