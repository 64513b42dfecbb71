/**
 * The server's own compute time for the cross-file edit, without the LSP pipe and the debounce:
 * the same WorkspaceIndex, FindingsService and DiagnosticsPublisher the server wires, in this
 * process, with a connection that only records what would be sent. Times, per edit, from the
 * changed text to (a) the policy file's diagnostics being sent and (b) the whole run being done.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { DiagnosticsPublisher } from '../../server/src/handlers/diagnosticsPublisher';
import { FindingsService } from '../../server/src/service/findingsService';
import { fileUri } from '../../server/src/workspace/loadFolder';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import type { GeneratedWorkspace } from './generateWorkspace';

export interface ComputeTimes {
  readonly initialMs: number;
  /** Edit → the policy file's diagnostics sent. */
  readonly policyFile: number[];
  /** Edit → the run over every file finished. */
  readonly wholeRun: number[];
  /** CPU time of this process over the same span (less sensitive to other load than wall time). */
  readonly wholeRunCpu: number[];
}

export async function measureServerCompute(dir: string, ws: GeneratedWorkspace, edits = 20, afterInitial?: () => Promise<void>): Promise<ComputeTimes> {
  const sent: PublishDiagnosticsParams[] = [];
  let onSend = (): void => undefined;
  const connection = {
    sendDiagnostics: (p: PublishDiagnosticsParams) => {
      sent.push(p);
      onSend();
      return Promise.resolve();
    },
    sendNotification: () => Promise.resolve(),
  } as unknown as Connection;
  const index = new WorkspaceIndex();
  const findings = new FindingsService();
  const log = { info: () => undefined, error: (m: string) => console.error(m) };
  const publisher = new DiagnosticsPublisher(connection, index, findings, () => Promise.resolve(DEFAULT_SETTINGS), log, { debounceMs: 0, sliceMs: 15 });

  const t0 = performance.now();
  const entries = readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => ({ uri: fileUri(join(dir, n)), text: readFileSync(join(dir, n), 'utf8') }));
  index.setDiskTexts(entries);
  publisher.setIndexing(false, entries.length, entries.length);
  publisher.schedule(0);
  await publisher.whenIdle();
  const initialMs = performance.now() - t0;
  await afterInitial?.();

  const uri = fileUri(ws.deploymentFile);
  const policyUri = fileUri(ws.policyFile);
  const base = readFileSync(ws.deploymentFile, 'utf8');
  const hasRule = (p: PublishDiagnosticsParams): boolean => p.diagnostics.some((d) => d.code === 'policy-selects-nothing');
  const policyFile: number[] = [];
  const wholeRun: number[] = [];
  const wholeRunCpu: number[] = [];
  for (let i = 0; i < edits; i++) {
    const relabel = i % 2 === 0;
    const text = relabel ? base.split(`app: ${ws.appLabel}\n`).join(`app: ${ws.appLabel}-renamed\n`) : base;
    const policySent = new Promise<number>((resolve) => {
      onSend = () => {
        const last = sent[sent.length - 1];
        if (last?.uri === policyUri && hasRule(last) === relabel) resolve(performance.now());
      };
    });
    const cpu = process.cpuUsage();
    const start = performance.now();
    index.changeDocument(uri, text, i + 2);
    publisher.schedule(0);
    await publisher.whenIdle();
    const done = performance.now();
    const used = process.cpuUsage(cpu);
    const policyAt = await Promise.race([policySent, Promise.resolve(NaN)]);
    if (Number.isNaN(policyAt)) throw new Error(`edit ${i}: the policy file's diagnostics did not change`);
    policyFile.push(policyAt - start);
    wholeRun.push(done - start);
    wholeRunCpu.push((used.user + used.system) / 1000);
  }
  return { initialMs, policyFile, wholeRun, wholeRunCpu };
}
