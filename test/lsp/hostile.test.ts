/**
 * The bundled server against files and clients that could hurt it: a 20 MB document open in the
 * editor (one size cap for every file: skipped, said so, and requests keep their answers), and a
 * client that goes away (the server must not outlive it).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
`;

const WORKLOAD = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;

/** A NetworkPolicy of about `mb` megabytes: one ingress rule per line. */
function hugePolicy(mb: number): string {
  const rule = '  - from: [{podSelector: {matchLabels: {app: client}}}]\n    ports: [{port: 8080, protocol: TCP}]\n';
  const count = Math.ceil((mb * 1024 * 1024) / rule.length);
  return `${POLICY}  ingress:\n${rule.repeat(count)}`;
}

function waitForExit(proc: ReturnType<typeof spawn>, timeoutMs: number): Promise<number | null> {
  if (proc.exitCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server still runs ${timeoutMs} ms after its client went away`)), timeoutMs);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('hostile input and clients', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-hostile-'));
    writeFileSync(join(dir, 'policy.yaml'), POLICY);
    writeFileSync(join(dir, 'web.yaml'), WORKLOAD);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a 20 MB document open in the editor is skipped with a message, and hovers are answered at once', async () => {
    const client = await LspTestClient.start(dir);
    try {
      await client.waitForReady();
      const big = uriOf(join(dir, 'big.yaml'));
      const text = hugePolicy(20);
      assert.ok(text.length > 20 * 1024 * 1024);
      const started = performance.now();
      client.open(big, text);
      const onBig = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: big }, position: { line: 4, character: 20 } });
      const onOther = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(join(dir, 'web.yaml')) }, position: { line: 2, character: 18 } });
      const elapsed = performance.now() - started;
      // Not a speed budget (the bench holds those): reading the file took minutes and gigabytes
      // before it was skipped, so a bound ten times what a busy machine needs tells the two apart.
      assert.ok(elapsed < 10_000, `hover answers took ${Math.round(elapsed)} ms`);
      assert.equal(onBig, null, 'a skipped file has no hover');
      assert.ok(onOther, 'other files keep their hovers');
      await client.waitFor('the size message', () => client.notifications.some((n) => n.method === 'window/showMessage'));
      const message = client.notifications.find((n) => n.method === 'window/showMessage')?.params as { type: number; message: string };
      assert.match(message.message, /skips big\.yaml \(2\d\.\d MiB\): it is larger than netpolLens\.maxFileSizeKb \(2048 KiB\)/);
      // Skipped in silence otherwise: no diagnostics for it, and the shutdown is answered.
      assert.deepEqual(client.diagnostics.get(big)?.diagnostics ?? [], []);
    } finally {
      const stopping = performance.now();
      await client.stop();
      assert.ok(performance.now() - stopping < 3000, 'shutdown was answered');
    }
  });

  it('the server exits when the client process of initialize dies', async () => {
    // A stand-in client process: the test keeps the server's pipes open, so only the processId
    // watch can notice that the client is gone.
    const stand = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
    const client = await LspTestClient.start(dir, { processId: stand.pid });
    try {
      await client.waitForReady();
      stand.kill('SIGKILL');
      await waitForExit(client.process, 10_000);
    } finally {
      stand.kill('SIGKILL');
      await client.stop();
    }
  });

  it('the server exits when its input closes', async () => {
    const client = await LspTestClient.start(dir);
    try {
      await client.waitForReady();
      client.process.stdin.end();
      await waitForExit(client.process, 5000);
    } finally {
      await client.stop();
    }
  });
});
