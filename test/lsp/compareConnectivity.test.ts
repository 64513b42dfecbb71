/**
 * "Compare connectivity with…" over LSP: a temporary git repository with a commit, a policy edited
 * and a workload added after it; the base text is read with `git show` (as the client reads it
 * through VS Code's git extension) and sent with `netpolLens/compareConnectivity`. The answer is
 * grouped by namespace, each change with the rule behind it and where it is written.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import {
  CLIENT_COMMANDS,
  COMPARE_CONNECTIVITY_REQUEST,
  HEAD_TEXTS_NOTIFICATION,
  type CompareConnectivityParams,
  type CompareConnectivityResult,
  type HeadTextsParams,
} from '../../shared/src/protocol';
import { LspTestClient, uriOf } from '../support/lspClient';
import { backendIngressPolicy, git } from '../support/shopRepository';


const deployment = (name: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: main
          image: example/${name}
`;

const policy = backendIngressPolicy;

/** A repository whose one commit holds frontend, backend and a policy allowing frontend → backend on 8080; then the policy allows 9090 too, saved. */
function repositoryWithSavedChange(prefix: string): string {
  const repo = mkdtempSync(join(tmpdir(), prefix));
  git(repo, 'init', '-q');
  mkdirSync(join(repo, 'deploy'));
  writeFileSync(join(repo, 'deploy', 'apps.yaml'), `${deployment('frontend')}---\n${deployment('backend')}`);
  writeFileSync(join(repo, 'deploy', 'policy.yaml'), policy('        - port: 8080'));
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'initial');
  writeFileSync(join(repo, 'deploy', 'policy.yaml'), policy('        - port: 8080\n        - port: 9090'));
  return repo;
}

describe('compare connectivity over LSP', () => {
  let repo: string;
  let client: LspTestClient;
  before(async () => {
    repo = repositoryWithSavedChange('netpol-compare-');
    writeFileSync(join(repo, 'deploy', 'worker.yaml'), deployment('worker'));
    client = await LspTestClient.start(repo);
    await client.waitForReady();
  });
  after(async () => {
    await client.stop();
    rmSync(repo, { recursive: true, force: true });
  });

  it('groups the changes by namespace, with the rule that opens each and its line', async () => {
    const params: CompareConnectivityParams = {
      baseLabel: 'HEAD',
      files: [
        { uri: uriOf(join(repo, 'deploy', 'policy.yaml')), text: git(repo, 'show', 'HEAD:deploy/policy.yaml') },
        { uri: uriOf(join(repo, 'deploy', 'worker.yaml')), text: null },
      ],
    };
    const result = await client.request<CompareConnectivityResult>(COMPARE_CONNECTIVITY_REQUEST, params);
    assert.equal(result.baseLabel, 'HEAD');
    assert.deepEqual(
      result.namespaces.map((n) => n.namespace),
      ['shop'],
    );
    const changes = result.namespaces[0]?.changes ?? [];
    const changed = changes.find((c) => c.type === 'changed');
    assert.ok(changed, JSON.stringify(changes));
    assert.equal(changed.src, 'shop/frontend[Deployment]');
    assert.equal(changed.dst, 'shop/backend[Deployment]');
    assert.equal(changed.before, 'TCP 8080');
    assert.equal(changed.after, 'TCP 8080, 9090');
    const opens = changed.reasons.find((r) => r.effect === 'opens');
    assert.ok(opens);
    assert.equal(opens.text, 'shop/backend-ingress allows it by Ingress rule #1');
    assert.equal(opens.ports, 'TCP 9090');
    assert.equal(opens.location?.uri, uriOf(join(repo, 'deploy', 'policy.yaml')));
    assert.equal(opens.location?.range.start.line, 12);
    const added = changes.filter((c) => c.type === 'added');
    assert.ok(added.length > 0 && added.every((c) => c.workloadsInfo === 'workload shop/worker[Deployment] added'));
    assert.equal(result.opened, 1 + added.length);
    assert.equal(result.closed, 0);
    // The same changes drawn: the changed pair amber, the new worker's connections green, the worker outlined as added.
    assert.match(result.graph, /<g class="edge changed" [^>]*data-src="shop\/frontend\[Deployment\]" data-dst="shop\/backend\[Deployment\]"/);
    assert.equal([...result.graph.matchAll(/<g class="edge added" /g)].length > 0, true);
    assert.match(result.graph, /<g class="node workload added" [^>]*data-id="shop\/worker\[Deployment\]"/);
  });

  it('no difference when the base is the workspace itself', async () => {
    const result = await client.request<CompareConnectivityResult>(COMPARE_CONNECTIVITY_REQUEST, { baseLabel: 'HEAD', files: [] });
    assert.deepEqual(result.namespaces, []);
    assert.match(result.graph, /No change in allowed connections/);
  });
});

describe('the "vs HEAD" CodeLens over LSP', () => {
  let repo: string;
  let client: LspTestClient;
  const policyUri = (): string => uriOf(join(repo, 'deploy', 'policy.yaml'));
  const appsUri = (): string => uriOf(join(repo, 'deploy', 'apps.yaml'));
  const lensesOf = (uri: string): Promise<CodeLens[]> => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  const headLens = async (uri: string): Promise<CodeLens | undefined> => (await lensesOf(uri)).find((l) => l.command?.title.startsWith('vs HEAD'));
  /** What the client sends when git's state changes: the HEAD text of each manifest that differs on disk. */
  const sendHeadTexts = (files: HeadTextsParams['files']): void => {
    void client.connection.sendNotification(HEAD_TEXTS_NOTIFICATION, { repository: uriOf(repo), files } satisfies HeadTextsParams);
  };
  /** Lens requests are answered in order after the notification: wait until the lens says `title`. */
  const waitForTitle = async (uri: string, title: string | undefined): Promise<void> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const lens = await headLens(uri);
      if (lens?.command?.title === title) return;
      if (Date.now() > deadline) assert.equal(lens?.command?.title, title);
    }
  };

  before(async () => {
    repo = repositoryWithSavedChange('netpol-head-lens-');
    client = await LspTestClient.start(repo);
    await client.waitForReady();
  });
  after(async () => {
    await client.stop();
    rmSync(repo, { recursive: true, force: true });
  });

  it('no lens before the client says what HEAD holds (other editors never do)', async () => {
    assert.equal(await headLens(policyUri()), undefined);
  });

  it('a saved change: "opens 1 path", and the lens opens the compare view for HEAD', async () => {
    sendHeadTexts([{ uri: policyUri(), text: git(repo, 'show', 'HEAD:deploy/policy.yaml') }]);
    await waitForTitle(policyUri(), 'vs HEAD: opens 1 path');
    const lens = await headLens(policyUri());
    assert.deepEqual(lens?.command?.command, CLIENT_COMMANDS.compareConnectivity);
    assert.deepEqual(lens?.command?.arguments, ['HEAD']);
    assert.deepEqual(lens?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const titles = (await lensesOf(policyUri())).map((l) => l.command?.title ?? '');
    assert.match(titles[0] ?? '', /^vs HEAD/, 'the HEAD lens comes first');
    assert.ok(titles.some((t) => t.startsWith('selects 1 workload')), 'the policy lens is still there');
    assert.equal(await headLens(appsUri()), undefined, 'an unchanged file has no HEAD lens');
  });

  it('unsaved edits count: back to HEAD\'s ports no lens, one port fewer "closes 1 path", a comment "no change"', async () => {
    client.open(policyUri(), policy('        - port: 8080\n        - port: 9090'));
    client.change(policyUri(), policy('        - port: 8080'));
    await waitForTitle(policyUri(), undefined);
    client.change(policyUri(), policy('        - port: 8081'));
    await waitForTitle(policyUri(), 'vs HEAD: opens 1 path, closes 1');
    client.change(policyUri(), policy('        - port: 8080').replace('spec:', '# reviewed\nspec:'));
    await waitForTitle(policyUri(), 'vs HEAD: no change in connectivity');
    client.change(policyUri(), policy('        - port: 8080').replace('app: frontend', 'app: nobody'));
    await waitForTitle(policyUri(), 'vs HEAD: closes 1 path');
  });

  it('a workload\'s label change counts, and the title says when other files changed too', async () => {
    // The frontend relabelled (unsaved): the policy's peer no longer matches it.
    client.open(appsUri(), `${deployment('frontend')}---\n${deployment('backend')}`);
    client.change(policyUri(), policy('        - port: 8080'));
    client.change(appsUri(), `${deployment('frontend').replace(/app: frontend/g, 'app: web')}---\n${deployment('backend')}`);
    await waitForTitle(appsUri(), 'vs HEAD: closes 1 path');
    // Git now says nothing differs on disk (as after a commit): the policy's buffer differs from it.
    sendHeadTexts([]);
    await waitForTitle(appsUri(), 'vs HEAD (this file and 1 other): closes 1 path');
    client.change(policyUri(), policy('        - port: 8080\n        - port: 9090'));
    await waitForTitle(appsUri(), 'vs HEAD: closes 1 path');
  });

  it('a document only the editor knows (untitled) is on both sides: it changes nothing against HEAD', async () => {
    const denyAll = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n';
    client.open('untitled:Untitled-1', denyAll);
    assert.equal((await headLens(appsUri()))?.command?.title, 'vs HEAD: closes 1 path');
    assert.equal(await headLens('untitled:Untitled-1'), undefined);
  });

  it('netpolLens.codeLens.compareWithHead: false turns the lens off', async () => {
    const off = await LspTestClient.start(repo, { settings: { codeLens: { compareWithHead: false } } });
    try {
      await off.waitForReady();
      void off.connection.sendNotification(HEAD_TEXTS_NOTIFICATION, { repository: uriOf(repo), files: [{ uri: policyUri(), text: git(repo, 'show', 'HEAD:deploy/policy.yaml') }] });
      const lenses = await off.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: policyUri() } });
      assert.ok(lenses.length > 0 && lenses.every((l) => !l.command?.title.startsWith('vs HEAD')), JSON.stringify(lenses.map((l) => l.command?.title)));
    } finally {
      await off.stop();
    }
  });
});
