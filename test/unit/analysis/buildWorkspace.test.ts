/**
 * After an edit the analysis patches the previous join of the files' extractions instead of
 * joining every file again (analysis/buildWorkspace.ts). Property: after any edit to one of a few
 * files — workloads added, removed, relabelled, Pods of one owner split over files, policies
 * added, removed or given an id another file has (renumbered `#2`), Services, Namespaces,
 * unknown custom resources — the patch, where it is taken, is exactly the full join, and it is
 * taken for the edits typing makes most.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { buildWorkspace, join, patchJoined, type Built, type Joined } from '../../../server/src/analysis/buildWorkspace';
import { ExtractionCache } from '../../../server/src/analysis/fileExtraction';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';

const deployment = (name: string, app: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers: [{name: c, image: x, ports: [{name: http, containerPort: 80}]}]\n`;
const pod = (name: string, owner: string, app: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\n  labels: {app: ${app}}\n  ownerReferences: [{kind: ReplicaSet, name: ${owner}, apiVersion: apps/v1, uid: u}]\nspec:\n  containers: [{name: c, image: x}]\n`;
const policy = (name: string, app: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  podSelector: {matchLabels: {app: ${app}}}\n  ingress: [{ports: [{port: http}]}]\n`;
const service = (name: string, app: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  selector: {app: ${app}}\n  ports: [{port: 80}]\n`;
const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: a}\n';
const unknown = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: shop\n';
const role = (verb: string): string =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: maker\n  namespace: shop\nrules: [{apiGroups: [''], resources: [pods], verbs: [${verb}]}]\n`;
const binding = (account: string): string =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: maker\n  namespace: shop\nroleRef: {kind: Role, name: maker}\nsubjects: [{kind: ServiceAccount, name: ${account}}]\n`;

const document = fc.oneof(
  fc.tuple(fc.constantFrom('web', 'api'), fc.constantFrom('web', 'api', 'db')).map(([n, a]) => deployment(n, a)),
  fc.tuple(fc.constantFrom('web-1', 'web-2'), fc.constantFrom('web-rs', 'api-rs'), fc.constantFrom('web', 'api')).map(([n, o, a]) => pod(n, o, a)),
  fc.tuple(fc.constantFrom('allow', 'deny', 'dns'), fc.constantFrom('web', 'api')).map(([n, a]) => policy(n, a)),
  fc.tuple(fc.constantFrom('web', 'api'), fc.constantFrom('web', 'api')).map(([n, a]) => service(n, a)),
  fc.constantFrom(namespace, unknown, 'replicas: [\n'),
  fc.constantFrom('create', 'get').map(role),
  fc.constantFrom('default', 'web').map(binding),
);
const fileText = fc.array(document, { maxLength: 4 }).map((docs) => docs.join('---\n'));
const URIS = ['file:///ws/a.yaml', 'file:///ws/b.yaml', 'file:///ws/c.yaml'] as const;

/** What the join holds, with objects named by file and id. */
function shape(j: Joined): unknown {
  return {
    extractions: j.extractions.map((e) => e.uri),
    workloads: j.workloads.map((w) => [w.value, w.sources.map((s) => `${s.uri}@${s.node?.start ?? -1}`)]),
    policies: j.policies.map((p) => [p.value, p.source.uri]),
    services: j.services.map((s) => [s.value, s.source.uri]),
    routes: j.routes.map((r) => r.value),
    offsets: j.offsets,
    policyIds: [j.policies.map((p) => [p.value.id, j.policyIds.get(p.value.id) === p]), [...j.policyIds.keys()].sort()],
    namespaces: [...j.namespaces].map(([k, v]) => [k, v?.value, v?.source.uri]),
    unknown: [...j.unknownResources].map(([k, v]) => [k, v.map((r) => r.value)]),
    clusterPolicies: j.clusterPolicies.map((p) => p.value),
    routeClasses: j.routeClasses.map((r) => r.value),
    podCreatorGrants: j.podCreatorGrants,
  };
}

/** What the analysis looks up, with objects named by file and offset: every manifest's workloads and policy, every policy id (and one nobody has). */
function lookups(b: Built, manifests: ManifestSet): unknown {
  const at = (o: { uri: string; node?: { start: number } }): string => `${o.uri}@${o.node?.start ?? -1}`;
  const objects = [...manifests.files()].flatMap((f) => f.objects);
  const ids = [...b.policies.map((p) => p.policy.id), 'shop/none'];
  return {
    workloads: b.workloads.map((w) => [w.index, w.workload.id, w.sources.map(at)]),
    policies: b.policies.map((p) => [p.index, p.policy.id, at(p.source)]),
    byObject: objects.map((o) => [at(o), b.lookups.workloadsOf(o).map((w) => w.index)]).sort(),
    policyByObject: objects.map((o) => [at(o), b.lookups.policyOf(o)?.index]).sort(),
    policyById: ids.map((id) => [id, b.lookups.policyById(id)?.index]).sort(),
    pieces: b.network.policies.map((_, i) => b.network.piecesOf(i, 'ingress').map((piece) => [...piece.workloads])),
  };
}

describe('the join of extractions, patched after an edit', () => {
  it('gives the lookups and engine answers a build from nothing gives', () => {
    fc.assert(
      fc.property(fc.tuple(fileText, fileText, fileText), fc.array(fc.tuple(fc.nat(2), fileText), { minLength: 1, maxLength: 6 }), (initial, steps) => {
        const cache = new ExtractionCache();
        let version = 1;
        let manifests = new ManifestSet(URIS.map((u, i) => buildFileModel(u, initial[i] ?? '', version++)), 1);
        let built = buildWorkspace(manifests, DEFAULT_SETTINGS, cache, undefined);
        for (const [which, text] of steps) {
          const uri = URIS[which] as string;
          const carried = { manifests: new WeakRef(manifests), built };
          manifests = manifests.with(buildFileModel(uri, text, version++, { previous: manifests.getFile(uri) }));
          built = buildWorkspace(manifests, DEFAULT_SETTINGS, cache, carried);
          assert.deepEqual(lookups(built, manifests), lookups(buildWorkspace(manifests, DEFAULT_SETTINGS, cache, undefined), manifests));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is the full join whenever the patch is taken, and is taken for most edits', () => {
    let patched = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.tuple(fileText, fileText, fileText), fc.array(fc.tuple(fc.nat(2), fileText), { minLength: 1, maxLength: 6 }), (initial, steps) => {
        const cache = new ExtractionCache();
        let version = 1;
        let manifests = new ManifestSet(URIS.map((u, i) => buildFileModel(u, initial[i] ?? '', version++)), 1);
        let joined = join(manifests, DEFAULT_SETTINGS, cache);
        for (const [which, text] of steps) {
          const uri = URIS[which] as string;
          const before = manifests;
          manifests = manifests.with(buildFileModel(uri, text, version++, { previous: manifests.getFile(uri) }));
          const full = join(manifests, DEFAULT_SETTINGS, cache);
          const patch = patchJoined(joined, manifests.changesSince(before) ?? new Set(), manifests, DEFAULT_SETTINGS, cache);
          edits++;
          if (patch) {
            patched++;
            assert.deepEqual(shape(patch), shape(full));
          }
          joined = patch ?? full;
        }
      }),
      { numRuns: 200 },
    );
    // The generator makes ids collide across files on purpose (then only a full join is certain): about half the edits take the patch.
    assert.ok(patched > edits / 3, `patched ${patched} of ${edits} edits`);
  });

  it('keeps the workloads array and their info objects through an edit to a policy beside them', () => {
    const cache = new ExtractionCache();
    const text = (port: string): string => `${deployment('web', 'web')}---\n${policy('allow', 'web').replace('port: http', `port: ${port}`)}`;
    const before = new ManifestSet([buildFileModel(URIS[0], text('http'), 1), buildFileModel(URIS[1], deployment('api', 'api'), 1)], 1);
    const built = buildWorkspace(before, DEFAULT_SETTINGS, cache, undefined);
    const after = before.with(buildFileModel(URIS[0], text('htt'), 2, { previous: before.getFile(URIS[0]) }));
    const next = buildWorkspace(after, DEFAULT_SETTINGS, cache, { manifests: new WeakRef(before), built });
    assert.notEqual(next.joined.policies, built.joined.policies);
    assert.equal(next.joined.workloads, built.joined.workloads);
    assert.equal(next.engineInput.workloads, built.engineInput.workloads);
    assert.equal(next.workloads, built.workloads);
  });
});
