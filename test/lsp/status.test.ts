/**
 * The status notification the VS Code status bar shows: "ready" comes once the whole workspace has
 * been analysed, cross-file rules included, and carries those counts — never a premature
 * "0 errors, 0 warnings" while the first full run is still to come.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspTestClient, uriOf } from '../support/lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;

// Selects app=api, which no workload of shop has: a cross-file warning, known only after indexing.
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
`;

describe('status notification', () => {
  it('says ready once the cross-file findings are published, with their counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-status-'));
    writeFileSync(join(dir, 'deployment.yaml'), DEPLOYMENT);
    writeFileSync(join(dir, 'policy.yaml'), POLICY);
    const policyUri = uriOf(join(dir, 'policy.yaml'));
    const client = await LspTestClient.start(dir);
    try {
      let atFirstReady: { warnings: number; policyDiagnostics: number } | undefined;
      await client.waitFor('the first ready status', () => {
        const status = client.lastStatus();
        if (status?.state !== 'ready') return false;
        atFirstReady ??= { warnings: status.warnings, policyDiagnostics: client.diagnostics.get(policyUri)?.diagnostics.length ?? 0 };
        return true;
      });
      assert.deepEqual(atFirstReady, { warnings: 1, policyDiagnostics: 1 });
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
