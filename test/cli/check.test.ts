/** `dist/cli.js check`: formats, exit codes and errors, as CI sees them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const fixtures = join(__dirname, '..', 'fixtures', 'cli');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: fixtures, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('netpol-lens check', () => {
  it('exits 0 on a clean folder and says how many files it read', () => {
    const r = run('check', 'clean');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /1 file checked: 0 error\(s\)/);
  });

  it('exits 1 and prints file:line:col for an error', () => {
    const r = run('check', 'broken');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^broken\/ns\.yaml:\d+:\d+: error yaml-syntax: /m);
  });

  it('turns a rule off with --rule', () => {
    const r = run('check', 'broken', '--rule', 'yaml-syntax=off');
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, /yaml-syntax/);
  });

  it("reads the team's VS Code settings.json with --config (comments, trailing commas, prefixed keys)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-cli-config-'));
    const settings = join(dir, 'settings.json');
    writeFileSync(
      settings,
      [
        '{',
        '  // the editor settings the team commits',
        '  "editor.tabSize": 2,',
        '  "netpolLens.rules": { "yaml-syntax": "off", /* noisy here */ },',
        '  "netpolLens.codeLens.enabled": false,',
        '}',
      ].join('\n'),
    );
    try {
      const r = run('check', 'broken', '--config', settings);
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /yaml-syntax/);
      writeFileSync(settings, '{"rules": {"yaml-syntax": "off"}');
      const bad = run('check', 'broken', '--config', settings);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /config file is not a JSON settings object/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes JSON findings', () => {
    const r = run('check', 'broken', '--format', 'json');
    const out = JSON.parse(r.stdout) as { files: number; findings: { ruleId: string; line: number; relativePath: string }[] };
    assert.equal(out.files, 1);
    assert.deepEqual(
      out.findings.map((f) => [f.ruleId, f.relativePath]),
      [['yaml-syntax', 'broken/ns.yaml']],
    );
  });

  it('writes SARIF 2.1.0 with rule metadata and help URIs', () => {
    const r = run('check', 'broken', '--format', 'sarif');
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.ok(run0);
    const result = run0.results[0];
    assert.ok(result);
    assert.equal(result.ruleId, 'yaml-syntax');
    assert.equal(result.level, 'error');
    assert.equal(run0.tool.driver.rules[result.ruleIndex]?.id, 'yaml-syntax');
    assert.match(run0.tool.driver.rules[result.ruleIndex]?.helpUri ?? '', /docs\/rules\/yaml-syntax\.md$/);
    assert.equal(result.locations[0]?.physicalLocation.artifactLocation.uri, 'broken/ns.yaml');
  });

  it('carries the quick fixes in SARIF (fixes with artifactChanges), not in the JSON report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-sarif-'));
    try {
      const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - protocol: tcp\n      port: 80\n';
      writeFileSync(join(dir, 'policy.yaml'), text);
      const r = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'sarif', '--fail-on', 'never'], { cwd: dir, encoding: 'utf8' });
      type Replacement = { deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number }; insertedContent: { text: string } };
      type Fix = { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: Replacement[] }[] };
      const sarif = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; fixes?: Fix[] }[] }[] };
      const result = sarif.runs[0]?.results.find((x) => x.ruleId === 'protocol-invalid');
      assert.ok(result, r.stdout);
      const fix = result.fixes?.[0];
      assert.equal(fix?.description.text, 'Change to TCP');
      assert.equal(fix?.artifactChanges[0]?.artifactLocation.uri, 'policy.yaml');
      assert.deepEqual(fix?.artifactChanges[0]?.replacements, [{ deletedRegion: { startLine: 8, startColumn: 17, endLine: 8, endColumn: 20 }, insertedContent: { text: 'TCP' } }]);

      const json = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json', '--fail-on', 'never'], { cwd: dir, encoding: 'utf8' });
      const findings = (JSON.parse(json.stdout) as { findings: Record<string, unknown>[] }).findings;
      assert.ok(findings.length > 0 && findings.every((f) => !('fixes' in f)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with exit 2 and a message, not a stack trace, for a missing path or a bad option', () => {
    const missing = run('check', 'no-such-folder');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder/);
    assert.doesNotMatch(missing.stderr, /\bat .*\.js:\d+/);
    const bad = run('check', '--format', 'xml');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of text, json, sarif/);
    assert.equal(run('frobnicate').code, 2);
  });

  it('prints its version and help', () => {
    assert.match(run('--version').stdout, /^\d+\.\d+\.\d+\n$/);
    assert.match(run('--help').stdout, /netpol-lens check/);
  });
});
