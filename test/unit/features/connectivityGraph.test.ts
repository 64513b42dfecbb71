/**
 * The connectivity graph, as a reader sees it: namespaces as boxes of their workloads, external
 * addresses joined and named as a policy writes them, one edge to "every workload" of a namespace
 * reached alike, two-way edges merged, a diff in colour; and the SVG every node and edge of which
 * a keyboard can reach and a screen reader can name. Fixture: test/fixtures/graph/.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildListing } from '../../../server/src/engine/connectivityListing';
import { AddressSet } from '../../../server/src/engine/addressSet';
import { diffManifests } from '../../../server/src/features/diff/diffViews';
import { addressNode } from '../../../server/src/features/graph/addressNodes';
import { diffGraph } from '../../../server/src/features/graph/diffGraph';
import { graphDot } from '../../../server/src/features/graph/graphDot';
import { layoutGraph } from '../../../server/src/features/graph/graphLayout';
import { mergeEdges, workloadNode, type DirectedEdge } from '../../../server/src/features/graph/graphModel';
import { graphSvg } from '../../../server/src/features/graph/graphSvg';
import { listingGraph } from '../../../server/src/features/graph/listingGraph';
import { withNamespaceHubs } from '../../../server/src/features/graph/namespaceHubs';
import { loadFixture } from '../../support/fixtureWorkspace';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'graph');

function baseGraph() {
  const { analysis } = loadFixture(join(FIXTURES, 'base'));
  const entries = buildListing(analysis.network, analysis.connectivity());
  return listingGraph(analysis.network, entries, () => true);
}

function changeGraph() {
  const base = loadFixture(join(FIXTURES, 'base'));
  const changed = loadFixture(join(FIXTURES, 'changed'));
  const { entries } = diffManifests(base.manifests, changed.manifests, base.settings, ['ipv4']);
  return diffGraph(entries, { ref1: 'HEAD', ref2: 'now' });
}

const edge = (src: string, dst: string, label: string): DirectedEdge => ({ src, dst, status: 'allowed', label, detail: label });

describe('the graph of a listing', () => {
  const graph = baseGraph();
  const edgeOf = (from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to);

  it('groups workloads by namespace and keeps external addresses apart', () => {
    assert.deepEqual(
      graph.clusters.map((c) => [c.namespace, c.nodes]),
      [
        ['monitoring', ['monitoring/prometheus[Deployment]']],
        ['payments', ['payments/gateway[Deployment]']],
        ['shop', ['shop/*', 'shop/api[Deployment]', 'shop/db[StatefulSet]', 'shop/web[Deployment]']],
      ],
    );
    const external = graph.nodes.filter((n) => n.kind === 'external');
    assert.deepEqual(
      external.map((n) => [n.label, n.namespace]),
      [
        ['0.0.0.0/0', undefined],
        ['0.0.0.0/0 except 10.0.0.0/8', undefined],
      ],
    );
  });

  it('joins the pieces the listing cuts the address space into, per workload and connections', () => {
    // The listing has api → 0.0.0.0-9.255.255.255 and api → 11.0.0.0-255.255.255.255: one edge here.
    const api = graph.edges.filter((e) => e.from === 'shop/api[Deployment]' && e.to.endsWith('[External]'));
    assert.deepEqual(
      api.map((e) => [e.to, e.label]),
      [['0.0.0.0-9.255.255.255, 11.0.0.0-255.255.255.255[External]', 'TCP 443']],
    );
  });

  it('draws one edge to "every workload" of a namespace that a workload reaches alike', () => {
    const hub = graph.nodes.find((n) => n.id === 'shop/*');
    assert.deepEqual(hub?.members, ['shop/api[Deployment]', 'shop/db[StatefulSet]', 'shop/web[Deployment]']);
    assert.equal(edgeOf('monitoring/prometheus[Deployment]', 'shop/*')?.label, 'TCP 9090');
    assert.equal(edgeOf('monitoring/prometheus[Deployment]', 'shop/web[Deployment]'), undefined, 'no edge per member');
    assert.match(edgeOf('monitoring/prometheus[Deployment]', 'shop/*')?.title ?? '', /TCP 9090 \(each of the 3 workloads of namespace shop\)$/);
  });

  it('merges a pair connected both ways alike into one two-way edge, and keeps the others one-way', () => {
    const both = edgeOf('payments/gateway[Deployment]', 'shop/api[Deployment]');
    assert.equal(both?.both, true);
    assert.equal(both?.label, 'TCP 8443');
    assert.equal(edgeOf('shop/api[Deployment]', 'payments/gateway[Deployment]'), undefined);
    assert.equal(edgeOf('shop/web[Deployment]', 'shop/api[Deployment]')?.both, false);
  });
});

describe('fewer edges only where it is exact', () => {
  const nodes = ['a/x[Deployment]', 'b/p[Deployment]', 'b/q[Deployment]', 'b/r[Deployment]'].map((id) => workloadNode(id));

  it('no hub when one member is reached on other ports, or the namespace has fewer than three workloads', () => {
    const other = withNamespaceHubs(nodes, [edge('a/x[Deployment]', 'b/p[Deployment]', 'TCP 80'), edge('a/x[Deployment]', 'b/q[Deployment]', 'TCP 80'), edge('a/x[Deployment]', 'b/r[Deployment]', 'TCP 81')]);
    assert.equal(other.edges.length, 3);
    const two = withNamespaceHubs(nodes.slice(0, 3), [edge('a/x[Deployment]', 'b/p[Deployment]', 'TCP 80'), edge('a/x[Deployment]', 'b/q[Deployment]', 'TCP 80')]);
    assert.equal(two.edges.length, 2);
  });

  it('a hub on the receiving side too: every workload of a namespace reaching one workload', () => {
    const into = withNamespaceHubs(nodes, ['p', 'q', 'r'].map((n) => edge(`b/${n}[Deployment]`, 'a/x[Deployment]', 'TCP 53')));
    assert.deepEqual(
      into.edges.map((e) => [e.src, e.dst]),
      [['b/*', 'a/x[Deployment]']],
    );
  });

  it('two directions with different connections stay two edges', () => {
    const merged = mergeEdges([edge('a', 'b', 'TCP 80'), edge('b', 'a', 'TCP 81')]);
    assert.deepEqual(
      merged.map((e) => [e.from, e.to, e.both]),
      [
        ['a', 'b', false],
        ['b', 'a', false],
      ],
    );
  });
});

describe('address sets are named as a policy would write them', () => {
  it('one or two CIDRs, the whole family but one or two, else the first range and a count', () => {
    assert.equal(addressNode(AddressSet.parse('203.0.113.0/24') as AddressSet).label, '203.0.113.0/24');
    assert.equal(addressNode(AddressSet.ipBlock('0.0.0.0/0', ['10.0.0.0/8', '192.168.0.0/16'])).label, '0.0.0.0/0 except 10.0.0.0/8, 192.168.0.0/16');
    const scattered = ['10.0.0.1/32', '10.0.0.3/32', '10.0.0.5/32'].map((c) => AddressSet.parse(c) as AddressSet).reduce((a, b) => a.union(b));
    assert.equal(addressNode(scattered).label, '10.0.0.1-10.0.0.1 and 2 more');
    assert.equal(addressNode(scattered).id, '10.0.0.1-10.0.0.1, 10.0.0.3-10.0.0.3, 10.0.0.5-10.0.0.5[External]');
  });
});

describe('the graph of a diff', () => {
  const graph = changeGraph();

  it('colours each change: added, removed (joined address pieces), changed with both connection sets', () => {
    assert.deepEqual(
      graph.edges.map((e) => [e.from, e.to, e.status, e.label]),
      [
        ['shop/api[Deployment]', '0.0.0.0-9.255.255.255, 11.0.0.0-255.255.255.255[External]', 'removed', 'TCP 443'],
        ['shop/web[Deployment]', 'payments/gateway[Deployment]', 'added', 'TCP 8443'],
        ['shop/web[Deployment]', 'shop/api[Deployment]', 'changed', 'TCP 8080 → TCP 8080-8081'],
      ],
    );
    assert.equal(graph.edges.find((e) => e.status === 'changed')?.title, 'shop/web[Deployment] → shop/api[Deployment]: changed from TCP 8080 (HEAD) to TCP 8080-8081 (now)');
    assert.ok(graph.diff);
  });

  it('as dot: the same colours, removed dashed, and a legend', () => {
    const dot = graphDot(graph);
    assert.match(dot, /"shop\/web\[Deployment\]" -> "payments\/gateway\[Deployment\]" \[label="TCP 8443" color="#1a7f37"/);
    assert.match(dot, /-> "0\.0\.0\.0-9\.255\.255\.255, 11\.0\.0\.0-255\.255\.255\.255\[External\]" \[label="TCP 443" color="#cf222e" [^\n]*style="dashed"/);
    assert.match(dot, /"shop\/web\[Deployment\]" -> "shop\/api\[Deployment\]" \[label="TCP 8080 → TCP 8080-8081" color="#bf8700"/);
    assert.match(dot, /subgraph "cluster_legend" \{\n\t\tlabel="Legend"/);
    assert.match(dot, /subgraph "cluster_shop" \{\n\t\tlabel="shop"/);
  });
});

describe('the SVG', () => {
  const graph = baseGraph();
  const svg = graphSvg([graph], { standalone: false, idPrefix: 't' });
  const all = (re: RegExp): RegExpExecArray[] => [...svg.matchAll(new RegExp(re, 'g'))];

  it('has a focusable, titled element per node and per edge, with its ends in data attributes', () => {
    const nodes = all(/<g class="node (\w+)[^"]*" tabindex="0" role="button" aria-label="([^"]*)" data-id="([^"]*)"/);
    assert.deepEqual(nodes.map((m) => m[3]).sort(), graph.nodes.map((n) => n.id.replace(/&/g, '&#38;')).sort());
    const edges = all(/<g class="edge allowed" tabindex="0" role="button" aria-label="([^"]*)" data-src="([^"]*)" data-dst="([^"]*)" data-both="(true|false)">\n<title>([^<]*)<\/title>/);
    assert.equal(edges.length, graph.edges.length);
    for (const m of edges) assert.equal(m[1], m[5], 'the aria-label says what the title says');
    assert.ok(edges.some((m) => m[2] === 'monitoring/prometheus[Deployment]' && m[3] === 'shop/*'));
  });

  it('labels the edges with their connections and the namespace boxes with their names', () => {
    const labels = all(/<text class="edge-label"[^>]*>([^<]*)<\/text>/).map((m) => m[1]);
    assert.deepEqual([...new Set(labels)].sort(), ['TCP 443', 'TCP 5432', 'TCP 8080', 'TCP 8443', 'TCP 9090', 'all ports']);
    const clusters = all(/<text class="cluster-label"[^>]*>([^<]*)<\/text>/).map((m) => m[1]);
    assert.deepEqual(clusters, ['monitoring', 'payments', 'shop', 'outside the cluster']);
  });

  it('places every box inside the drawing, and no two workloads on top of each other', () => {
    const laid = layoutGraph(graph);
    for (const { box } of [...laid.nodes, ...laid.clusters]) {
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= laid.width && box.y + box.height <= laid.height, JSON.stringify(box));
    }
    for (const a of laid.nodes) {
      for (const b of laid.nodes) {
        if (a === b) continue;
        const apart = a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x || a.box.y + a.box.height <= b.box.y || b.box.y + b.box.height <= a.box.y;
        assert.ok(apart, `${a.node.id} overlaps ${b.node.id}`);
      }
    }
    assert.doesNotMatch(svg, /NaN|Infinity/);
  });

  it('has no colours of its own for a webview; a file for the CLI embeds them, light and dark', () => {
    assert.doesNotMatch(svg, /<style>|fill="#|stroke="#/);
    const file = graphSvg([graph], { standalone: true });
    assert.match(file, /<style>[\s\S]*\.node-box \{ fill: #ddf4ff; stroke: #0969da; \}[\s\S]*@media \(prefers-color-scheme: dark\)/);
    assert.match(file, /<rect class="background" width="100%" height="100%"\/>/);
  });

  it('a diff carries its legend; an empty one says there is no change', () => {
    const diff = graphSvg([changeGraph()], { standalone: true });
    assert.match(diff, /<g class="legend" aria-label="Legend"><g class="legend-item added">[\s\S]*added: a new connection[\s\S]*removed: no longer allowed[\s\S]*changed ports/);
    assert.match(diff, /<g class="edge removed"[^>]*>[\s\S]*?<path class="line" d="[^"]+" marker-end="url\(#npl-arrow-removed\)"\/>/);
    const none = graphSvg([diffGraph([], { ref1: 'HEAD', ref2: 'now' })], { standalone: true });
    assert.match(none, /<text class="empty"[^>]*>No change in allowed connections<\/text>/);
    assert.doesNotMatch(none, /NaN|Infinity/);
  });
});
