/**
 * workspaceChanges: what an edit changed, as the rules judged per item read it — the changed
 * files, the namespaces whose workloads, NetworkPolicies, Services or unknown custom resources
 * changed, and whether Namespace manifests, cluster-wide policies or route classes did.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { ExtractionCache } from '../../../server/src/analysis/fileExtraction';
import { WorkspaceAnalysis } from '../../../server/src/analysis/workspaceAnalysis';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';
import { workspaceChanges, type WorkspaceChanges } from '../../../server/src/rules/crossFile/workspaceChanges';

const deployment = (ns: string, app: string, replicas = 1): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${app}, namespace: ${ns}}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: ${app}}}\n` +
  `  template:\n    metadata: {labels: {app: ${app}}}\n    spec:\n      containers: [{name: main, image: x}]\n`;
const policy = (ns: string, types: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: ${ns}}\nspec:\n  podSelector: {}\n  policyTypes: ${types}\n`;
const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {env: prod}}\n';
const admin = 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec:\n  priority: 1\n  subject: {namespaces: {}}\n  ingress: []\n';
const ingressClass = (controller: string): string => `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: ${controller}}\n`;

const FILES: Record<string, string> = {
  'web.yaml': deployment('shop', 'web'),
  'db.yaml': `${deployment('data', 'db')}---\n${policy('data', '[Ingress]')}`,
  'ns.yaml': namespace,
  'admin.yaml': admin,
  'class.yaml': ingressClass('k8s.io/ingress-nginx'),
};

/** The changes from the workspace of FILES to the same with `edits` made (undefined: the file removed). */
function changesAfter(edits: Record<string, string | undefined>, makeFresh = false): WorkspaceChanges {
  const cache = new ExtractionCache();
  const models = new Map(Object.entries(FILES).map(([name, text]) => [name, buildFileModel(`file:///ws/${name}`, text, 0)]));
  const before = new ManifestSet(models.values(), 1);
  let after = before;
  for (const [name, text] of Object.entries(edits)) after = text === undefined ? after.without(`file:///ws/${name}`) : after.with(buildFileModel(`file:///ws/${name}`, text, 1));
  // A view built afresh shares the unchanged models but has no history: every file is compared.
  if (makeFresh) after = new ManifestSet(after.files(), after.version);
  new WorkspaceAnalysis(before, DEFAULT_SETTINGS, cache).workloads();
  return workspaceChanges(new WorkspaceAnalysis(after, DEFAULT_SETTINGS, cache), before);
}

const summary = (c: WorkspaceChanges): Record<string, unknown> => ({
  files: [...c.files].sort(),
  workloads: [...c.workloads].sort(),
  policies: [...c.policies].sort(),
  inChangedFiles: [...c.inChangedFiles].sort(),
  namespaces: c.namespaces,
  clusterPolicies: c.clusterPolicies,
  routeClasses: c.routeClasses,
});

describe('workspaceChanges', () => {
  it('a field no rule reads (replicas) changes the file, not its workloads', () => {
    assert.deepEqual(summary(changesAfter({ 'web.yaml': deployment('shop', 'web', 3) })), {
      files: ['file:///ws/web.yaml'],
      workloads: [],
      policies: [],
      inChangedFiles: ['shop'],
      namespaces: false,
      clusterPolicies: false,
      routeClasses: false,
    });
  });

  it('a NetworkPolicy edited beside an unchanged workload names its namespace under policies only', () => {
    const c = changesAfter({ 'db.yaml': `${deployment('data', 'db')}---\n${policy('data', '[Ingress, Egress]')}` });
    assert.deepEqual([c.workloads, c.policies].map((s) => [...s]), [[], ['data']]);
  });

  it('a workload moved to another namespace names both', () => {
    assert.deepEqual([...changesAfter({ 'web.yaml': deployment('data', 'web') }).workloads].sort(), ['data', 'shop']);
  });

  it('a removed file names what it held; an added one what it holds', () => {
    assert.deepEqual(summary(changesAfter({ 'db.yaml': undefined, 'new.yaml': deployment('ops', 'api') })), {
      files: ['file:///ws/db.yaml', 'file:///ws/new.yaml'],
      workloads: ['data', 'ops'],
      policies: ['data'],
      inChangedFiles: ['data', 'ops'],
      namespaces: false,
      clusterPolicies: false,
      routeClasses: false,
    });
  });

  it('Namespace manifests, cluster-wide policies and route classes are flagged, whatever changed in their files', () => {
    assert.equal(changesAfter({ 'ns.yaml': `# labels below\n${namespace}` }).namespaces, true);
    assert.equal(changesAfter({ 'admin.yaml': `# moved\n${admin}` }).clusterPolicies, true);
    assert.equal(changesAfter({ 'class.yaml': `# moved\n${ingressClass('k8s.io/ingress-nginx')}` }).routeClasses, false, 'the same class, moved: nothing a rule reads');
    assert.equal(changesAfter({ 'class.yaml': ingressClass('example.com/other') }).routeClasses, true);
  });

  it('without the set history (a view built afresh), unchanged files are told by identity', () => {
    assert.deepEqual(summary(changesAfter({ 'web.yaml': deployment('shop', 'web', 3) }, true)), summary(changesAfter({ 'web.yaml': deployment('shop', 'web', 3) })));
    assert.deepEqual([...changesAfter({}, true).files], []);
  });
});
