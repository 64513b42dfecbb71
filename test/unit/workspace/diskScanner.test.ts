/** The server's initial scan: every manifest under the folders, read in batches handed over in path order. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { scanFolders, type ScanBatch } from '../../../server/src/workspace/diskScanner';
import { fileUri } from '../../../server/src/workspace/loadFolder';

describe('scanFolders', () => {
  it('hands over every manifest in batches, in path order, with the progress so far; skips what the settings leave out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-scan-'));
    for (const sub of ['apps/web', 'apps/api', 'node_modules/x']) mkdirSync(join(dir, sub), { recursive: true });
    const files = ['apps/api/np.yaml', 'apps/web/a.yml', 'apps/web/b.json', 'ns.yaml', 'z.yaml'];
    for (const f of files) writeFileSync(join(dir, f), `# ${f}\n`);
    writeFileSync(join(dir, 'README.md'), 'not a manifest');
    writeFileSync(join(dir, 'node_modules/x/dep.yaml'), 'kind: Ignored\n');
    writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(3 * 1024)}\n`);
    const batches: ScanBatch[] = [];
    const skipped: string[] = [];
    const total = await scanFolders([fileUri(dir)], { ...DEFAULT_SETTINGS, maxFileSizeKb: 2 }, (b) => void batches.push(b), (s) => skipped.push(`${s.path.slice(dir.length + 1)}: ${s.reason}`), 2);
    assert.equal(total, files.length);
    assert.deepEqual(
      batches.map((b) => [b.entries.map((e) => e.uri), b.done, b.total]),
      [
        [[fileUri(join(dir, files[0] as string)), fileUri(join(dir, files[1] as string))], 2, 5],
        [[fileUri(join(dir, files[2] as string)), fileUri(join(dir, files[3] as string))], 4, 5],
        [[fileUri(join(dir, files[4] as string))], 5, 5],
      ],
    );
    assert.deepEqual(batches.flatMap((b) => b.entries.map((e) => e.text)), files.map((f) => `# ${f}\n`));
    assert.deepEqual(skipped, ['huge.yaml: larger than 2 KiB']);
  });

  it('says where a file stops being UTF-8 (kubectl rejects that document)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-scan-'));
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([Buffer.from('a: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const entries: ScanBatch['entries'][number][] = [];
    await scanFolders([fileUri(dir)], DEFAULT_SETTINGS, (b) => void entries.push(...b.entries), () => undefined);
    assert.deepEqual(entries.map((e) => [e.text, e.invalidUtf8At]), [['a: caf\ufffd\n', 6]]);
  });

  it('an empty folder still gets one (empty) batch, so the caller hears the scan is done', async () => {
    const batches: ScanBatch[] = [];
    assert.equal(await scanFolders([fileUri(mkdtempSync(join(tmpdir(), 'netpol-scan-')))], DEFAULT_SETTINGS, (b) => void batches.push(b), () => undefined), 0);
    assert.deepEqual(batches, [{ entries: [], done: 0, total: 0 }]);
  });
});
