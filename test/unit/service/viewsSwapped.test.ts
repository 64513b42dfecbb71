/**
 * An edit that leaves the files grouped as they were (the same objects by kind, namespace and
 * name, the same family role, not a kustomization or a patch) swaps the edited file's new model
 * into the views holding it, and every other view keeps its very same manifest set, so its
 * analysis is reused as is (views/clusterViews.ts `swapped`). After any sequence of such edits,
 * mixed with edits that do regroup the files, a long-lived service gives every file exactly the
 * findings a fresh service computes and the publisher has sent them — in a workspace of kustomize
 * overlays (one of them with a JSON patch that fails when the base lacks the label it removes),
 * a declared view, alternative install bundles and folders of several families.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { FindingsService } from '../../../server/src/service/findingsService';
import type { ClusterViews } from '../../../server/src/views/clusterViews';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { longLived } from '../../support/allFindings';

const ROOT = 'file:///ws';

const deployment = (name: string, labels: string, namespace?: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {${labels}}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n        ports: [{name: http, containerPort: 8080}]\n`;

const policy = (name: string, selector: string, peer: string, namespace?: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  podSelector:\n    matchLabels: {${selector}}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {${peer}}\n    ports: [{port: http}]\n`;

/** A sample's Service and Ingress in front of its Deployment `web`. */
const SAMPLE_ROUTE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  ingressClassName: nginx\n  defaultBackend:\n    service: {name: web, port: {number: 80}}\n';

const LABELS = ['app: web', 'app: api', 'app: web, extra: "yes"', 'tier: front'] as const;
const PEERS = ['app: web', 'app: api', 'extra: "yes"'] as const;

/** The files an edit rewrites, each with the texts it may take (the first ones keep the grouping, the last ones may not). */
const FILES: Readonly<Record<string, (label: string, peer: string, variant: number) => string>> = {
  // kustomize: a base read by two overlays
  'base/deployment.yaml': (label, _peer, variant) => deployment(variant === 3 ? 'web2' : 'web', label),
  'base/policy.yaml': (label, peer, variant) => policy(variant === 3 ? 'web2' : 'web', label, peer),
  // a patch file (read by the prod build): always regroups
  'overlays/prod/patch.yaml': (label) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata:\n      labels: {${label}}\n`,
  // declared view
  'edge/app.yaml': (label, _peer, variant) => deployment('edge', label, variant === 3 ? 'other' : 'edge'),
  'edge/policy.yaml': (label, peer) => policy('edge', label, peer, 'edge'),
  // alternatives: the same policy in two bundles, and a file every bundle holds
  // (ha's policy selects only install.yaml's workload: in its own alternative it selects nothing)
  'install.yaml': (label, peer, variant) => `${deployment('web', 'tier: shop', 'shop')}---\n${policy(variant === 3 ? 'other' : 'web', label, peer, 'shop')}`,
  'ha/install.yaml': (_label, peer) => policy('web', 'tier: shop', peer, 'shop'),
  'common/db.yaml': (label, _peer, variant) => deployment('db', label, variant === 3 ? undefined : 'shop'),
  // families: namespace-less files in folders of cases
  // (variant 3 gives the test's policy its namespace: one family left, and the sample's route it drops is a finding again)
  'tests/deny/policy.yaml': (label, peer, variant) => policy('deny', label, peer, variant === 3 ? 'default' : undefined),
  'samples/shop/web.yaml': (label, _peer, variant) => `${deployment('web', label)}---\n${SAMPLE_ROUTE}${variant >= 2 ? '# a comment\n' : ''}`,
};

const INITIAL: readonly { uri: string; text: string }[] = [
  { uri: `${ROOT}/base/kustomization.yaml`, text: 'resources:\n- deployment.yaml\n- policy.yaml\n' },
  {
    uri: `${ROOT}/overlays/dev/kustomization.yaml`,
    text: 'resources:\n- ../../base\nnamespace: dev\npatches:\n- target: {kind: Deployment}\n  patch: |-\n    - {op: remove, path: /spec/template/metadata/labels/extra}\n',
  },
  { uri: `${ROOT}/overlays/prod/kustomization.yaml`, text: 'resources:\n- ../../base\nnamespace: prod\npatches:\n- path: patch.yaml\n' },
  ...Object.entries(FILES).map(([path, text]) => ({ uri: `${ROOT}/${path}`, text: text('app: web', 'app: web', 0) })),
];

interface Edit {
  readonly path: string;
  readonly label: string;
  readonly peer: string;
  /** 0–2 keep the file's objects and role (2: also adds a comment where the file takes one); 3 renames an object or moves it to another namespace. */
  readonly variant: number;
  /** Through an editor (a version) or on disk. */
  readonly editor: boolean;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  path: fc.constantFrom(...Object.keys(FILES)),
  label: fc.constantFrom(...LABELS),
  peer: fc.constantFrom(...PEERS),
  variant: fc.nat(3),
  editor: fc.boolean(),
});

async function holdsFresh(edits: readonly Edit[], onStep: (views: ClusterViews, step: number) => void = () => undefined): Promise<void> {
  const index = new WorkspaceIndex();
  index.setDiskTexts([...INITIAL]);
  const settings = { ...DEFAULT_SETTINGS, workspaceIsWholeCluster: true, clusters: { edge: ['edge/**'] } };
  const { service, published, all } = await longLived(index, settings);
  for (const [i, edit] of edits.entries()) {
    const uri = `${ROOT}/${edit.path}`;
    const before = service.views(index.manifests, settings);
    const text = (FILES[edit.path] as (label: string, peer: string, variant: number) => string)(edit.label, edit.peer, edit.variant);
    if (edit.editor) index.changeDocument(uri, text, i + 2);
    else index.setDiskText(uri, text);
    const step = `after edit ${i} (${edit.path}, variant ${edit.variant})`;
    assert.deepEqual(all(service), all(new FindingsService()), step);
    const after = service.views(index.manifests, settings);
    if (edit.variant < 3 && !edit.path.endsWith('patch.yaml')) {
      // The grouping is kept: the views not holding the file keep their very sets.
      const views = [...after.views, ...after.families.views];
      assert.deepEqual(
        views.map((v) => v.id),
        [...before.views, ...before.families.views].map((v) => v.id),
        step,
      );
      const previous = new Map([...before.views, ...before.families.views].map((v) => [v.id, v.manifests]));
      for (const view of views) if (!view.manifests.getFile(uri)) assert.equal(view.manifests, previous.get(view.id), `${step}: ${view.id}`);
    }
    onStep(after, i);
    await published.settle();
    published.assertFresh(step);
  }
}

describe('an edit that keeps the grouping of the cluster views', () => {
  it('swaps the file into the views holding it, keeps every other view, and a long-lived service gives every file what a fresh one computes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => holdsFresh(edits)),
      { seed: 1207, numRuns: 60 },
    );
  });

  it('a base edit that makes the dev overlay\'s JSON patch fail, then apply again, changes that view\'s partial reasons', async () => {
    const edits: Edit[] = [
      { path: 'base/deployment.yaml', label: 'app: web, extra: "yes"', peer: 'app: web', variant: 0, editor: true },
      { path: 'base/deployment.yaml', label: 'app: web', peer: 'app: web', variant: 0, editor: true },
      { path: 'base/deployment.yaml', label: 'app: web, extra: "yes"', peer: 'app: web', variant: 1, editor: true },
    ];
    const failing = (views: ClusterViews): boolean => views.views.some((v) => v.id === 'kustomize:overlays/dev' && v.partial.some((p) => p.includes('JSON patch does not apply')));
    const seen: boolean[] = [];
    await holdsFresh(edits, (views) => seen.push(failing(views)));
    assert.deepEqual(seen, [false, true, false]);
  });
});
