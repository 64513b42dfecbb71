/**
 * `dist/cli.js check` on templates, rendered files and files that are not Kubernetes: what is
 * checked, what is skipped and why, in text, JSON and SARIF.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const fixtures = join(__dirname, '..', 'fixtures', 'cli');

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The `skipped` fixture, plus a binary file (kept out of git), in a temporary folder. */
function withSkippedFixture(test: (cwd: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-cli-skipped-'));
  try {
    cpSync(join(fixtures, 'skipped'), join(dir, 'skipped'), { recursive: true });
    writeFileSync(join(dir, 'skipped', 'binary.yaml'), 'apiVersion: v1\nkind: ConfigMap\n\u0000\u0000\n');
    test(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const EXPECTED_SKIPS = [
  ['skipped/.github/workflows/ci.yml', 'not-kubernetes'],
  ['skipped/.goreleaser.yaml', 'not-kubernetes'],
  ['skipped/alertmanager.yaml', 'not-kubernetes'],
  ['skipped/binary.yaml', 'binary'],
  ['skipped/chart/templates/policy.yaml', 'helm-template'],
  ['skipped/deployment-template.yaml', 'helm-template'],
  ['skipped/tests/e2e/network-policy/00-assert.yaml', 'test-assertion'],
];

describe('netpol-lens check: templates, rendered files and skipped files', () => {
  it('reads a rendered file whose ConfigMap holds {{ }} in a string and in a block scalar: its Deployment and policies count', () => {
    const r = run(fixtures, 'check', 'rendered');
    assert.equal(r.code, 0, r.stderr);
    // The file's own policy is checked…
    assert.match(r.stdout, /^rendered\/install\.yaml:59:23: warning ipblock-noncanonical-cidr: /m);
    // …and its Deployment is a workload: app=web is selected, app=webb (a typo) is not.
    assert.match(r.stdout, /^rendered\/policies\.yaml:16:3: warning policy-selects-nothing: app=webb selects no workload in namespace shop \(the workspace has 1 there\)/m);
    assert.doesNotMatch(r.stdout, /app=web selects/);
    assert.doesNotMatch(r.stdout, /skipped/);
    assert.match(r.stdout, /^2 files checked: 0 error\(s\), 2 warning\(s\)/m);
  });

  it('lists skipped files with their reason in the text report and counts them apart', () => {
    withSkippedFixture((cwd) => {
      const r = run(cwd, 'check', 'skipped');
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.deepEqual(lines.slice(0, -1).map((l) => l.split(': skipped: ')[0]), EXPECTED_SKIPS.map(([p]) => p));
      assert.match(r.stdout, /^skipped\/\.github\/workflows\/ci\.yml: skipped: not Kubernetes \(no document has apiVersion and kind\)$/m);
      assert.match(r.stdout, /^skipped\/chart\/templates\/policy\.yaml: skipped: Helm template \(\{\{ \}\} where YAML structure stands\)/m);
      assert.match(r.stdout, /^skipped\/deployment-template\.yaml: skipped: template \(\{\{ \}\} stands for a key or value/m);
      // A workflow's ${{ }}, goreleaser's and Alertmanager's {{ }}: never called Helm templates.
      for (const name of ['ci.yml', 'goreleaser', 'alertmanager']) assert.doesNotMatch(lines.find((l) => l.includes(name)) ?? '', /template/i, name);
      assert.match(r.stdout, /^skipped\/tests\/e2e\/network-policy\/00-assert\.yaml: skipped: test assertion \(Chainsaw or KUTTL: a state the test expects the cluster to hold, never applied\)$/m);
      assert.equal(lines.at(-1), '1 file checked, 7 skipped (2 Helm templates, 1 test assertion, 1 binary, 3 not Kubernetes): 0 error(s), 0 warning(s), 0 note(s)');
      // The text report holds the list: nothing repeated on stderr.
      assert.equal(r.stderr, '');
    });
  });

  it('lists skipped files with code and reason in JSON, counted apart from files', () => {
    withSkippedFixture((cwd) => {
      const r = run(cwd, 'check', 'skipped', '--format', 'json');
      const json = JSON.parse(r.stdout) as { files: number; skippedFiles: number; skipped: { relativePath: string; code: string; reason: string }[] };
      assert.equal(json.files, 1);
      assert.equal(json.skippedFiles, 7);
      assert.deepEqual(json.skipped.map((s) => [s.relativePath, s.code]), EXPECTED_SKIPS);
      assert.ok(json.skipped.every((s) => s.reason.length > 0));
    });
  });

  it('gives each skipped file in SARIF as a tool execution notification with its location', () => {
    withSkippedFixture((cwd) => {
      const r = run(cwd, 'check', 'skipped', '--format', 'sarif');
      const sarif = JSON.parse(r.stdout) as {
        runs: {
          tool: { driver: { notifications: { id: string }[] } };
          invocations: {
            executionSuccessful: boolean;
            toolExecutionNotifications: { descriptor: { id: string }; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties: { reason: string } }[];
            properties: { filesChecked: number; filesSkipped: number };
          }[];
        }[];
      };
      const run0 = sarif.runs[0];
      const invocation = run0?.invocations[0];
      assert.ok(run0 && invocation);
      assert.equal(invocation.executionSuccessful, true);
      assert.deepEqual(invocation.properties, { filesChecked: 1, filesSkipped: 7 });
      assert.deepEqual(
        invocation.toolExecutionNotifications.map((n) => [n.locations[0]?.physicalLocation.artifactLocation.uri, n.properties.reason]),
        EXPECTED_SKIPS,
      );
      for (const n of invocation.toolExecutionNotifications) {
        assert.equal(n.level, 'note');
        assert.ok(run0.tool.driver.notifications.some((d) => d.id === n.descriptor.id));
        assert.match(n.message.text, /^Skipped: /);
      }
    });
  });
});
