/**
 * The server's DiagnosticsPublisher over an index, with a connection that only records what was
 * sent: for tests that check a long-lived publisher (which reads only the files an edit can have
 * changed) against what a fresh service computes for every file.
 */
import assert from 'node:assert/strict';
import type { Connection, Diagnostic, Position, PublishDiagnosticsParams, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { NetpolLensSettings } from '../../shared/src/settings';
import { toDiagnostic } from '../../server/src/handlers/conversions';
import { DiagnosticsPublisher } from '../../server/src/handlers/diagnosticsPublisher';
import { FindingsService } from '../../server/src/service/findingsService';
import { ALL_RULES } from '../../server/src/rules/registry';
import type { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

export interface RecordingPublisher {
  readonly publisher: DiagnosticsPublisher;
  /** The latest diagnostics sent per file. */
  readonly sent: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Runs the publisher (as after a change) and waits until it is done. */
  settle(): Promise<void>;
  /** Every file's latest diagnostics are those a fresh service gives (none sent counts as none). */
  assertFresh(step: string): void;
  /**
   * Runs the fast publish of the open file `uri` (as after an edit, before the cross-file run) and
   * checks it: the file-scope diagnostics are exactly a fresh service's for the new version, and
   * each cross-file one is one sent before, over the very same text (its range's text then and now),
   * within the new text.
   */
  fast(uri: string, step: string): Promise<void>;
}

const FILE_RULES: ReadonlySet<string> = new Set(ALL_RULES.filter((r) => r.scope === 'file').map((r) => r.id));

/** The text `range` covers in `lines`; fails when a position lies outside the text. */
function textAt(lines: TextDocument, range: Range, what: string): string {
  const at = (p: Position): number => {
    const offset = lines.offsetAt(p);
    assert.deepEqual(lines.positionAt(offset), p, `${what}: position outside the text`);
    return offset;
  };
  return lines.getText().slice(at(range.start), at(range.end));
}

export function recordingPublisher(index: WorkspaceIndex, settings: NetpolLensSettings, service: FindingsService): RecordingPublisher {
  const sent = new Map<string, readonly Diagnostic[]>();
  /** The text each file's latest diagnostics were sent for. */
  const sentFor = new Map<string, string>();
  const connection = {
    sendDiagnostics: (p: PublishDiagnosticsParams) => {
      sent.set(p.uri, p.diagnostics);
      sentFor.set(p.uri, index.manifests.getFile(p.uri)?.text ?? '');
      return Promise.resolve();
    },
    sendNotification: () => Promise.resolve(),
  } as unknown as Connection;
  const log = { info: () => undefined, error: (m: string) => assert.fail(m) };
  const publisher = new DiagnosticsPublisher(connection, index, service, () => Promise.resolve(settings), log, { debounceMs: 0, fastMs: 0, sliceMs: 1_000 });
  publisher.setIndexing(false, 0, 0);
  return {
    publisher,
    sent,
    async settle() {
      publisher.schedule(0);
      await publisher.whenIdle();
    },
    async fast(uri, step) {
      const before = sent.get(uri) ?? [];
      const beforeText = TextDocument.create(uri, 'yaml', 1, sentFor.get(uri) ?? '');
      // As after an edit (the cross-file run is scheduled too): the fast publish alone is checked, then the run goes.
      publisher.scheduleFast(uri);
      await publisher.publishEdited();
      const manifests = index.manifests;
      const file = manifests.getFile(uri);
      assert.ok(file, `${step}: ${uri} is in the workspace`);
      const now = TextDocument.create(uri, 'yaml', 1, file.text);
      const diagnostics = sent.get(uri) ?? [];
      const expected = new FindingsService().findings(uri, manifests, settings).map((x) => toDiagnostic(x, file, manifests));
      const own = (d: Diagnostic): boolean => FILE_RULES.has(String(d.code));
      assert.deepEqual(diagnostics.filter(own), expected.filter(own), `${step}: file-scope diagnostics published fast for ${uri}`);
      for (const d of diagnostics.filter((x) => !own(x))) {
        const what = `${step}: cross-file ${String(d.code)} carried at ${JSON.stringify(d.range)}`;
        const was = before.filter((b) => b.code === d.code && b.message === d.message && b.severity === d.severity && textAt(beforeText, b.range, what) === textAt(now, d.range, what));
        assert.ok(was.length > 0, `${what}: no diagnostic sent before over the same text`);
      }
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
