/**
 * The server lets the texts of files no editor has open go once they are read, and reads them
 * again from disk when asked (a fix, a hover): a file changed or deleted on disk without a
 * watcher notice is never answered from the text it was indexed from — the server reads it
 * again and publishes what the new text says.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, applyWorkspaceEdit as apply, uriOf } from '../support/lspClient';

const policy = (protocols: readonly string[]): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
  - ports:
${protocols.map((p, i) => `    - protocol: ${p}\n      port: ${80 + i}\n`).join('')}`;

const protocolDiagnostics = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.code === 'protocol-invalid');

describe('a file changed on disk behind the server', () => {
  let dir: string;
  let client: LspTestClient;
  let uri: string;
  let path: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-behind-'));
    path = join(dir, 'policy.yaml');
    writeFileSync(path, policy(['tcp', 'Udp']));
    client = await LspTestClient.start(dir);
    await client.waitForReady();
    uri = uriOf(path);
    await client.diagnosticsOf(uri, (d) => protocolDiagnostics(d).length === 2);
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const fixAll = (): Promise<CodeAction[]> => client.fixAllActions(uri);

  it('fixes an unchanged unopened file from its text read again', async () => {
    const action = (await fixAll()).find((a) => a.kind === 'source.fixAll.netpolLens');
    assert.ok(action, 'no fix-all action');
    assert.equal(apply(policy(['tcp', 'Udp']), action.edit, uri), policy(['TCP', 'UDP']));
  });

  it('offers no fix computed from the old text of a file changed since, reads it again and publishes its findings', async () => {
    // Same length, other text: only the content hash tells.
    writeFileSync(path, policy(['TCP', 'Udp']));
    const actions = await fixAll();
    assert.deepEqual(
      actions.filter((a) => a.kind === 'source.fixAll.netpolLens'),
      [],
    );
    const ds = await client.diagnosticsOf(uri, (d) => protocolDiagnostics(d).length === 1, 'the new text read again');
    assert.equal(protocolDiagnostics(ds)[0]?.range.start.line, 12);
  });

  it('drops the diagnostics of a file deleted since', async () => {
    // Read again once (a text read stays until the reader is done), then deleted.
    unlinkSync(path);
    await fixAll();
    await client.diagnosticsOf(uri, (d) => d.length === 0, 'no diagnostics for the deleted file');
  });
});
