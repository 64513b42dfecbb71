/**
 * The bundled server (dist/server.js) over stdio, as any LSP client sees it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';

const fixture = join(__dirname, '..', 'fixtures', 'lsp', 'basic');
const rules = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code)).sort();

describe('language server over stdio', () => {
  let dir: string;
  let client: LspTestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-lsp-'));
    cpSync(fixture, dir, { recursive: true });
    // Binary and oversized files are made here rather than committed.
    writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x00, 0xff, 0xfe, 0x0a]));
    writeFileSync(join(dir, 'huge.yaml'), 'apiVersion: v1\nkind: ConfigMap\ndata:\n' + '  k: "x"\n'.repeat(400_000));
    client = await LspTestClient.start(dir);
    await client.waitForReady();
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics for files that were never opened', async () => {
    const ds = await client.diagnosticsOf(uriOf(join(dir, 'broken.yaml')), (d) => d.length > 0);
    assert.deepEqual(rules(ds), ['yaml-syntax']);
    const d = ds[0] as Diagnostic;
    assert.equal(d.source, 'netpol-lens');
    assert.match(String(d.codeDescription?.href), /docs\/rules\/yaml-syntax\.md$/);
  });

  it('stays silent on workflows, compose files, Helm templates, binary and huge files', () => {
    for (const name of ['workflow.yml', 'compose.yaml', 'chart/templates/policy.yaml', 'binary.yaml', 'huge.yaml', 'manifest.json']) {
      const published = client.diagnostics.get(uriOf(join(dir, name)))?.diagnostics ?? [];
      assert.deepEqual(published, [], `${name} should have no diagnostics`);
    }
  });

  it('re-analyses an edited document and drops stale results', async () => {
    const uri = uriOf(join(dir, 'broken.yaml'));
    client.open(uri, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: a\n');
    // Two quick edits: only the last version's diagnostics may arrive.
    client.change(uri, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: a\n');
    const version = client.change(uri, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: a}\n');
    await client.waitFor('clean diagnostics for the last version', () => {
      const p = client.diagnostics.get(uri);
      return p?.version === version && p.diagnostics.length === 0;
    });
    client.close(uri);
    // Closing without saving: the disk text (still broken) applies again.
    await client.diagnosticsOf(uri, (d) => d.length === 1, 'disk diagnostics after close');
  });

  it('picks up files created on disk through watched-file events', async () => {
    const path = join(dir, 'new.yaml');
    writeFileSync(path, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: [x\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 1 }] });
    const ds = await client.diagnosticsOf(uriOf(path), (d) => d.length > 0);
    assert.deepEqual(rules(ds), ['yaml-syntax']);
    rmSync(path);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 3 }] });
    await client.diagnosticsOf(uriOf(path), (d) => d.length === 0, 'cleared diagnostics after delete');
  });

  it('sends a status notification with the counts for the status bar', () => {
    const status = client.lastStatus();
    assert.ok(status, 'no netpolLens/status notification');
    assert.equal(status.state, 'ready');
    assert.ok(status.errors >= 1);
  });
});
