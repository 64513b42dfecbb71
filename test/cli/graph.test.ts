/**
 * `dist/cli.js connectivity --format svg` and `diff --format svg|dot`: the connectivity and its
 * changes as pictures, read back for what they show (the nodes, namespace boxes, edge labels and
 * colours), with the focus options narrowing them as they narrow the listing.
 * Fixture: test/fixtures/graph/{base,changed}.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const FIXTURES = join(__dirname, '..', 'fixtures', 'graph');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: FIXTURES, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What an SVG drawing shows: its nodes, namespace boxes and edges (ends, label, class). */
function readSvg(svg: string): { nodes: string[]; clusters: string[]; edges: { src: string; dst: string; status: string; label: string }[] } {
  const unescape = (s: string): string => s.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  const nodes = [...svg.matchAll(/<g class="node [^"]*"[^>]* data-id="([^"]*)"/g)].map((m) => unescape(m[1] ?? ''));
  const clusters = [...svg.matchAll(/<g class="cluster" data-namespace="([^"]*)"/g)].map((m) => unescape(m[1] ?? ''));
  const edges = [...svg.matchAll(/<g class="edge (\w+)"[^>]* data-src="([^"]*)" data-dst="([^"]*)"[^>]*>[\s\S]*?<text class="edge-label"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    status: m[1] ?? '',
    src: unescape(m[2] ?? ''),
    dst: unescape(m[3] ?? ''),
    label: unescape(m[4] ?? ''),
  }));
  return { nodes, clusters, edges };
}

describe('connectivity --format svg', () => {
  it('draws every workload in its namespace box, external addresses apart, each edge labelled with its ports', () => {
    const r = run('connectivity', '--format', 'svg', 'base');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="netpol-graph" width="\d+" height="\d+"/);
    const svg = readSvg(r.stdout);
    assert.deepEqual(svg.clusters, ['monitoring', 'payments', 'shop']);
    assert.deepEqual(svg.nodes.filter((n) => !n.endsWith('[External]')).sort(), [
      'monitoring/prometheus[Deployment]',
      'payments/gateway[Deployment]',
      'shop/*',
      'shop/api[Deployment]',
      'shop/db[StatefulSet]',
      'shop/web[Deployment]',
    ]);
    const label = (src: string, dst: string): string | undefined => svg.edges.find((e) => e.src === src && e.dst === dst)?.label;
    assert.equal(label('shop/web[Deployment]', 'shop/api[Deployment]'), 'TCP 8080');
    assert.equal(label('shop/api[Deployment]', 'shop/db[StatefulSet]'), 'TCP 5432');
    assert.equal(label('monitoring/prometheus[Deployment]', 'shop/*'), 'TCP 9090');
    assert.equal(label('shop/api[Deployment]', '0.0.0.0-9.255.255.255, 11.0.0.0-255.255.255.255[External]'), 'TCP 443');
    assert.ok(svg.edges.every((e) => e.status === 'allowed'));
    // Standalone: its own colours, and a name for every node and edge.
    assert.match(r.stdout, /<style>[\s\S]*\.allowed \.line \{ stroke: #59636e; \}/);
    assert.match(r.stdout, /<text class="node-label"[^>]*>0\.0\.0\.0\/0 except 10\.0\.0\.0\/8<\/text>/);
  });

  it('with focus options, only the focus workload and its connections', () => {
    const r = run('connectivity', '--format', 'svg', '--focus-workload', 'web', 'base');
    assert.equal(r.code, 0, r.stderr);
    const svg = readSvg(r.stdout);
    assert.deepEqual(
      svg.edges.map((e) => [e.src, e.dst, e.label]).sort(),
      [
        ['monitoring/prometheus[Deployment]', 'shop/web[Deployment]', 'TCP 9090'],
        ['shop/web[Deployment]', 'shop/api[Deployment]', 'TCP 8080'],
      ],
    );
    // On one port, every edge says that port; into shop only api → db carries it.
    const port = readSvg(run('connectivity', '--format', 'svg', '--focus-conn', 'tcp-5432', 'base').stdout);
    assert.ok(port.edges.every((e) => e.label === 'TCP 5432'));
    assert.deepEqual(
      port.edges.filter((e) => e.dst.startsWith('shop/')).map((e) => [e.src, e.dst]),
      [['shop/api[Deployment]', 'shop/db[StatefulSet]']],
    );
  });

  it('refuses --exposure (a listing, not a picture) with exit 2', () => {
    const r = run('connectivity', '--format', 'svg', '--exposure', 'base');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--exposure is printed as txt, json or md, not svg/);
  });
});

describe('diff --format svg and dot', () => {
  it('svg: added green, removed red and dashed, changed amber, with a legend', () => {
    const r = run('diff', '--dir1', 'base', '--dir2', 'changed', '--format', 'svg');
    assert.equal(r.code, 0, r.stderr);
    const svg = readSvg(r.stdout);
    assert.deepEqual(
      svg.edges.map((e) => [e.status, e.src, e.dst, e.label]),
      [
        ['removed', 'shop/api[Deployment]', '0.0.0.0-9.255.255.255, 11.0.0.0-255.255.255.255[External]', 'TCP 443'],
        ['added', 'shop/web[Deployment]', 'payments/gateway[Deployment]', 'TCP 8443'],
        ['changed', 'shop/web[Deployment]', 'shop/api[Deployment]', 'TCP 8080 → TCP 8080-8081'],
      ],
    );
    assert.match(r.stdout, /\.added \.line \{ stroke: #1a7f37; \}/);
    assert.match(r.stdout, /\.removed \.line \{ stroke: #cf222e; stroke-dasharray: 6 4; \}/);
    assert.match(r.stdout, /\.changed \.line \{ stroke: #bf8700; \}/);
    assert.match(r.stdout, /<g class="legend" aria-label="Legend">[\s\S]*added: a new connection[\s\S]*removed: no longer allowed[\s\S]*changed ports/);
    assert.match(r.stdout, /<text class="graph-title"[^>]*>dir2 against dir1<\/text>/);
  });

  it('dot: the same edges in the same colours, removed dashed, a legend cluster', () => {
    const r = run('diff', '--dir1', 'base', '--dir2', 'changed', '--format', 'dot');
    assert.equal(r.code, 0, r.stderr);
    const edges = [...r.stdout.matchAll(/^\t("[^"]*") -> ("[^"]*") \[label=("[^"]*") color=("[^"]*")[^\n]*?( style="dashed")?\]$/gm)].map((m) => [
      JSON.parse(m[1] ?? '""') as string,
      JSON.parse(m[2] ?? '""') as string,
      JSON.parse(m[3] ?? '""') as string,
      JSON.parse(m[4] ?? '""') as string,
      m[5] !== undefined,
    ]);
    assert.deepEqual(edges, [
      ['shop/api[Deployment]', '0.0.0.0-9.255.255.255, 11.0.0.0-255.255.255.255[External]', 'TCP 443', '#cf222e', true],
      ['shop/web[Deployment]', 'payments/gateway[Deployment]', 'TCP 8443', '#1a7f37', false],
      ['shop/web[Deployment]', 'shop/api[Deployment]', 'TCP 8080 → TCP 8080-8081', '#bf8700', false],
    ]);
    assert.match(r.stdout, /\tsubgraph "cluster_shop" \{\n\t\tlabel="shop"/);
    assert.match(r.stdout, /\tsubgraph "cluster_legend" \{/);
  });

  it('respects the focus options, and a focus name that names nothing is an error', () => {
    const r = run('diff', '--dir1', 'base', '--dir2', 'changed', '--format', 'svg', '--focus-workload', 'shop/api', '--focus-direction', 'ingress');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      readSvg(r.stdout).edges.map((e) => [e.status, e.src, e.dst]),
      [['changed', 'shop/web[Deployment]', 'shop/api[Deployment]']],
    );
    const port = run('diff', '--dir1', 'base', '--dir2', 'changed', '--focus-conn', 'tcp-8081');
    assert.equal(port.stdout, 'Connectivity diff:\ndiff-type: added, source: shop/web[Deployment], destination: shop/api[Deployment], dir1: No Connections, dir2: TCP 8081\n');
    const typo = run('diff', '--dir1', 'base', '--dir2', 'changed', '--format', 'dot', '--focus-workload', 'shop/apj');
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /no workload named "shop\/apj" on either side/);
  });
});
