/**
 * Item rules whose judge says where its items stand (`placement`): an edit asks only the items in
 * the changed files or reading the changed namespaces, a workspace-wide change asks every item,
 * and the findings are the same as a fresh analysis's either way.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import type { Sourced } from '../../../server/src/analysis/fileExtraction';
import type { Route } from '../../../server/src/analysis/readRoute';
import { AnalysisCarry } from '../../../server/src/analysis/analysisCarry';
import { ExtractionCache } from '../../../server/src/analysis/fileExtraction';
import { WorkspaceAnalysis } from '../../../server/src/analysis/workspaceAnalysis';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';
import { itemRule } from '../../../server/src/rules/crossFile/itemRule';
import { ItemPlacements } from '../../../server/src/rules/crossFile/itemPlacement';
import { podsOrPoliciesChanged, type WorkspaceChanges } from '../../../server/src/rules/crossFile/workspaceChanges';

const deployment = (ns: string, app: string, label = app): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${app}, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {app: ${label}}}\n` +
  `  template:\n    metadata: {labels: {app: ${label}}}\n    spec:\n      containers: [{name: main, image: x}]\n`;
const ingress = (ns: string, name: string, backendNamespace = ns): string =>
  `apiVersion: ${backendNamespace === ns ? 'networking.k8s.io/v1\nkind: Ingress' : 'gateway.networking.k8s.io/v1\nkind: HTTPRoute'}\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n` +
  (backendNamespace === ns
    ? `  defaultBackend: {service: {name: ${name}, port: {number: 80}}}\n`
    : `  rules:\n  - backendRefs: [{name: ${name}, namespace: ${backendNamespace}, port: 80}]\n`);
const namespaceManifest = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n';

const FILES: Record<string, string> = {
  'shop.yaml': `${deployment('shop', 'web')}---\n${ingress('shop', 'web')}`,
  'data.yaml': `${deployment('data', 'db')}---\n${ingress('data', 'db')}`,
  'edge.yaml': ingress('edge', 'api', 'data'),
  'other.yaml': deployment('other', 'batch'),
  'ns.yaml': namespaceManifest,
};

const uri = (name: string): string => `file:///ws/${name}`;

/** A rule over the workspace's routes, judging each as "route <name>", that records which routes it judged and which it asked `holds` of. */
function routeNamesRule(judged: string[], asked: string[]): ReturnType<typeof itemRule> {
  return itemRule<Sourced<Route>>('ingress-controller-blocked', {
    items: (a) => a.routes(),
    judge: (route) => {
      judged.push(route.value.name);
      return [{ uri: route.source.uri, finding: { ruleId: 'ingress-controller-blocked', message: `route ${route.value.name}`, start: route.source.node?.start ?? 0, end: route.source.node?.end ?? 0, fixes: [] } }];
    },
    holds: (route, changes) => {
      asked.push(route.value.name);
      return !changes.files.has(route.source.uri) && !changes.namespaces && route.value.backends.every((b) => !podsOrPoliciesChanged(changes, b.namespace));
    },
    placement: { of: (route) => ({ uri: route.source.uri, namespaces: route.value.backends.map((b) => b.namespace) }), wide: (changes) => changes.namespaces },
  });
}

/** The workspace of FILES, then the same with `edits` made: which routes the rule judged for the edit, and whether its findings equal a fresh analysis's. */
function afterEdit(edits: Record<string, string>): { judged: string[]; asked: string[]; sameAsFresh: boolean } {
  const judged: string[] = [];
  const asked: string[] = [];
  const rule = routeNamesRule(judged, asked);
  const cache = new ExtractionCache();
  const carry = new AnalysisCarry();
  const before = new ManifestSet(Object.entries(FILES).map(([name, text]) => buildFileModel(uri(name), text, 0)), 1);
  rule.prepare?.(new WorkspaceAnalysis(before, DEFAULT_SETTINGS, cache, carry));
  let after = before;
  for (const [name, text] of Object.entries(edits)) after = after.with(buildFileModel(uri(name), text, 1));
  judged.length = 0;
  asked.length = 0;
  const analysis = new WorkspaceAnalysis(after, DEFAULT_SETTINGS, cache, carry);
  const findings = (a: WorkspaceAnalysis): unknown[] => [...a.manifests.files()].map((file) => rule.check({ file, manifests: a.manifests, settings: DEFAULT_SETTINGS, analysis: a }));
  const incremental = findings(analysis);
  const judgedForEdit = [...judged];
  const askedForEdit = [...asked];
  const fresh = findings(new WorkspaceAnalysis(after, DEFAULT_SETTINGS, new ExtractionCache(), new AnalysisCarry()));
  return { judged: judgedForEdit, asked: askedForEdit, sameAsFresh: JSON.stringify(incremental) === JSON.stringify(fresh) };
}

describe('item rules with placements', () => {
  it('judge only the routes whose file or backend namespace an edit changed', () => {
    // A workload in data is relabelled: the route in data.yaml, and the one in edge.yaml sending to data.
    const r = afterEdit({ 'data.yaml': `${deployment('data', 'db', 'db-v2')}---\n${ingress('data', 'db')}` });
    assert.deepEqual(r.judged.sort(), ['api', 'db']);
    assert.ok(r.sameAsFresh);
  });

  it('ask nothing of any route after an edit in a namespace no route reads', () => {
    const r = afterEdit({ 'other.yaml': deployment('other', 'batch', 'batch-v2') });
    assert.deepEqual(r.asked, []);
    assert.deepEqual(r.judged, []);
    assert.ok(r.sameAsFresh);
  });

  it('judge every route after a change every route reads', () => {
    const r = afterEdit({ 'ns.yaml': `${namespaceManifest}  labels: {team: a}\n` });
    assert.deepEqual(r.judged.sort(), ['api', 'db', 'web']);
    assert.ok(r.sameAsFresh);
  });

  it('keep findings equal to a fresh analysis when the edit moves a route', () => {
    const r = afterEdit({ 'shop.yaml': `# moved\n${FILES['shop.yaml'] ?? ''}` });
    assert.deepEqual(r.judged, ['web']);
    assert.ok(r.sameAsFresh);
  });
});

describe('ItemPlacements.touched', () => {
  const changes = (over: Partial<WorkspaceChanges>): WorkspaceChanges => ({
    files: new Set(),
    workloads: new Set(),
    policies: new Set(),
    services: new Set(),
    unknownResources: new Set(),
    inChangedFiles: new Set(),
    namespaces: false,
    clusterPolicies: false,
    routeClasses: false,
    ...over,
  });
  const items = ['a', 'b', 'c'];
  const placements = new ItemPlacements(items, (item) => ({ uri: `${item}.yaml`, namespaces: item === 'c' ? ['x', 'y'] : ['x'] }));

  it('gives the items of a changed file', () => {
    assert.deepEqual([...placements.touched(changes({ files: new Set(['b.yaml']) }))], ['b']);
  });

  it('gives the items reading a namespace whose workloads, policies or Services changed, and not those whose unknown resources did', () => {
    assert.deepEqual([...placements.touched(changes({ services: new Set(['y']) }))], ['c']);
    assert.deepEqual([...placements.touched(changes({ workloads: new Set(['x']) }))], ['a', 'b', 'c']);
    assert.deepEqual([...placements.touched(changes({ unknownResources: new Set(['x']) }))], []);
  });

  it('answers for the array it was made from', () => {
    assert.equal(placements.items, items);
  });
});
