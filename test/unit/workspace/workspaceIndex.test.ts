/** The workspace index: every file's model, the editor's over the disk's, as one set per change. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';

const ns = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const names = (index: WorkspaceIndex): string[] => index.manifests.objects().map((o) => o.name ?? '');

describe('WorkspaceIndex', () => {
  it('holds every file of an initial scan read in batches, the open editor winning over the disk', () => {
    const index = new WorkspaceIndex();
    index.setDiskTexts([{ uri: 'file:///ws/a.yaml', text: ns('a') }, { uri: 'file:///ws/b.yaml', text: ns('b') }]);
    index.openDocument('file:///ws/c.yaml', ns('c-typed'), 1);
    index.setDiskTexts([{ uri: 'file:///ws/c.yaml', text: ns('c-on-disk') }, { uri: 'file:///ws/d.yaml', text: ns('d') }]);
    assert.deepEqual(names(index), ['a', 'b', 'c-typed', 'd']);
    assert.equal(index.manifests.size, 4);
    // The disk's text is kept (the base of a comparison with git) and applies again when the editor closes.
    assert.deepEqual([...index.diskFiles()].map((f) => f.uri).sort(), ['file:///ws/a.yaml', 'file:///ws/b.yaml', 'file:///ws/c.yaml', 'file:///ws/d.yaml']);
    index.closeDocument('file:///ws/c.yaml');
    assert.deepEqual(names(index), ['a', 'b', 'c-on-disk', 'd']);
  });

  it('gives the same set until something changes, then a newer one; every file read is in the change log', () => {
    const index = new WorkspaceIndex();
    const start = index.changePosition;
    const empty = index.manifests;
    index.setDiskTexts([{ uri: 'file:///ws/a.yaml', text: ns('a') }]);
    index.setDiskTexts([{ uri: 'file:///ws/b.yaml', text: ns('b') }]);
    const scanned = index.manifests;
    assert.ok(scanned.version > empty.version);
    assert.equal(index.manifests, scanned);
    assert.deepEqual([...(index.changedSince(start) as Set<string>)].sort(), ['file:///ws/a.yaml', 'file:///ws/b.yaml']);
    index.removeDiskFile('file:///ws/a.yaml');
    assert.ok(index.manifests.version > scanned.version);
    assert.deepEqual(names(index), ['b']);
  });

  it('a change made right after a batch sees that batch (nothing of the scan is lost)', () => {
    const index = new WorkspaceIndex();
    index.setDiskTexts([{ uri: 'file:///ws/a.yaml', text: ns('a') }]);
    index.setDiskText('file:///ws/b.yaml', ns('b'));
    index.setDiskTexts([{ uri: 'file:///ws/c.yaml', text: ns('c') }]);
    index.changeDocument('file:///ws/a.yaml', ns('a-typed'), 2);
    assert.deepEqual(names(index), ['a-typed', 'b', 'c']);
  });
});
