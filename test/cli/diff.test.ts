/**
 * `dist/cli.js diff`: between two folders, and against a git revision in a temporary repository
 * (a commit, then a policy edited, a workload added untracked, an ignored file that must not
 * count), in text, JSON and Markdown, with --fail-on; git reads the old side without writing.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendIngressPolicy, git } from '../support/shopRepository';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}


const deployment = (name: string, app: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: main
          image: example/${app}
          ports:
            - containerPort: 8080
`;

const policy = backendIngressPolicy;

const TCP_8080 = '        - port: 8080\n          protocol: TCP';
const TCP_8080_9090 = `${TCP_8080}\n        - port: 9090\n          protocol: TCP`;

describe('netpol-lens diff --dir1 --dir2', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-diff-dirs-'));
    for (const [name, ports] of [
      ['a', TCP_8080],
      ['b', TCP_8080_9090],
    ] as const) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'apps.yaml'), `${deployment('frontend', 'frontend')}---\n${deployment('backend', 'backend')}`);
      writeFileSync(join(dir, name, 'policy.yaml'), policy(ports));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("prints netpol-analyzer's lines with the dir1/dir2 labels", () => {
    const r = run(dir, 'diff', '--dir1', 'a', '--dir2', 'b');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      'Connectivity diff:\ndiff-type: changed, source: shop/frontend[Deployment], destination: shop/backend[Deployment], dir1: TCP 8080, dir2: TCP 8080,9090\n',
    );
  });

  it('prints nothing when nothing changed, and exits 0 even with --fail-on any', () => {
    const r = run(dir, 'diff', '--dir1', 'a', '--dir2', 'a', '--fail-on', 'any');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  });

  it('--fail-on added exits 1 on new ports; removed does not fire on them', () => {
    assert.equal(run(dir, 'diff', '--dir1', 'a', '--dir2', 'b', '--fail-on', 'added').code, 1);
    assert.equal(run(dir, 'diff', '--dir1', 'a', '--dir2', 'b', '--fail-on', 'removed').code, 0);
    assert.equal(run(dir, 'diff', '--dir1', 'b', '--dir2', 'a', '--fail-on', 'removed').code, 1);
  });

  it('usage errors: one folder only, a missing folder', () => {
    assert.equal(run(dir, 'diff', '--dir1', 'a').code, 2);
    const r = run(dir, 'diff', '--dir1', 'a', '--dir2', 'nope');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no such file or folder: nope/);
  });
});

describe('netpol-lens diff --base (a temporary git repository)', () => {
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'netpol-diff-git-'));
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'deploy'));
    writeFileSync(join(repo, 'deploy', 'apps.yaml'), `${deployment('frontend', 'frontend')}---\n${deployment('backend', 'backend')}`);
    writeFileSync(join(repo, 'deploy', 'policy.yaml'), policy(TCP_8080));
    writeFileSync(join(repo, '.gitignore'), 'generated/\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'initial');
    // The edit under review: the policy opens 9090, a new workload appears (untracked), and an
    // ignored folder holds a workload git does not see.
    writeFileSync(join(repo, 'deploy', 'policy.yaml'), policy(TCP_8080_9090));
    writeFileSync(join(repo, 'deploy', 'worker.yaml'), deployment('worker', 'worker'));
    mkdirSync(join(repo, 'deploy', 'generated'));
    writeFileSync(join(repo, 'deploy', 'generated', 'ignored.yaml'), deployment('ignored', 'ignored'));
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('text: the changed pair and the new workload, labelled HEAD and working-tree', () => {
    const r = run(repo, 'diff', '--base', 'HEAD', 'deploy');
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], 'Connectivity diff:');
    assert.ok(
      lines.includes('diff-type: changed, source: shop/frontend[Deployment], destination: shop/backend[Deployment], HEAD: TCP 8080, working-tree: TCP 8080,9090'),
      r.stdout,
    );
    assert.ok(
      lines.includes(
        'diff-type: added, source: shop/worker[Deployment], destination: shop/frontend[Deployment], HEAD: No Connections, working-tree: All Connections, workloads-diff-info: workload shop/worker[Deployment] added',
      ),
      r.stdout,
    );
    assert.doesNotMatch(r.stdout, /ignored/);
    // The default is HEAD and the working directory.
    assert.equal(run(repo, 'diff').stdout, r.stdout);
  });

  it('json: both sides, what opened, and the rule that opens it with file and line', () => {
    const r = run(repo, 'diff', '--base', 'HEAD', '--format', 'json', 'deploy');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      ref1: string;
      ref2: string;
      changes: { type: string; src: string; dst: string; ref1: unknown; ref2: unknown; opened: unknown; reasons: { effect: string; text: string; file: string | null; line: number | null }[] }[];
    };
    assert.equal(out.ref1, 'HEAD');
    assert.equal(out.ref2, 'working-tree');
    const changed = out.changes.find((c) => c.type === 'changed');
    assert.ok(changed);
    assert.deepEqual(changed.ref1, { TCP: [[8080, 8080]] });
    assert.deepEqual(changed.ref2, { TCP: [[8080, 8080], [9090, 9090]] });
    assert.deepEqual(changed.opened, { TCP: [[9090, 9090]] });
    const opens = changed.reasons.find((x) => x.effect === 'opens');
    assert.ok(opens, JSON.stringify(changed.reasons));
    assert.equal(opens.text, 'shop/backend-ingress allows it by Ingress rule #1');
    assert.equal(opens.file, 'deploy/policy.yaml');
    assert.equal(opens.line, 13);
  });

  it('md: a table per namespace with the policy and rule behind the change', () => {
    const r = run(repo, 'diff', '--base', 'HEAD', '--format', 'md', 'deploy');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## Connectivity changes against `HEAD`/);
    assert.match(r.stdout, /^### Namespace `shop`$/m);
    assert.match(r.stdout, /^\| change \| source \| destination \| HEAD \| working-tree \| why \|$/m);
    assert.match(
      r.stdout,
      /^\| changed \| `shop\/frontend\[Deployment\]` \| `shop\/backend\[Deployment\]` \| TCP 8080 \| TCP 8080,9090 \| opens TCP 9090: shop\/backend-ingress allows it by Ingress rule #1 \(`deploy\/policy.yaml:13`\) \|$/m,
    );
  });

  it('--fail-on added exits 1 and says why; nothing in the repository is written', () => {
    const status = git(repo, 'status', '--porcelain'); // (status itself may refresh the index: read it first)
    const index = statSync(join(repo, '.git', 'index')).mtimeMs;
    const r = run(repo, 'diff', '--fail-on', 'added');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /changes? open connections \(--fail-on added\)/);
    assert.equal(statSync(join(repo, '.git', 'index')).mtimeMs, index);
    assert.equal(git(repo, 'status', '--porcelain'), status);
    assert.equal(readFileSync(join(repo, 'deploy', 'policy.yaml'), 'utf8'), policy(TCP_8080_9090));
  });

  it('a deleted policy file: its connections come back as they were before it', () => {
    const other = mkdtempSync(join(tmpdir(), 'netpol-diff-git-'));
    try {
      git(other, 'init', '-q');
      writeFileSync(join(other, 'apps.yaml'), `${deployment('frontend', 'frontend')}---\n${deployment('backend', 'backend')}`);
      writeFileSync(join(other, 'policy.yaml'), policy(TCP_8080));
      git(other, 'add', '.');
      git(other, 'commit', '-q', '-m', 'initial');
      rmSync(join(other, 'policy.yaml'));
      const r = run(other, 'diff', '--format', 'json');
      const out = JSON.parse(r.stdout) as { changes: { type: string; src: string; dst: string }[] };
      assert.ok(out.changes.some((c) => c.type === 'changed' && c.src === 'shop/frontend[Deployment]' && c.dst === 'shop/backend[Deployment]'));
      assert.ok(out.changes.some((c) => c.type === 'added' && c.dst === 'shop/backend[Deployment]' && c.src === '0.0.0.0-255.255.255.255[External]'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('usage errors: an unknown revision, a folder outside any repository', () => {
    const bad = run(repo, 'diff', '--base', 'no-such-branch');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown revision "no-such-branch"/);
    const outside = mkdtempSync(join(tmpdir(), 'netpol-diff-nogit-'));
    try {
      const r = run(outside, 'diff');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--base needs a git work tree/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
