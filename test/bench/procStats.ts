/**
 * What Linux says about a process, read from /proc without touching it: resident memory now
 * (VmRSS) and at its peak (VmHWM), and the CPU time all its threads have run (the sum of
 * /proc/<pid>/task/<tid>/schedstat, in nanoseconds: finer than the 10 ms ticks of /proc/<pid>/stat).
 */
import { readFileSync, readdirSync } from 'node:fs';

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

export const rssMb = (pid: number): number => statusKb(pid, 'VmRSS') / 1024;
export const peakRssMb = (pid: number): number => statusKb(pid, 'VmHWM') / 1024;

/** CPU milliseconds all threads of `pid` have run so far (NaN once it is gone). */
export function cpuMs(pid: number): number {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended meanwhile: its time is gone with it (helper threads only)
      }
    }
    return ns / 1e6;
  } catch {
    return NaN;
  }
}
