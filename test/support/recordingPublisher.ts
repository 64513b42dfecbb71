/**
 * The server's DiagnosticsPublisher over an index, with a connection that only records what was
 * sent: for tests that check a long-lived publisher (which reads only the files an edit can have
 * changed) against what a fresh service computes for every file.
 */
import assert from 'node:assert/strict';
import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { NetpolLensSettings } from '../../shared/src/settings';
import { toDiagnostic } from '../../server/src/handlers/conversions';
import { DiagnosticsPublisher } from '../../server/src/handlers/diagnosticsPublisher';
import { FindingsService } from '../../server/src/service/findingsService';
import type { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

export interface RecordingPublisher {
  readonly publisher: DiagnosticsPublisher;
  /** The latest diagnostics sent per file. */
  readonly sent: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Runs the publisher (as after a change) and waits until it is done. */
  settle(): Promise<void>;
  /** Every file's latest diagnostics are those a fresh service gives (none sent counts as none). */
  assertFresh(step: string): void;
}

export function recordingPublisher(index: WorkspaceIndex, settings: NetpolLensSettings, service: FindingsService): RecordingPublisher {
  const sent = new Map<string, readonly Diagnostic[]>();
  const connection = {
    sendDiagnostics: (p: PublishDiagnosticsParams) => {
      sent.set(p.uri, p.diagnostics);
      return Promise.resolve();
    },
    sendNotification: () => Promise.resolve(),
  } as unknown as Connection;
  const log = { info: () => undefined, error: (m: string) => assert.fail(m) };
  const publisher = new DiagnosticsPublisher(connection, index, service, () => Promise.resolve(settings), log, { debounceMs: 0, sliceMs: 1_000 });
  publisher.setIndexing(false, 0, 0);
  return {
    publisher,
    sent,
    async settle() {
      publisher.schedule(0);
      await publisher.whenIdle();
    },
    assertFresh(step) {
      const manifests = index.manifests;
      const fresh = new FindingsService();
      for (const f of manifests.files()) {
        const expected = fresh.findings(f.uri, manifests, settings).map((x) => toDiagnostic(x, f, manifests));
        assert.deepEqual(sent.get(f.uri) ?? [], expected, `${step}: diagnostics sent for ${f.uri}`);
      }
      for (const [uri, diagnostics] of sent) if (!manifests.getFile(uri)) assert.deepEqual(diagnostics, [], `${step}: ${uri} left the workspace`);
    },
  };
}
