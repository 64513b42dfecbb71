/**
 * `dist/cli.js check -`: a stream on standard input, as `helm template … | netpol-lens check -`
 * and `kustomize build … | netpol-lens check -` give it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const fixtures = join(__dirname, '..', 'fixtures', 'cli');
const helm = readFileSync(join(fixtures, 'streams', 'helm-template.yaml'), 'utf8');
const kustomize = readFileSync(join(fixtures, 'streams', 'kustomize-build.yaml'), 'utf8');

function run(input: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: fixtures, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  files: number;
  skippedFiles: number;
  skipped: { relativePath: string; code: string; reason: string }[];
  findings: { ruleId: string; relativePath: string; line: number; column: number; streamLine?: number }[];
}

interface Sarif {
  runs: {
    results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
    invocations: { executionSuccessful: boolean; properties: { filesChecked: number; filesSkipped: number } }[];
  }[];
}

describe('netpol-lens check - (a stream on standard input)', () => {
  it('puts a finding on the file and line of its # Source: comment (helm template)', () => {
    const r = run(helm, 'check', '-');
    assert.equal(r.code, 0, r.stderr);
    // The second document of networkpolicy.yaml: its line 25 counts the first document, and the
    // `---` between them, from the line after `# Source:`. Stream line 60.
    assert.match(r.stdout, /^shop\/templates\/networkpolicy\.yaml:25:15: warning ipblock-noncanonical-cidr: "10\.0\.0\.1\/8"/m);
    // The Deployment (another source) counts: the policies select it.
    assert.doesNotMatch(r.stdout, /policy-selects-nothing/);
    // The ConfigMap holding {{ }} in its strings is read like any rendered document.
    assert.match(r.stdout, /^3 files checked: 0 error\(s\), 1 warning\(s\), 0 note\(s\)$/m);
    assert.equal(helm.split('\n')[59], '        cidr: 10.0.0.1/8');
  });

  it('gives the stream line too in JSON, and the # Source: location in SARIF', () => {
    const json = JSON.parse(run(helm, 'check', '-', '--format', 'json').stdout) as JsonReport;
    assert.equal(json.files, 3);
    assert.deepEqual(json.skipped, []);
    assert.deepEqual(
      json.findings.map((f) => [f.ruleId, f.relativePath, f.line, f.column, f.streamLine]),
      [['ipblock-noncanonical-cidr', 'shop/templates/networkpolicy.yaml', 25, 15, 60]],
    );
    const sarif = JSON.parse(run(helm, 'check', '-', '--format', 'sarif').stdout) as Sarif;
    const location = sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation;
    assert.equal(location?.artifactLocation.uri, 'shop/templates/networkpolicy.yaml');
    assert.equal(location?.region.startLine, 25);
    assert.deepEqual(sarif.runs[0]?.invocations[0]?.properties, { filesChecked: 3, filesSkipped: 0 });
  });

  it('reports a stream without # Source: lines (kustomize build) against <stdin> lines', () => {
    const r = run(kustomize, 'check', '-');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<stdin>:30:15: warning ipblock-noncanonical-cidr: /m);
    assert.match(r.stdout, /^<stdin>:48:3: warning policy-selects-nothing: app=webb selects no workload in namespace shop/m);
    assert.match(r.stdout, /^1 file checked: 0 error\(s\), 2 warning\(s\)/m);
    const json = JSON.parse(run(kustomize, 'check', '-', '--format', 'json').stdout) as JsonReport;
    assert.deepEqual(json.findings.map((f) => [f.relativePath, f.line, f.streamLine]), [['<stdin>', 30, undefined], ['<stdin>', 48, undefined]]);
    const sarif = JSON.parse(run(kustomize, 'check', '-', '--format', 'sarif').stdout) as Sarif;
    // `<stdin>` is not a valid URI reference as it is.
    assert.equal(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, '%3Cstdin%3E');
  });

  it('keeps <stdin> lines where a stream mixes documents with and without # Source:', () => {
    const r = run(`${helm}---\n${kustomize}`, 'check', '-', '--rule', 'rule-redundant=off');
    const offset = helm.split('\n').length; // the helm lines, then the `---` line
    assert.match(r.stdout, new RegExp(`^<stdin>:${30 + offset}:15: warning ipblock-noncanonical-cidr: `, 'm'));
    assert.match(r.stdout, /^shop\/templates\/networkpolicy\.yaml:25:15: warning ipblock-noncanonical-cidr: /m);
  });

  it('reads a stream next to folders, and says so when standard input holds nothing', () => {
    const both = run(kustomize, 'check', '-', 'clean');
    assert.match(both.stdout, /^2 files checked: /m);
    const empty = run('', 'check', '-');
    assert.equal(empty.code, 0);
    assert.match(empty.stderr, /no YAML documents on standard input/);
    assert.match(empty.stdout, /^0 files checked: /m);
    const twice = run('', 'check', '-', '-');
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /standard input\) given twice/);
  });

  it('skips a binary or templated stream with a reason, never crashing', () => {
    const binary = run('apiVersion: v1\nkind: ConfigMap\n\u0000\n', 'check', '-');
    assert.equal(binary.code, 0, binary.stderr);
    assert.match(binary.stdout, /^<stdin>: skipped: binary content$/m);
    const template = run('{{- if .Values.np }}\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n{{- end }}\n', 'check', '-');
    assert.match(template.stdout, /^<stdin>: skipped: Helm template/m);
    assert.match(template.stdout, /^0 files checked, 1 skipped \(1 Helm template\)/m);
  });

  it('ends quietly, exit code 0, when the reader closes the pipe early (`| head -1`)', async () => {
    // 4,000 policies without policyTypes: a line of output each, more than one pipe buffer.
    const policy = (i: number): string =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p${i}\n  namespace: shop\nspec:\n  podSelector: {}\n  ingress:\n  - {}\n`;
    const input = Array.from({ length: 4000 }, (_, i) => policy(i)).join('---\n');
    const child = spawn(process.execPath, [cli, 'check', '-'], { cwd: fixtures, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(input);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
  });
});
