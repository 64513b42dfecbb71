/**
 * Lean trees (`server/src/model/leanTree.ts`): a workload's model keeps only the pod spec,
 * controller spec and metadata fields that anything but the file-scope rules reads, and nothing the user sees changes for it. Every
 * fixture, e2e workspace and conformance input gives the same findings (fixes and related
 * locations included), hovers and code lenses read with lean trees as with full ones.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeLenses } from '../../server/src/features/codeLenses';
import { hoverAt } from '../../server/src/features/hover';
import { buildFileModel, fullDocument, withFullTrees } from '../../server/src/model/fileModel';
import { reachesLeftOutField } from '../../server/src/model/leanTree';
import { pairKey } from '../../server/src/model/pairNode';
import { at, isMap, toPlain, type YNode } from '../../server/src/model/yamlTree';
import { findingsFor, loadFixture, type FixtureWorkspace } from '../support/fixtureWorkspace';

const repo = join(__dirname, '..', '..');
const conformance = resolve(process.env.NETPOL_CONFORMANCE_DIR ?? join(repo, '..', 'shared', 'conformance'));

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: {app: api}
  annotations:
    owner: team-a
spec:
  replicas: 2
  strategy:
    type: RollingUpdate
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels:
        app: api
      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: api
      hostNetwork: true
      containers:
      - name: api
        image: example/api:1
        env:
        - name: A
          value: "1"
        ports:
        - name: http
          containerPort: 8080
      volumes:
      - name: config
        emptyDir: {}
`;

/** Every offset of every node of a tree, with its path, as a flat list (to compare two trees). */
function spans(node: YNode | undefined, path = ''): string[] {
  if (!node) return [];
  const own = `${path} ${node.type} ${node.start}-${node.end}`;
  if (node.type === 'scalar') return [own];
  if (node.type === 'seq') return [own, ...node.items.flatMap((n, i) => spans(n, `${path}/${i}`))];
  return [own, ...node.pairs.flatMap((p) => [...spans(p.key, `${path}/${p.key.source}:key`), ...spans(p.value, `${path}/${p.key.source}`)])];
}

describe('lean trees', () => {
  it('keep hostNetwork, the service account, each container’s name and ports, the selector, labels and names, at their offsets, and leave the rest of the pod and controller specs and annotations out', () => {
    const lean = buildFileModel('file:///d.yaml', DEPLOYMENT, 1);
    const full = withFullTrees(() => buildFileModel('file:///d.yaml', DEPLOYMENT, 1));
    const doc = lean.documents[0];
    assert.ok(doc?.lean);
    assert.deepEqual(toPlain(doc.root), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', labels: { app: 'api' } },
      spec: { selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { serviceAccountName: 'api', hostNetwork: true, containers: [{ name: 'api', ports: [{ name: 'http', containerPort: 8080 }] }] } } },
    });
    const fullSpans = new Set(spans(full.documents[0]?.root));
    for (const s of spans(doc.root)) assert.ok(fullSpans.has(s), `${s} is where the full tree has it`);
    assert.equal(full.documents[0]?.lean, false);
  });

  it('give the full tree back: handed over once, then read again from the text, at the document’s offset', () => {
    const text = `kind: ConfigMap\napiVersion: v1\n---\n${DEPLOYMENT}`;
    const full = withFullTrees(() => buildFileModel('file:///d.yaml', text, 1)).documents[1]?.root;
    const doc = buildFileModel('file:///d.yaml', text, 1).documents[1];
    assert.ok(doc);
    const first = fullDocument(doc).root;
    const again = fullDocument(doc).root;
    assert.deepEqual(spans(first), spans(full));
    assert.deepEqual(spans(again), spans(full));
    assert.deepEqual(toPlain(again), toPlain(full));
  });

  it('are not made for custom resources, documents with aliases, or maps with duplicate keys', () => {
    const custom = DEPLOYMENT.replace('apps/v1', 'example.com/v1');
    const aliased = DEPLOYMENT.replace('serviceAccountName: api', 'serviceAccountName: &sa api\n      automountServiceAccountToken: false\n      subdomain: *sa');
    const duplicate = DEPLOYMENT.replace('serviceAccountName: api', 'serviceAccountName: api\n      serviceAccountName: api2');
    for (const text of [custom, aliased]) assert.equal(buildFileModel('file:///d.yaml', text, 1).documents[0]?.lean, false, text);
    // The map with a duplicate key stays whole (its lost pair must stay findable); the others are lean.
    const podSpec = at(buildFileModel('file:///d.yaml', duplicate, 1).documents[0]?.root, ['spec', 'template', 'spec']);
    assert.deepEqual(isMap(podSpec) && podSpec.pairs.map(pairKey), ['serviceAccountName', 'hostNetwork', 'containers', 'volumes']);
    assert.equal(isMap(podSpec) && podSpec.overridden?.length, 1);
  });

  it('say which JSON patch paths need the full tree', () => {
    const seg = (p: string): string[] => p.slice(1).split('/');
    assert.equal(reachesLeftOutField('Deployment', seg('/spec/template/spec/containers/0/env/-')), true);
    assert.equal(reachesLeftOutField('Deployment', seg('/spec/template/spec/volumes')), true);
    assert.equal(reachesLeftOutField('Deployment', seg('/spec/template/spec/containers/0/ports/-')), false);
    assert.equal(reachesLeftOutField('Deployment', seg('/spec/template/metadata/labels/app')), false);
    assert.equal(reachesLeftOutField('CronJob', seg('/spec/jobTemplate/spec/template/spec/affinity')), true);
    assert.equal(reachesLeftOutField('Pod', seg('/spec/containers/0/image')), true);
    assert.equal(reachesLeftOutField('Service', seg('/spec/ports/0')), false);
    assert.equal(reachesLeftOutField('Deployment', seg('/spec/replicas')), true);
    assert.equal(reachesLeftOutField('Deployment', seg('/spec/strategy/type')), true);
    assert.equal(reachesLeftOutField('Deployment', seg('/spec/selector/matchLabels/app')), false);
    assert.equal(reachesLeftOutField('Deployment', seg('/spec')), false);
    assert.equal(reachesLeftOutField('Deployment', seg('/metadata/annotations/owner')), true);
    assert.equal(reachesLeftOutField('Deployment', seg('/metadata/labels/app')), false);
    assert.equal(reachesLeftOutField('Deployment', seg('/spec/template/metadata/annotations')), true);
    assert.equal(reachesLeftOutField('CronJob', seg('/spec/schedule')), true);
    assert.equal(reachesLeftOutField('CronJob', seg('/spec/jobTemplate/metadata/annotations/a')), true);
    assert.equal(reachesLeftOutField('CronJob', seg('/spec/jobTemplate/spec/backoffLimit')), true);
    assert.equal(reachesLeftOutField('CronJob', seg('/spec/jobTemplate/spec/template/metadata/labels')), false);
    assert.equal(reachesLeftOutField('Pod', seg('/metadata/annotations')), true);
    assert.equal(reachesLeftOutField('Service', seg('/metadata/annotations')), false);
  });
});

function fixtureCases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => !n.endsWith('.settings.json') && n !== 'settings.json' && n !== 'README.md')
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isDirectory() || /\.(ya?ml|json)$/.test(p));
}

const fixtures = join(repo, 'test', 'fixtures');
const corpora: { name: string; cases: string[] }[] = [
  { name: 'rule fixtures', cases: readdirSync(join(fixtures, 'rules')).flatMap((r) => fixtureCases(join(fixtures, 'rules', r))) },
  { name: 'fix fixtures', cases: readdirSync(join(fixtures, 'fixes')).flatMap((r) => fixtureCases(join(fixtures, 'fixes', r))) },
  { name: 'workspace, view, feature and CLI fixtures', cases: ['workspaces', 'views', 'features', 'graph', 'cli'].flatMap((d) => fixtureCases(join(fixtures, d))) },
  { name: 'e2e workspaces', cases: readdirSync(join(repo, 'test', 'e2e')).filter((n) => n.startsWith('workspace')).map((n) => join(repo, 'test', 'e2e', n)) },
  { name: 'conformance inputs', cases: ['netpol-analyzer', 'netpol-analyzer-anp'].flatMap((d) => fixtureCases(join(conformance, d, 'inputs'))) },
];

/** What a user sees of a workspace: every file's findings, hovers at each line's first word, lenses. */
function seen(ws: FixtureWorkspace): unknown {
  return ws.files.map((f) => {
    const hovers: unknown[] = [];
    let offset = 0;
    for (const line of f.model.text.split('\n')) {
      const word = line.search(/\S/);
      if (word >= 0) hovers.push(hoverAt(ws.analysis, f.model, offset + word));
      offset += line.length + 1;
    }
    return { file: f.relativePath, findings: findingsFor(ws, f), hovers, lenses: codeLenses(ws.analysis, f.model) };
  });
}

describe('lean trees change nothing a user sees', () => {
  for (const corpus of corpora) {
    it(`${corpus.name}: findings, fixes, hovers and lenses as with full trees`, () => {
      let lean = 0;
      for (const path of corpus.cases) {
        const ws = loadFixture(path);
        lean += ws.files.reduce((n, f) => n + f.model.documents.filter((d) => d.lean).length, 0);
        assert.deepStrictEqual(seen(ws), withFullTrees(() => seen(loadFixture(path))), path);
      }
      assert.ok(corpus.cases.length > 0, `${corpus.name}: no cases found`);
      if (corpus.name !== 'fix fixtures') assert.ok(lean > 0, `${corpus.name}: no document was lean, so nothing was compared`);
    });
  }
});
