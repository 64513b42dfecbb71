/**
 * Texts of files no editor has open are let go once their file-scope findings are made, and read
 * again from disk when asked (`model/fileText.ts`): the findings are the same as with every text
 * kept, and a file changed or deleted on disk behind the index's back is never answered from the
 * text the model was made from — it is reported, to be read again.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_SETTINGS, type NetpolLensSettings } from '../../../shared/src/settings';
import { buildFileModel, textInMemory, type FileModel } from '../../../server/src/model/fileModel';
import { StaleTextError, type DiskTexts } from '../../../server/src/model/fileText';
import { ManifestSet } from '../../../server/src/model/manifestSet';
import type { ResolvedFinding } from '../../../server/src/rules/runRules';
import { FindingsService } from '../../../server/src/service/findingsService';
import { kustomizePatchUris } from '../../../server/src/workspace/loadFolder';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { loadFixture } from '../../support/fixtureWorkspace';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A disk in memory, counting reads, recording the files reported stale. */
function memoryDisk(files: Iterable<[string, string]>): { texts: Map<string, string>; stale: string[]; reads: (uri?: string) => number; disk: DiskTexts } {
  const texts = new Map(files);
  const stale: string[] = [];
  const read: string[] = [];
  return {
    texts,
    stale,
    reads: (uri) => read.filter((u) => uri === undefined || u === uri).length,
    disk: {
      read: (uri) => {
        read.push(uri);
        return texts.get(uri);
      },
      onStale: (uri) => stale.push(uri),
    },
  };
}

function allFindings(service: FindingsService, manifests: ManifestSet, settings: NetpolLensSettings): Map<string, ResolvedFinding[]> {
  const uris = [...manifests.files()].map((f) => f.uri);
  // As the server's first run: the file-scope rules while indexing, then the cross-file ones.
  for (const uri of uris) service.findings(uri, manifests, settings, true);
  service.settle(manifests, settings, undefined);
  return new Map(uris.map((uri) => [uri, service.findings(uri, manifests, settings)]));
}

const noRuleFails = (): FindingsService =>
  new FindingsService((rule, error) => {
    throw new Error(`rule ${rule.id} threw: ${String(error instanceof Error ? error.stack : error)}`);
  });

const fixtureRoot = join(__dirname, '../../fixtures');
const fixtures = ['rules', 'fixes'].flatMap((kind) => readdirSync(join(fixtureRoot, kind)).map((name) => join(fixtureRoot, kind, name)));

const ns = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const policy = (port: number): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
  ingress:
  - ports:
    - port: ${port}
`;

describe('texts let go and read again from disk', () => {
  it('gives every rule fixture the findings (fixes included) it gets with every text kept, on the first run and on a run reading texts again', async () => {
    const runs = fixtures.map((path) => {
      const ws = loadFixture(path);
      const { disk, reads } = memoryDisk(ws.files.map((f) => [f.uri, f.model.text]));
      const released = ws.files.map((f) => buildFileModel(f.uri, f.model.text, 1, { disk }));
      const manifests = new ManifestSet(released, 1, kustomizePatchUris(released));
      const expected = allFindings(noRuleFails(), ws.manifests, ws.settings);
      const service = noRuleFails();
      assert.deepEqual(allFindings(service, manifests, ws.settings), expected, path);
      return { path, ws, reads, released, manifests, expected, service };
    });
    // A text read again is held only while its reader runs.
    await nextTurn();
    gc();
    for (const { path, ws, reads, released, manifests, expected, service } of runs) {
      for (const model of released) if (!model.skipped) assert.equal(textInMemory(model), undefined, `${path}: ${model.uri} keeps its text`);
      // Other settings (the same values): every file-scope rule runs again, from texts read again.
      const before = reads();
      assert.deepEqual(allFindings(service, manifests, { ...ws.settings }), expected, `${path}, read again`);
      if (released.some((m) => !m.skipped && m.documents.length > 0)) assert.ok(reads() > before, `${path}: no text was read again`);
    }
  });

  it('never answers from the old text of a file changed or deleted on disk: the read fails, the file is reported, and read again it is indexed anew', () => {
    const a = 'file:///ws/a.yaml';
    const b = 'file:///ws/b.yaml';
    const { texts, stale, disk } = memoryDisk([
      [a, policy(80)],
      [b, ns('shop')],
    ]);
    const index = new WorkspaceIndex(undefined, disk);
    index.setDiskTexts([...texts].map(([uri, text]) => ({ uri, text })));
    const service = new FindingsService();
    allFindings(service, index.manifests, DEFAULT_SETTINGS);
    const old = index.get(a) as FileModel;
    assert.equal(textInMemory(old), undefined);

    // Changed behind the index's back (same length: only the hash tells).
    texts.set(a, policy(81));
    assert.throws(() => old.text, StaleTextError);
    assert.deepEqual(stale, [a]);
    // A run reading the stale text drops that file's answer instead of failing or guessing.
    assert.deepEqual(service.findings(a, index.manifests, { ...DEFAULT_SETTINGS }), []);
    // Read again (as the server does when told), the file is indexed from its new text.
    const renewed = index.setDiskText(a, texts.get(a) as string);
    assert.notEqual(renewed, old);
    assert.equal(renewed.text, policy(81));

    // Deleted behind the index's back: reported too, never a crash.
    texts.delete(b);
    const gone = index.get(b) as FileModel;
    assert.throws(() => gone.text, StaleTextError);
    assert.deepEqual(stale, [a, a, b]);
  });

  it('opening a file reuses its disk model read back (nothing parsed again), keeps the editor text, and gives what a fresh service gives', async () => {
    const uri = 'file:///ws/a.yaml';
    const other = 'file:///ws/b.yaml';
    const { texts, reads, disk } = memoryDisk([
      [uri, `${policy(80)}---\n${ns('shop')}`],
      [other, policy(81)],
    ]);
    const index = new WorkspaceIndex(undefined, disk);
    index.setDiskTexts([...texts].map(([u, text]) => ({ uri: u, text })));
    const service = new FindingsService();
    allFindings(service, index.manifests, DEFAULT_SETTINGS);
    await nextTurn();
    const before = reads(uri);
    const opened = index.openDocument(uri, texts.get(uri) as string, 1);
    assert.equal(reads(uri), before + 1, 'the disk model is read back once');
    assert.equal(opened.parsedDocuments, 0, 'an unchanged file is not parsed again when opened');
    texts.delete(uri);
    const expected = allFindings(new FindingsService(), index.manifests, DEFAULT_SETTINGS);
    assert.deepEqual(allFindings(service, index.manifests, { ...DEFAULT_SETTINGS }), expected);
    assert.equal(textInMemory(opened), `${policy(80)}---\n${ns('shop')}`);
    assert.equal(reads(uri), before + 1, 'nothing read from disk for the open file');

    // A file changed on disk behind the index's back is read whole when opened (never from the old parse).
    await nextTurn();
    texts.set(other, policy(82));
    const reopened = index.openDocument(other, policy(82), 1);
    assert.ok(reopened.parsedDocuments > 0);
    assert.deepEqual(allFindings(service, index.manifests, { ...DEFAULT_SETTINGS }), allFindings(new FindingsService(), index.manifests, DEFAULT_SETTINGS));
  });
});
