/**
 * "Compare connectivity with…" over LSP: a temporary git repository with a commit, a policy edited
 * and a workload added after it; the base text is read with `git show` (as the client reads it
 * through VS Code's git extension) and sent with `netpolLens/compareConnectivity`. The answer is
 * grouped by namespace, each change with the rule behind it and where it is written.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPARE_CONNECTIVITY_REQUEST, type CompareConnectivityParams, type CompareConnectivityResult } from '../../shared/src/protocol';
import { LspTestClient, uriOf } from '../support/lspClient';

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

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

const policy = (ports: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backend-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: backend
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: frontend
      ports:
${ports}
`;

describe('compare connectivity over LSP', () => {
  let repo: string;
  let client: LspTestClient;
  before(async () => {
    repo = mkdtempSync(join(tmpdir(), 'netpol-compare-'));
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'deploy'));
    writeFileSync(join(repo, 'deploy', 'apps.yaml'), `${deployment('frontend')}---\n${deployment('backend')}`);
    writeFileSync(join(repo, 'deploy', 'policy.yaml'), policy('        - port: 8080'));
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'initial');
    writeFileSync(join(repo, 'deploy', 'policy.yaml'), policy('        - port: 8080\n        - port: 9090'));
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
    assert.equal(changed.after, 'TCP 8080,9090');
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
  });

  it('no difference when the base is the workspace itself', async () => {
    const result = await client.request<CompareConnectivityResult>(COMPARE_CONNECTIVITY_REQUEST, { baseLabel: 'HEAD', files: [] });
    assert.deepEqual(result.namespaces, []);
  });
});
