/**
 * Quick fixes and fix-all through the bundled server: the fix comes from the diagnostic's data,
 * applies to the current text, and the diagnostic goes away.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, applyWorkspaceEdit as apply, uriOf } from '../support/lspClient';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
  - ports:
    - protocol: tcp   # the API server only knows TCP, UDP and SCTP
      port: 80
    - protocol: Udp
      port: 53
`;


describe('code actions over LSP', () => {
  let dir: string;
  let client: LspTestClient;
  let uri: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-ca-'));
    writeFileSync(join(dir, 'policy.yaml'), POLICY);
    client = await LspTestClient.start(dir);
    await client.waitForReady();
    uri = uriOf(join(dir, 'policy.yaml'));
    client.open(uri, POLICY);
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const protocolDiagnostics = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.code === 'protocol-invalid');

  it('offers the fix carried by the diagnostic, and applying it clears the diagnostic', async () => {
    const ds = protocolDiagnostics(await client.diagnosticsOf(uri, (d) => protocolDiagnostics(d).length === 2));
    const first = ds[0] as Diagnostic;
    assert.equal(first.range.start.line, 10);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, `no preferred fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.kind, 'quickfix');
    const fixed = apply(POLICY, fix.edit, uri);
    assert.match(fixed, /protocol: TCP {3}# the API server only knows TCP, UDP and SCTP/);
    const version = client.change(uri, fixed);
    await client.waitFor('one protocol diagnostic left', () => {
      const p = client.diagnostics.get(uri);
      return p?.version === version && protocolDiagnostics(p.diagnostics).length === 1;
    });
  });

  it('ignores a stale diagnostic computed on another text', async () => {
    const stale = { ...(protocolDiagnostics(client.diagnostics.get(uri)?.diagnostics ?? [])[0] as Diagnostic) };
    stale.data = { ...(stale.data as object), textHash: 'deadbeef:1' };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: stale.range,
      context: { diagnostics: [stale], only: ['quickfix'] },
    });
    assert.deepEqual(actions, []);
  });

  it('source.fixAll.netpolLens applies every safe fix in one edit', async () => {
    client.change(uri, POLICY);
    await client.diagnosticsOf(uri, (d) => protocolDiagnostics(d).length === 2, 'both protocol diagnostics again');
    const actions = await client.fixAllActions(uri);
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.netpolLens');
    assert.ok(fixAll, 'no fix-all action');
    const fixed = apply(POLICY, fixAll.edit, uri);
    assert.match(fixed, /protocol: TCP/);
    assert.match(fixed, /protocol: UDP/);
    assert.equal(fixed.split('\n').length, POLICY.split('\n').length, 'fix-all keeps the rest of the file');
  });

  it('the fix-all server command sends a workspace edit to the client', async () => {
    const before = client.appliedEdits.length;
    await client.request('workspace/executeCommand', { command: 'netpolLens.server.fixAll', arguments: [uri] });
    await client.waitFor('workspace/applyEdit', () => client.appliedEdits.length > before);
    const fixed = apply(POLICY, client.appliedEdits[client.appliedEdits.length - 1], uri);
    assert.doesNotMatch(fixed, /protocol: (tcp|Udp)/);
  });
});
