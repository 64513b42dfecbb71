/**
 * A restored session opens many files at once. The file the user looks at must not wait behind
 * the others: the active editor's file (the client's netpolLens/activeDocument notification) gets
 * its diagnostics first; without that notification, the most recently opened file does.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIVE_DOCUMENT_NOTIFICATION, type ActiveDocumentParams } from '../../shared/src/protocol';
import { LspTestClient, uriOf } from '../support/lspClient';

const FILES = 12;

// Host bits set: a warning whose text names the CIDR, so each file's diagnostics change when the editor's text does.
const policy = (i: number, cidr: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p${i}, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{to: [{ipBlock: {cidr: ${cidr}}}]}]\n`;

async function openBurst(active: ((uris: string[]) => string) | undefined): Promise<{ first: string | undefined; uris: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-restore-'));
  const uris: string[] = [];
  for (let i = 0; i < FILES; i++) {
    writeFileSync(join(dir, `p${i}.yaml`), policy(i, '10.0.0.0/8'));
    uris.push(uriOf(join(dir, `p${i}.yaml`)));
  }
  const client = await LspTestClient.start(dir);
  try {
    await client.waitForReady();
    const from = client.publishOrder.length;
    // The editors' texts differ from disk (unsaved edits restored): every file gets new diagnostics.
    uris.forEach((uri, i) => client.open(uri, policy(i, '10.0.0.1/8')));
    if (active) {
      const params: ActiveDocumentParams = { uri: active(uris) };
      void client.connection.sendNotification(ACTIVE_DOCUMENT_NOTIFICATION, params);
    }
    const fresh = (uri: string): boolean => client.diagnostics.get(uri)?.version === 1;
    await client.waitFor('diagnostics of every opened file', () => uris.every(fresh), 20_000);
    return { first: client.publishOrder.slice(from).find((u) => uris.includes(u)), uris };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('restored session: many files opened at once', () => {
  it('sends the active editor\'s file first, though it was opened neither first nor last', async () => {
    const { first, uris } = await openBurst((u) => u[5] as string);
    assert.equal(first, uris[5]);
  });

  it('without the notification, sends the most recently opened file first', async () => {
    const { first, uris } = await openBurst(undefined);
    assert.equal(first, uris[FILES - 1]);
  });
});
