/**
 * Stops a process and everything it started: SIGTERM to its process group and descendants, wait,
 * then SIGKILL what is left (code-server's file watcher sometimes outlives it). A zombie still
 * answers kill(pid, 0), so liveness is read from /proc/<pid>/stat.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pollUntil } from './pollUntil';

function stat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '?', ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  const s = stat(pid);
  return s !== undefined && s.state !== 'Z' && s.state !== 'X';
}

export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const c of children.get(queue.shift() as number) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** `pid` must lead its own process group (spawned with `detached: true`). */
export async function stopProcessTree(pid: number, graceMs = 5_000): Promise<void> {
  const tree = [pid, ...descendants(pid)];
  signal(-pid, 'SIGTERM');
  for (const p of tree) signal(p, 'SIGTERM');
  try {
    await pollUntil('the process tree to exit', () => (tree.some(isAlive) ? undefined : true), graceMs);
  } catch {
    signal(-pid, 'SIGKILL');
    for (const p of tree) if (isAlive(p)) signal(p, 'SIGKILL');
  }
}
