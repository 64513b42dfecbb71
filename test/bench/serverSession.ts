/**
 * One fresh bundled server (dist/server.js over stdio) as the bench drives it: started on a
 * workspace, with the moments the bench waits for — diagnostics of a version, the end of a
 * diagnostics run (the `netpolLens/status` "ready" the publisher sends when a run completes) —
 * and the process's CPU time and memory read from /proc.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-protocol';
import { STATUS_NOTIFICATION } from '../../shared/src/protocol';
import { LspTestClient } from '../support/lspClient';
import { cpuMs, peakRssMb, rssMb } from './procStats';

export class ServerSession {
  private constructor(readonly client: LspTestClient) {}

  static async start(dir: string, settings: Record<string, unknown>, execArgv: readonly string[]): Promise<ServerSession> {
    return new ServerSession(await LspTestClient.start(dir, { settings, execArgv }));
  }

  get pid(): number {
    return this.client.process.pid ?? -1;
  }

  cpuMs(): number {
    return cpuMs(this.pid);
  }

  memory(): { rssMb: number; peakRssMb: number } {
    return { rssMb: rssMb(this.pid), peakRssMb: peakRssMb(this.pid) };
  }

  /** A mark to wait for the end of a run that starts after it. */
  mark(): number {
    return this.client.notifications.length;
  }

  /** Resolves when a diagnostics run that began after `mark` has completed (a "ready" status after it). */
  runEnd(mark: number, timeoutMs: number): Promise<void> {
    const n = this.client.notifications;
    let from = mark;
    return this.client.waitFor(
      'the end of a diagnostics run',
      () => {
        for (; from < n.length; from++) {
          const x = n[from];
          if (x?.method === STATUS_NOTIFICATION && (x.params as { state: string }).state === 'ready') return true;
        }
        return false;
      },
      timeoutMs,
    );
  }

  /** Resolves when diagnostics for `version` of the open `uri` have been published. */
  diagnosticsFor(uri: string, version: number, timeoutMs: number): Promise<void> {
    return this.client.waitFor(`diagnostics of ${uri} version ${version}`, () => this.client.diagnostics.get(uri)?.version === version, timeoutMs);
  }

  /** Replace [start, end) of `text` with `insert` as one or more incremental changes (offsets into `text`, applied back to front). */
  edit(uri: string, text: string, edits: readonly { start: number; end: number; insert: string }[]): number {
    const doc = TextDocument.create(uri, 'yaml', 0, text);
    const changes: { range: Range; text: string }[] = [...edits]
      .sort((a, b) => b.start - a.start)
      .map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.insert }));
    return this.client.changeRanges(uri, changes);
  }

  /** `exitGraceMs`: how long the server may take to exit (writing a CPU profile takes a while). */
  stop(exitGraceMs?: number): Promise<void> {
    return this.client.stop(exitGraceMs);
  }
}
