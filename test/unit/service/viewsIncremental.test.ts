/**
 * Cluster views stay exact across edits: after any sequence of edits to a kustomize workspace —
 * an overlay's namespace, labels and patches, a base's labels and policy, an overlay added or
 * removed, a second install bundle that turns loose files into alternatives, loose files of both
 * generations of the cluster-wide policy API (each generation its own view), the base's
 * kustomization gone (the workspace may become one view), namespace-less files coming and going in
 * unrelated folders (families of folders read apart, namespaceFamilies.ts) — a long-lived
 * service gives every file exactly the findings a fresh service computes, and the publisher has
 * sent them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { FindingsService } from '../../../server/src/service/findingsService';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { longLived } from '../../support/allFindings';

const ROOT = 'file:///ws';
const LABELS = ['app: web', 'app: api', 'tier: front'] as const;

const deployment = (label: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {${label}}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports: [{name: http, containerPort: 8080}]\n`;

const policy = (selector: string, peer: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector:\n    matchLabels: {${selector}}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {${peer}}\n    ports: [{port: http}]\n`;

const overlay = (ns: string, label: string | undefined, patch: boolean): string =>
  `resources:\n- ../../base\nnamespace: ${ns}\n` +
  (label ? `labels:\n- pairs: {${label}}\n  includeTemplates: true\n` : '') +
  (patch ? `patches:\n- target: {kind: Deployment}\n  patch: |-\n    - {op: add, path: /spec/template/metadata/labels/extra, value: "yes"}\n` : '');

type Edit =
  | { kind: 'deployment'; label: string }
  | { kind: 'policy'; selector: string; peer: string }
  | { kind: 'overlay'; env: string; ns: string; label: string | undefined; patch: boolean }
  | { kind: 'removeOverlay'; env: string }
  | { kind: 'bundle'; present: boolean }
  | { kind: 'clusterPolicy'; file: 'legacy' | 'cnp'; api: 'v1alpha1' | 'v1alpha2' | undefined }
  | { kind: 'kustomization'; present: boolean };

// An Admin tier policy of either API generation, at one priority: of two in one view, both overlap.
const clusterPolicy = (api: 'v1alpha1' | 'v1alpha2', name: string): string =>
  api === 'v1alpha1'
    ? `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  priority: 5\n  subject: {namespaces: {}}\n  ingress:\n  - {name: deny, action: Deny, from: [{namespaces: {}}]}\n`
    : `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  tier: Admin\n  priority: 5\n  subject: {namespaces: {}}\n  ingress:\n  - {name: allow, action: Accept, from: [{namespaces: {}}]}\n`;

const BASE_KUSTOMIZATION = 'resources:\n- deployment.yaml\n- policy.yaml\n';
const ENVS = ['dev', 'prod', 'qa'] as const;
const labelArb = fc.constantFrom(...LABELS);
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  labelArb.map((label): Edit => ({ kind: 'deployment', label })),
  fc.tuple(labelArb, fc.constantFrom('app: web', 'app: gateway', 'extra: "yes"')).map(([selector, peer]): Edit => ({ kind: 'policy', selector, peer })),
  fc
    .tuple(fc.constantFrom(...ENVS), fc.constantFrom('dev', 'prod', 'shop'), fc.option(fc.constantFrom('tier: front', 'app: api'), { nil: undefined }), fc.boolean())
    .map(([env, ns, label, patch]): Edit => ({ kind: 'overlay', env, ns, label, patch })),
  fc.constantFrom(...ENVS).map((env): Edit => ({ kind: 'removeOverlay', env })),
  fc.boolean().map((present): Edit => ({ kind: 'bundle', present })),
  fc
    .tuple(fc.constantFrom('legacy' as const, 'cnp' as const), fc.constantFrom('v1alpha1' as const, 'v1alpha2' as const, undefined))
    .map(([file, api]): Edit => ({ kind: 'clusterPolicy', file, api })),
  fc.boolean().map((present): Edit => ({ kind: 'kustomization', present })),
);

function apply(index: WorkspaceIndex, edit: Edit, version: number): void {
  switch (edit.kind) {
    case 'deployment':
      index.setDiskText(`${ROOT}/base/deployment.yaml`, deployment(edit.label));
      break;
    case 'policy':
      index.changeDocument(`${ROOT}/base/policy.yaml`, policy(edit.selector, edit.peer), version);
      break;
    case 'overlay':
      index.setDiskText(`${ROOT}/overlays/${edit.env}/kustomization.yaml`, overlay(edit.ns, edit.label, edit.patch));
      break;
    case 'removeOverlay':
      index.removeDiskFile(`${ROOT}/overlays/${edit.env}/kustomization.yaml`);
      break;
    case 'bundle':
      // Two loose install files defining the same policy: alternatives beside the kustomize views.
      if (edit.present) {
        index.setDiskText(`${ROOT}/install.yaml`, `${deployment('app: web')}---\n${policy('app: web', 'app: web')}`);
        index.setDiskText(`${ROOT}/ha/install.yaml`, policy('app: api', 'app: db'));
      } else {
        index.removeDiskFile(`${ROOT}/install.yaml`);
        index.removeDiskFile(`${ROOT}/ha/install.yaml`);
      }
      break;
    case 'clusterPolicy':
      if (edit.api) index.setDiskText(`${ROOT}/${edit.file}/tiers.yaml`, clusterPolicy(edit.api, edit.file));
      else index.removeDiskFile(`${ROOT}/${edit.file}/tiers.yaml`);
      break;
    case 'kustomization':
      if (edit.present) index.setDiskText(`${ROOT}/base/kustomization.yaml`, BASE_KUSTOMIZATION);
      else index.removeDiskFile(`${ROOT}/base/kustomization.yaml`);
  }
}

async function holdsFresh(initial: readonly { uri: string; text: string }[], edits: readonly (Edit | FamilyEdit)[]): Promise<void> {
  const index = new WorkspaceIndex();
  index.setDiskTexts([...initial]);
  const settings = { ...DEFAULT_SETTINGS, workspaceIsWholeCluster: true };
  const { service, published, all } = await longLived(index, settings);
  for (const [i, edit] of edits.entries()) {
    applyFamilyEdit(index, edit, i + 2);
    assert.deepEqual(all(service), all(new FindingsService()), `after edit ${i} (${edit.kind})`);
    await published.settle();
    published.assertFresh(`after edit ${i} (${edit.kind})`);
  }
}

/** Namespace-less files in folders of several families (tests/*, samples/* apart; store/app beside store/policies; deploy/* cousins). */
const FAMILY_FOLDERS = ['tests/deny', 'tests/other', 'samples/shop', 'store/app', 'store/policies', 'deploy/policies', 'deploy/apps/api'] as const;

type FamilyEdit =
  | { kind: 'workload'; folder: (typeof FAMILY_FOLDERS)[number]; name: string; label: string | undefined }
  | { kind: 'familyPolicy'; folder: (typeof FAMILY_FOLDERS)[number]; selector: string; peer: string; editor: boolean }
  | { kind: 'removePolicy'; folder: (typeof FAMILY_FOLDERS)[number] }
  | { kind: 'shared'; present: boolean }
  | { kind: 'rootPod'; present: boolean };

/** A sample app with an Ingress, and a test's policy that would drop it were the two one namespace. */
const SAMPLE_APP = `${deployment('app: web')}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  ingressClassName: nginx\n  defaultBackend:\n    service: {name: web, port: {number: 80}}\n`;
const ONLY_HBONE = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: only-hbone}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n  - ports: [{port: 15008}]\n';

const familyEditArb: fc.Arbitrary<FamilyEdit> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...FAMILY_FOLDERS), fc.constantFrom('web', 'api', 'probe'), fc.option(labelArb, { nil: undefined }))
    .map(([folder, name, label]): FamilyEdit => ({ kind: 'workload', folder, name, label })),
  fc
    .tuple(fc.constantFrom(...FAMILY_FOLDERS), labelArb, fc.constantFrom('app: web', 'app: api', 'tier: front'), fc.boolean())
    .map(([folder, selector, peer, editor]): FamilyEdit => ({ kind: 'familyPolicy', folder, selector, peer, editor })),
  fc.constantFrom(...FAMILY_FOLDERS).map((folder): FamilyEdit => ({ kind: 'removePolicy', folder })),
  fc.boolean().map((present): FamilyEdit => ({ kind: 'shared', present })),
  fc.boolean().map((present): FamilyEdit => ({ kind: 'rootPod', present })),
);

function applyFamilyEdit(index: WorkspaceIndex, edit: FamilyEdit | Edit, version: number): void {
  switch (edit.kind) {
    case 'workload': {
      const uri = `${ROOT}/${edit.folder}/${edit.name}.yaml`;
      if (edit.label) index.setDiskText(uri, deployment(edit.label).replace('metadata:\n  name: web', `metadata:\n  name: ${edit.name}`));
      else index.removeDiskFile(uri);
      break;
    }
    case 'familyPolicy':
      if (edit.editor) index.changeDocument(`${ROOT}/${edit.folder}/policy.yaml`, policy(edit.selector, edit.peer), version);
      else index.setDiskText(`${ROOT}/${edit.folder}/policy.yaml`, policy(edit.selector, edit.peer));
      break;
    case 'removePolicy':
      index.removeDiskFile(`${ROOT}/${edit.folder}/policy.yaml`);
      break;
    case 'shared':
      // Analysed objects with a namespace of their own: read in every family view.
      if (edit.present) index.setDiskText(`${ROOT}/infra/dns.yaml`, deployment('app: web').replace('metadata:\n  name: web', 'metadata:\n  name: dns\n  namespace: default'));
      else index.removeDiskFile(`${ROOT}/infra/dns.yaml`);
      break;
    case 'rootPod':
      // A namespace-less object at the root: every folder joins its family, and family views go.
      if (edit.present) index.setDiskText(`${ROOT}/pod.yaml`, 'apiVersion: v1\nkind: Pod\nmetadata: {name: root, labels: {app: root}}\nspec:\n  containers: [{name: c, image: x}]\n');
      else index.removeDiskFile(`${ROOT}/pod.yaml`);
      break;
    default:
      apply(index, edit, version);
  }
}

describe('cluster views across edits', () => {
  it('a long-lived service gives every file the findings a fresh one computes, and the publisher has sent them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) =>
        holdsFresh(
          [
            { uri: `${ROOT}/base/kustomization.yaml`, text: BASE_KUSTOMIZATION },
            { uri: `${ROOT}/base/deployment.yaml`, text: deployment('app: web') },
            { uri: `${ROOT}/base/policy.yaml`, text: policy('app: web', 'app: web') },
            { uri: `${ROOT}/overlays/dev/kustomization.yaml`, text: overlay('dev', undefined, false) },
          ],
          edits,
        ),
      ),
      { seed: 1207, numRuns: 60 },
    );
  });

  it('in a workspace of loose files only (one view until they hold alternatives or both policy APIs), likewise', async () => {
    const looseEdit = editArb.filter((e) => e.kind === 'deployment' || e.kind === 'policy' || e.kind === 'bundle' || e.kind === 'clusterPolicy');
    await fc.assert(
      fc.asyncProperty(fc.array(looseEdit, { minLength: 1, maxLength: 12 }), (edits) =>
        holdsFresh(
          [
            { uri: `${ROOT}/base/deployment.yaml`, text: deployment('app: web') },
            { uri: `${ROOT}/base/policy.yaml`, text: policy('app: web', 'app: web') },
          ],
          edits,
        ),
      ),
      { seed: 1207, numRuns: 60 },
    );
  });

  it('a finding only the family views hid appears when the folders become one family, and goes again', async () => {
    await holdsFresh(
      [
        { uri: `${ROOT}/samples/shop/web.yaml`, text: SAMPLE_APP },
        { uri: `${ROOT}/tests/hbone/policy.yaml`, text: ONLY_HBONE },
      ],
      [
        { kind: 'rootPod', present: true },
        { kind: 'rootPod', present: false },
      ],
    );
  });

  it('with namespace-less files in folders of several families (and a bundle at the root that joins them all), likewise', async () => {
    const edit = fc.oneof(familyEditArb, editArb.filter((e) => e.kind === 'bundle' || e.kind === 'policy'));
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 14 }), (edits) =>
        holdsFresh(
          [
            { uri: `${ROOT}/samples/shop/web.yaml`, text: deployment('app: web') },
            { uri: `${ROOT}/tests/deny/policy.yaml`, text: policy('app: web', 'app: api') },
            { uri: `${ROOT}/store/app/api.yaml`, text: deployment('app: api').replace('metadata:\n  name: web', 'metadata:\n  name: api') },
            { uri: `${ROOT}/store/policies/policy.yaml`, text: policy('app: api', 'app: web') },
            { uri: `${ROOT}/samples/app/web.yaml`, text: SAMPLE_APP },
            { uri: `${ROOT}/tests/hbone/policy.yaml`, text: ONLY_HBONE },
          ],
          edits,
        ),
      ),
      { seed: 1207, numRuns: 60 },
    );
  });
});
