/**
 * Families of folders (views/namespaceFamilies.ts): the folders whose namespace-less objects are
 * read as applied together. A folder joins its ancestors and its siblings that hold such objects,
 * except the siblings it has in a folder of cases (tests, examples, samples).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { caseOf, folderFamilies, sharedWith } from '../../server/src/views/namespaceFamilies';

function families(folders: readonly string[]): string[][] {
  const byRoot = new Map<string, string[]>();
  for (const [folder, root] of folderFamilies(folders)) byRoot.set(root, [...(byRoot.get(root) ?? []), folder]);
  return [...byRoot.values()].map((f) => f.sort()).sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

describe('folder families', () => {
  it('an app beside its policies folder is one family', () => {
    assert.deepEqual(families(['/r/shop/app', '/r/shop/policies']), [['/r/shop/app', '/r/shop/policies']]);
  });

  it('a folder joins its ancestors that hold such objects, however deep', () => {
    assert.deepEqual(families(['/r/app', '/r/app/a/b/c', '/r/other/x']), [['/r/app', '/r/app/a/b/c'], ['/r/other/x']]);
  });

  it('a folder at the root joins everything', () => {
    assert.deepEqual(families(['/r', '/r/a/x', '/r/b/y']), [['/r', '/r/a/x', '/r/b/y']]);
  });

  it('cousins (siblings of folders that hold nothing) are apart', () => {
    assert.deepEqual(families(['/r/deploy/policies', '/r/deploy/apps/api']), [['/r/deploy/apps/api'], ['/r/deploy/policies']]);
  });

  it('the subfolders of a folder of cases are apart, their own subfolders still join', () => {
    assert.deepEqual(families(['/r/test/e2e/testdata/a', '/r/test/e2e/testdata/b', '/r/samples/x/app', '/r/samples/x/policies', '/r/samples/y']), [
      ['/r/samples/x/app', '/r/samples/x/policies'],
      ['/r/samples/y'],
      ['/r/test/e2e/testdata/a'],
      ['/r/test/e2e/testdata/b'],
    ]);
  });

  it('a folder named for cases as a word of a longer name is one too, a word only containing one is not', () => {
    assert.deepEqual(families(['/r/kubernetes-examples/NetworkPolicy', '/r/kubernetes-examples/Pod', '/r/kubernetes-examples/Pod/spec.volumes']), [
      ['/r/kubernetes-examples/NetworkPolicy'],
      ['/r/kubernetes-examples/Pod', '/r/kubernetes-examples/Pod/spec.volumes'],
    ]);
    assert.deepEqual(families(['/r/e2e-manifests/a', '/r/e2e-manifests/b', '/r/sample_apps/a', '/r/sample_apps/b']), [
      ['/r/e2e-manifests/a'],
      ['/r/e2e-manifests/b'],
      ['/r/sample_apps/a'],
      ['/r/sample_apps/b'],
    ]);
    assert.deepEqual(families(['/r/latest/a', '/r/latest/b', '/r/contest/a', '/r/contest/b']), [
      ['/r/contest/a', '/r/contest/b'],
      ['/r/latest/a', '/r/latest/b'],
    ]);
    assert.equal(caseOf('/r/kubernetes-examples/Pod/simple.yaml'), '/r/kubernetes-examples/Pod');
  });

  it('families are named by their common folder, so two families never share a name', () => {
    const out = folderFamilies(['/r/a/x', '/r/a/y', '/r/b/x/p', '/r/b/x/q']);
    assert.equal(out.get('/r/a/x'), '/r/a');
    assert.equal(out.get('/r/b/x/p'), '/r/b/x');
  });
});

describe('shared files of a case', () => {
  it('a file in a folder of cases belongs to the case of the child on its way', () => {
    assert.equal(caseOf('/r/test/e2e/testdata/app/pod.yaml'), '/r/test/e2e/testdata/app');
    assert.equal(caseOf('/r/pkg/health/testdata/pod.yaml'), '/r/pkg/health/testdata/pod.yaml');
    assert.equal(caseOf('/r/samples/shop/app/deploy.yaml'), '/r/samples/shop');
    assert.equal(caseOf('/r/infra/dns.yaml'), undefined);
  });

  it("is read with the families inside its case or holding it, not with another case's", () => {
    assert.equal(sharedWith(undefined, '/r/anything'), true);
    assert.equal(sharedWith('/r/samples/shop', '/r/samples/shop/app'), true);
    assert.equal(sharedWith('/r/samples/shop', '/r'), true);
    assert.equal(sharedWith('/r/samples/shop', '/r/samples/other'), false);
    assert.equal(sharedWith('/r/samples/shop', '/r/samples/shopping'), false);
  });
});
