/** Files that are not UTF-8: kubectl cannot decode them, so the document holding the bad byte gets that error only. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeSettings } from '../../shared/src/settings';
import { WorkspaceAnalysis } from '../../server/src/analysis/workspaceAnalysis';
import { ALL_RULES } from '../../server/src/rules/registry';
import { runRules } from '../../server/src/rules/runRules';
import { decodeUtf8 } from '../../server/src/workspace/decodeUtf8';
import { loadFolder } from '../../server/src/workspace/loadFolder';

describe('decodeUtf8', () => {
  it('finds the first byte that is not UTF-8, as an offset in the decoded text', () => {
    assert.deepEqual(decodeUtf8(Buffer.from('café 中文 \u{1F600}', 'utf8')), { text: 'café 中文 \u{1F600}', invalidUtf8At: undefined });
    const latin1 = Buffer.concat([Buffer.from('中 caf', 'utf8'), Buffer.from([0xe9]), Buffer.from('\n')]);
    assert.deepEqual(decodeUtf8(latin1), { text: '中 caf\ufffd\n', invalidUtf8At: 5 });
    for (const bytes of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xff]]) {
      assert.equal(decodeUtf8(Buffer.concat([Buffer.from('ab'), Buffer.from(bytes)])).invalidUtf8At, 2, bytes.join(' '));
    }
  });

  it('a Latin-1 document gets the decoding error only; the file is read, and its other documents checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-utf8-'));
    const head = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop, labels: {team: caf';
    const tail = '}}\nspec: {podSelector: {matchLabels: {app: Web_}}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: B, namespace: shop}\nspec: {podSelector: {}}\n';
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([Buffer.from(head), Buffer.from([0xe9]), Buffer.from(tail)]));
    const settings = normalizeSettings({});
    const { manifests } = loadFolder([dir], settings);
    const file = [...manifests.files()][0];
    assert.ok(file);
    const found = runRules({ file, manifests, settings, analysis: new WorkspaceAnalysis(manifests, settings) }, ALL_RULES);
    assert.deepEqual(
      found.map((f) => [f.ruleId, file.text.slice(f.start, f.end)]),
      [
        ['yaml-syntax', '\ufffd'],
        ['metadata-name-invalid', 'B'],
        ['policy-types-implicit', 'spec'],
      ],
    );
    assert.match(found[0]?.message ?? '', /not valid UTF-8.*kubectl cannot decode it/);
  });
});
