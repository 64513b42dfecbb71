/** From manifests to engine answers: workloads, owners, namespaces, back-references, odd input, caching. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { ExtractionCache } from '../../../server/src/analysis/fileExtraction';
import { WorkspaceAnalysis } from '../../../server/src/analysis/workspaceAnalysis';
import { buildListing, entryLine } from '../../../server/src/engine/connectivityListing';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';
import { isMap } from '../../../server/src/model/yamlTree';

function analysis(files: Record<string, string>, settings = DEFAULT_SETTINGS, cache?: ExtractionCache): WorkspaceAnalysis {
  const models = Object.entries(files).map(([name, text]) => buildFileModel(`file:///ws/${name}`, text, 0));
  return new WorkspaceAnalysis(new ManifestSet(models, 1), settings, cache);
}

const DOCS = [
  `apiVersion: v1
kind: Pod
metadata:
  name: web-abc12
  namespace: shop
  labels: {app: web}
  ownerReferences:
  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4f, controller: true}
spec:
  containers:
  - name: web
    ports: [{name: http, containerPort: 8080}]`,
  `apiVersion: v1
kind: Pod
metadata:
  name: web-def34
  namespace: shop
  labels: {app: web}
  ownerReferences:
  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4f, controller: true}`,
  `apiVersion: v1
kind: Pod
metadata:
  name: etcd-node1
  namespace: kube-system
  labels: {component: etcd}
  ownerReferences:
  - {apiVersion: v1, kind: Node, name: node1, controller: true}`,
  `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: report}}`,
  `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: retail}}`,
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: tools}}
    - podSelector: {matchLabels: {app: report}}
      namespaceSelector: {}
    ports: [{port: http}]`,
];

describe('WorkspaceAnalysis', () => {
  const a = analysis({ 'all.yaml': DOCS.join('\n---\n') }, { ...DEFAULT_SETTINGS, defaultNamespace: 'batch', externalNamespaces: ['tools'] });

  it('reports a controlled Pod as its owner (one entry, both pods as sources), a Node-owned pod as itself', () => {
    assert.deepEqual(
      a.workloads().map((w) => [w.workload.id, w.sources.length]),
      [
        ['shop/web-5d4f[ReplicaSet]', 2],
        ['kube-system/etcd-node1[Pod]', 1],
        ['batch/report[CronJob]', 1],
      ],
    );
    assert.deepEqual(a.workloads()[0]?.workload.namedPorts, [{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('lists declared, referenced and configured namespaces with the name label', () => {
    assert.deepEqual(
      a.namespaces().map((n) => [n.namespace.name, n.namespace.labels.team ?? '', n.source !== undefined]),
      [
        ['shop', 'retail', true],
        ['tools', '', false],
        ['kube-system', '', false],
        ['batch', '', false],
      ],
    );
  });

  it('answers selection queries with back-references to the manifests', () => {
    const [p] = a.policies();
    assert.ok(p);
    assert.equal(p.source.name, 'web');
    assert.deepEqual(a.selectedWorkloads(p).map((w) => w.workload.id), ['shop/web-5d4f[ReplicaSet]']);
    const web = a.workloads()[0]!;
    assert.deepEqual(a.policiesSelecting(web).map((x) => x.policy.id), ['shop/web']);
    assert.equal(a.workloadOf(web.sources[1]!), web);
    assert.equal(a.policyOf(p.source), p);
    const answer = a.allowed(web, 'ingress');
    const node = a.ruleNode(answer.pieces[1]!.rule);
    assert.ok(isMap(node) && (node).pairs.some((x) => x.key.source === 'podSelector'), 'points at from[1]');
  });

  it('explains a pair, with a workload or an address at either end', () => {
    const [web, , report] = a.workloads();
    const x = a.explain(report!, web!);
    assert.equal(x?.allowed.toString(), 'TCP 8080');
    assert.deepEqual(a.explain('203.0.113.9', web!)?.denied, ['no-ingress-rule']);
    assert.equal(a.explain('not-an-ip', web!), undefined);
    assert.equal(a.explain(report!, web!, { protocol: 'TCP', port: 8080 })?.allowed.toString(), 'TCP 8080');
  });

  it('never throws on odd shapes and lets them allow nothing', () => {
    const odd = analysis({
      'odd.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: odd}
spec:
  podSelector: [1, 2]
  ingress:
  - from: {podSelector: {}}
    ports: [[80], {port: [1]}, {port: 80, protocol: 7}]
  - 42
  - ~
  egress: {to: []}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec: {template: {metadata: {labels: [a]}, spec: {containers: [{ports: [{name: http, containerPort: http}]}]}}}`,
    });
    const net = odd.network;
    assert.deepEqual(net.selected(0).toArray(), [], 'a selector that is not a map selects nothing');
    assert.equal(odd.workloads()[0]?.workload.namedPorts.length, 0);
    assert.doesNotThrow(() => buildListing(odd.network, odd.connectivity()));
  });

  it('reuses per-file extraction for unchanged files', () => {
    const cache = new ExtractionCache();
    const unchanged = buildFileModel('file:///ws/a.yaml', DOCS[0]!, 0);
    const first = new WorkspaceAnalysis(new ManifestSet([unchanged, buildFileModel('file:///ws/b.yaml', DOCS[3]!, 0)], 1), DEFAULT_SETTINGS, cache);
    const second = new WorkspaceAnalysis(new ManifestSet([unchanged, buildFileModel('file:///ws/b.yaml', DOCS[5]!, 1)], 2), DEFAULT_SETTINGS, cache);
    assert.equal(first.workloads()[0]?.workload, second.workloads()[0]?.workload, 'same extracted object, not re-read');
    assert.equal(cache.get(unchanged, 'default'), cache.get(unchanged, 'default'));
  });

  it('the order of documents never changes the answer', () => {
    const lines = (docs: readonly string[]): string[] => {
      const x = analysis({ 'a.yaml': docs.join('\n---\n') });
      return buildListing(x.network, x.connectivity(), { families: ['ipv4', 'ipv6'] }).map(entryLine);
    };
    const expected = lines(DOCS);
    fc.assert(
      fc.property(fc.shuffledSubarray(DOCS, { minLength: DOCS.length, maxLength: DOCS.length }), (docs) => {
        assert.deepEqual(lines(docs), expected);
      }),
      { numRuns: 30 },
    );
  });
});
