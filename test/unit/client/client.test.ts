/**
 * The bundled client (`dist/client.js`, built by `npm test`) with a fake `vscode` module and the
 * real `dist/server.js` over IPC: the status bar follows the server, diagnostics arrive, the
 * restart command works, and a server that keeps crashing is restarted four times, then given up
 * with a message, until the user restarts it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFakeVscode, requireWithVscode, waitFor } from './fakeVscode';

const root = join(__dirname, '..', '..', '..');
const clientBundle = join(root, 'dist', 'client.js');
const serverBundle = join(root, 'dist', 'server.js');

const POLICY = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: web', 'spec:', '  podSelector: {}', '  policyTypes: [Ingress]', '  ingress:', '  - from:', '    - ipBlock:', '        cidr: 10.0.0.1/33', ''].join('\n');

const STARTING = '$(sync~spin) Netpol Lens: starting';
const STOPPED = '$(error) Netpol Lens: stopped';
const ONE_ERROR = '$(shield) Netpol Lens: 1 error, 0 warnings';
const GAVE_UP = /crashed 5 times in the last 3 minutes/;

interface ClientModule {
  activate(context: unknown): void;
}

function workspaceWithPolicy(): { folder: string; policyUri: string } {
  const folder = mkdtempSync(join(tmpdir(), 'netpol-client-ws-'));
  writeFileSync(join(folder, 'policy.yaml'), POLICY);
  return { folder, policyUri: pathToFileURL(join(folder, 'policy.yaml')).href };
}

/** An extension folder whose server runs the real one and exits as soon as the client has initialized it. */
function crashingExtensionRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-client-ext-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(
    join(dir, 'dist', 'server.js'),
    [
      // Crashes once running: a crash in the instant after `initialized` races the client's own
      // start (its next sends fail, and the library stops instead of calling the close handler).
      `process.on('message', (m) => { if (m && m.method === 'initialized') setTimeout(() => process.exit(3), 300); });`,
      `require(${JSON.stringify(serverBundle)});`,
    ].join('\n'),
  );
  return dir;
}

function activate(extensionRoot: string, folder: string) {
  const { vscode, record } = createFakeVscode(folder);
  const { exports, restore } = requireWithVscode(clientBundle, vscode);
  const subscriptions: { dispose(): unknown }[] = [];
  (exports as ClientModule).activate({ subscriptions, extensionPath: extensionRoot, asAbsolutePath: (p: string) => join(extensionRoot, p) });
  const last = () => record.statusTexts[record.statusTexts.length - 1];
  const command = (id: string) => {
    const handler = record.commands.get(id);
    assert.ok(handler, `${id} is registered`);
    return handler();
  };
  const deactivate = async () => {
    await Promise.all(subscriptions.map((s) => s.dispose()));
    restore();
  };
  return { record, last, command, deactivate };
}

describe('VS Code client (fake vscode, real server over IPC)', () => {
  it('shows starting, indexing, then the count of findings, with the diagnostics of unopened files', async () => {
    const { folder, policyUri } = workspaceWithPolicy();
    const client = activate(root, folder);
    try {
      await waitFor(client.record, 'one error in the status bar', () => client.last() === ONE_ERROR);
      // The client converts diagnostics asynchronously: they may land after the status notification.
      await waitFor(client.record, 'the diagnostics of the policy file', () => client.record.diagnostics.has(policyUri));
      assert.equal(client.record.statusTexts[0], STARTING);
      assert.ok(client.record.statusTexts.some((t) => t.startsWith('$(sync~spin) Netpol Lens: indexing')), client.record.statusTexts.join(' → '));
      const messages = client.record.diagnostics.get(policyUri) ?? [];
      assert.equal(messages.length, 1);
      assert.match(messages[0] ?? '', /10\.0\.0\.1\/33/);
      for (const id of ['netpolLens.restartServer', 'netpolLens.showOutput']) assert.ok(client.record.commands.has(id), id);
    } finally {
      await client.deactivate();
    }
  });

  it('restarts the server on command without showing it as stopped', async () => {
    const { folder } = workspaceWithPolicy();
    const client = activate(root, folder);
    try {
      await waitFor(client.record, 'the first analysis', () => client.last() === ONE_ERROR);
      const before = client.record.statusTexts.length;
      await client.command('netpolLens.restartServer');
      await waitFor(client.record, 'the analysis after the restart', () => client.record.statusTexts.length > before && client.last() === ONE_ERROR);
      const during = client.record.statusTexts.slice(before);
      assert.equal(during[0], STARTING);
      assert.ok(!during.includes(STOPPED), during.join(' → '));
      assert.deepEqual(client.record.errorMessages, []);
    } finally {
      await client.deactivate();
    }
  });

  it('restarts a crashing server four times, then gives up with a message until the user restarts it', async () => {
    const { folder } = workspaceWithPolicy();
    const client = activate(crashingExtensionRoot(), folder);
    try {
      await waitFor(client.record, 'the give-up message', () => client.record.errorMessages.some((m) => GAVE_UP.test(m)));
      await waitFor(client.record, 'the stopped status', () => client.last() === STOPPED);
      // One start and four restarts: five times starting.
      assert.equal(client.record.statusTexts.filter((t) => t === STARTING).length, 5);
      assert.equal(client.record.errorMessages.length, 1, client.record.errorMessages.join(' / '));

      // A restart by the user comes with a full budget: four more automatic restarts before giving up again.
      const before = client.record.statusTexts.length;
      await client.command('netpolLens.restartServer');
      await waitFor(client.record, 'the second give-up message', () => client.record.errorMessages.filter((m) => GAVE_UP.test(m)).length === 2);
      assert.equal(client.record.statusTexts.slice(before).filter((t) => t === STARTING).length, 5);
    } finally {
      await client.deactivate();
    }
  });
});
