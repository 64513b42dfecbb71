/**
 * What a user does, played against one server session; each returns raw samples (ms).
 * Every edit is sent as incremental changes, as VS Code sends them, and the diagnostics server
 * only publishes what changed, so every scenario makes its edits change the diagnostics.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { uriOf } from '../support/lspClient';
import { random } from './prng';
import type { ServerSession } from './serverSession';

/** Only so that a server that never answers does not hang the bench: a busy machine takes minutes. */
const WAIT_MS = 900_000;

/** Open a file as it is on disk and wait for the run the open starts. */
export async function openAndSettle(s: ServerSession, path: string): Promise<{ uri: string; text: string }> {
  const uri = uriOf(path);
  const text = readFileSync(path, 'utf8');
  const mark = s.mark();
  s.client.open(uri, text);
  await s.runEnd(mark, WAIT_MS);
  return { uri, text };
}

export interface EditSamples {
  /** didChange sent → the edited file's diagnostics for that version received. */
  readonly endToEnd: number[];
  /** CPU time of the server process (all threads) from the didChange to the end of its run. */
  readonly serverCpu: number[];
}

/**
 * `count` edits in one open file, one keystroke each and one at a time (each waits for its run to
 * end), in a cycle of four: the value of the first `replicas: ` turns into `[` (a syntax error:
 * the workload leaves the analysis) and back; the first policy port `http` loses its last letter
 * (a named port no container declares) and gets it back.
 */
export async function editLoop(s: ServerSession, path: string, count: number): Promise<EditSamples> {
  const { uri, text } = await openAndSettle(s, path);
  const replicas = text.indexOf('replicas: ') + 'replicas: '.length;
  const portLine = text.indexOf('\n      port: http\n', text.indexOf('kind: NetworkPolicy'));
  if (replicas < 'replicas: '.length || portLine < 0) throw new Error(`${path} has no replicas: or policy port http to edit`);
  const port = portLine + '\n      port: htt'.length;
  const cycle = [
    { start: replicas, end: replicas + 1, insert: '[' },
    { start: replicas, end: replicas + 1, insert: text.charAt(replicas) },
    { start: port, end: port + 1, insert: '' },
    { start: port, end: port, insert: 'p' },
  ];
  let current = text;
  const endToEnd: number[] = [];
  const serverCpu: number[] = [];
  for (let i = 0; i < count; i++) {
    const edit = cycle[i % cycle.length] as (typeof cycle)[number];
    const mark = s.mark();
    const cpu0 = s.cpuMs();
    const t0 = performance.now();
    const version = s.edit(uri, current, [edit]);
    current = current.slice(0, edit.start) + edit.insert + current.slice(edit.end);
    await s.diagnosticsFor(uri, version, WAIT_MS);
    endToEnd.push(performance.now() - t0);
    await s.runEnd(mark, WAIT_MS);
    serverCpu.push(s.cpuMs() - cpu0);
  }
  return { endToEnd, serverCpu };
}

/**
 * Relabel a workload (every `app: <label>` line of its file) and back, `count` times: the policy
 * in another, unopened file then selects nothing, then its pods again. Time to that file's change.
 */
export async function labelEdits(s: ServerSession, workloadFile: string, policyFile: string, label: string, count: number): Promise<number[]> {
  const { uri, text } = await openAndSettle(s, workloadFile);
  const policyUri = uriOf(policyFile);
  const needle = `app: ${label}\n`;
  const at: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) at.push(i + needle.length - 1);
  const selectsNothing = (): boolean => (s.client.diagnostics.get(policyUri)?.diagnostics ?? []).some((d: Diagnostic) => d.code === 'policy-selects-nothing');
  if (selectsNothing()) throw new Error(`${policyFile} selects nothing before the edit`);
  const samples: number[] = [];
  let current = text;
  for (let i = 0; i < count; i++) {
    const relabel = i % 2 === 0;
    // Insert "-renamed" at the end of each label value, or take it out again.
    const edits = relabel
      ? at.map((p) => ({ start: p, end: p, insert: '-renamed' }))
      : at.map((p, k) => ({ start: p + k * 8, end: p + k * 8 + 8, insert: '' }));
    const mark = s.mark();
    const t0 = performance.now();
    s.edit(uri, current, edits);
    current = relabel ? text.split(needle).join(`app: ${label}-renamed\n`) : text;
    await s.client.waitFor('the policy file to change', () => selectsNothing() === relabel, WAIT_MS);
    samples.push(performance.now() - t0);
    await s.runEnd(mark, WAIT_MS);
  }
  return samples;
}

/** `count` hovers alternating between a workload's name and a policy's podSelector in `path` (open). */
export async function hovers(s: ServerSession, path: string, count: number): Promise<number[]> {
  const uri = uriOf(path);
  const lines = readFileSync(path, 'utf8').split('\n');
  const lineAfter = (kind: string, prefix: string): number => {
    const k = lines.findIndex((l) => l === `kind: ${kind}`);
    return k < 0 ? -1 : k + lines.slice(k).findIndex((l) => l.startsWith(prefix));
  };
  const targets = [lineAfter('Deployment', '  name: '), lineAfter('NetworkPolicy', '  podSelector:')].filter((l) => l >= 0);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const line = targets[i % targets.length] as number;
    const t0 = performance.now();
    const r = await s.client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
    if (r === null || r === undefined) throw new Error(`no hover at ${path}:${line + 1}`);
    samples.push(performance.now() - t0);
  }
  return samples;
}

/**
 * A restored session: `paths` opened in one burst with unsaved edits (an ipBlock's CIDR with host
 * bits set, so each file's diagnostics change). The active editor is the last one opened (the one
 * VS Code restores focused); also timed, the first. Milliseconds from the first didOpen.
 */
export async function restoredSession(s: ServerSession, paths: readonly string[]): Promise<{ last: number; first: number }> {
  const opened = paths.map((p) => ({ uri: uriOf(p), text: readFileSync(p, 'utf8').replace(/(cidr: \d+\.\d+\.\d+)\.0\//, '$1.1/') }));
  const first = opened[0];
  const last = opened[opened.length - 1];
  if (!first || !last) throw new Error('no files to restore');
  const t0 = performance.now();
  const timed = (uri: string): Promise<number> => s.diagnosticsFor(uri, 1, WAIT_MS).then(() => performance.now() - t0);
  for (const f of opened) s.client.open(f.uri, f.text);
  const [lastMs, firstMs] = await Promise.all([timed(last.uri), timed(first.uri)]);
  await Promise.all(opened.map((f) => s.diagnosticsFor(f.uri, 1, WAIT_MS)));
  return { last: lastMs, first: firstMs };
}

export interface KeystrokeSamples {
  /** Last keystroke of a burst sent → diagnostics reflecting it received. */
  readonly latency: number[];
  /** Server CPU per keystroke: a burst's CPU (first keystroke to the end of its run) ÷ keystrokes. */
  readonly cpuPerKeystroke: number[];
}

/**
 * Typing in a large file like a user: bursts of `perBurst` keystrokes 50–80 ms apart at the end
 * of an ipBlock `cidr:` line near the middle of the file — digits typed (the CIDR turns invalid),
 * then as many backspaces in the next burst (valid again).
 */
export async function keystrokes(s: ServerSession, path: string, bursts: number, perBurst: number): Promise<KeystrokeSamples> {
  const { uri, text } = await openAndSettle(s, path);
  const cidr = text.indexOf('cidr: ', Math.floor(text.length / 2));
  if (cidr < 0) throw new Error(`no cidr: in the second half of ${path}`);
  const line = text.slice(0, cidr).split('\n').length - 1;
  const column = text.indexOf('\n', cidr) - (text.lastIndexOf('\n', cidr) + 1);
  const rnd = random(7);
  const latency: number[] = [];
  const cpuPerKeystroke: number[] = [];
  let typed = 0;
  for (let b = 0; b < bursts; b++) {
    const mark = s.mark();
    const cpu0 = s.cpuMs();
    let version = 0;
    let sent = 0;
    for (let k = 0; k < perBurst; k++) {
      if (k > 0) await delay(50 + rnd.int(31));
      const typing = b % 2 === 0;
      const character = column + typed;
      version = typing
        ? s.client.changeRanges(uri, [{ range: { start: { line, character }, end: { line, character } }, text: String((k + 1) % 10) }])
        : s.client.changeRanges(uri, [{ range: { start: { line, character: character - 1 }, end: { line, character } }, text: '' }]);
      typed += typing ? 1 : -1;
      sent = performance.now();
    }
    await s.diagnosticsFor(uri, version, WAIT_MS);
    latency.push(performance.now() - sent);
    await s.runEnd(mark, WAIT_MS);
    cpuPerKeystroke.push((s.cpuMs() - cpu0) / perBurst);
  }
  return { latency, cpuPerKeystroke };
}
