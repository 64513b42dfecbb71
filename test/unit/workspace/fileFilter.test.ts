/** Which files the workspace indexes: manifests by extension, the include globs, minus the exclude globs. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EXCLUDES } from '../../../shared/src/settings';
import { createFileFilter } from '../../../server/src/workspace/fileFilter';

describe('createFileFilter', () => {
  const defaults = createFileFilter([], DEFAULT_EXCLUDES);

  it('accepts YAML and JSON files anywhere, dot folders included, and nothing else', () => {
    for (const p of ['a.yaml', 'deploy/b.yml', 'x/y/C.YAML', 'policies/p.json', '.github/k8s/np.yaml']) assert.equal(defaults.accepts(p), true, p);
    for (const p of ['README.md', 'chart/values.yaml.tpl', 'yaml', 'a.yaml/notes.txt']) assert.equal(defaults.accepts(p), false, p);
  });

  it('leaves out files under the default excluded folders, at any depth, and skips those folders while walking', () => {
    for (const p of ['node_modules/x/a.yaml', 'web/node_modules/b.yaml', '.git/c.yaml', 'vendor/k8s/d.yaml', 'build/dist/e.yaml']) assert.equal(defaults.accepts(p), false, p);
    for (const folder of ['node_modules', 'web/node_modules', '.git', 'a/b/vendor', 'third_party', '.terraform', 'dist', '.vscode-test']) {
      assert.equal(defaults.skipsFolder(folder), true, folder);
    }
    for (const folder of ['apps', 'apps/vendors', 'distribution', 'platform/crds']) assert.equal(defaults.skipsFolder(folder), false, folder);
  });

  it('with include globs, accepts only the files they match; exclusions still win', () => {
    const filter = createFileFilter(['apps/**', '*.json'], ['apps/**/secret-*.yaml']);
    assert.equal(filter.accepts('apps/shop/np.yaml'), true);
    assert.equal(filter.accepts('top.json'), true);
    assert.equal(filter.accepts('platform/ns.yaml'), false);
    assert.equal(filter.accepts('apps/shop/secret-db.yaml'), false);
    // A folder is skipped only when everything in it is excluded: an include glob does not prune the walk.
    assert.equal(filter.skipsFolder('platform'), false);
  });

  it('treats a glob starting with # as a comment that matches nothing', () => {
    const filter = createFileFilter(['#apps/**'], ['#**']);
    assert.equal(filter.accepts('apps/a.yaml'), false);
    assert.equal(createFileFilter([], ['#**']).accepts('apps/a.yaml'), true);
  });

  it('answers the same for the same path, however many paths it was asked about before', () => {
    const filter = createFileFilter([], ['**/generated/**', 'tmp-*.yaml']);
    const paths = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `a/generated/${i}.yaml` : i % 3 === 1 ? `tmp-${i}.yaml` : `a/${i}.yaml`));
    const first = paths.map((p) => filter.accepts(p));
    assert.deepEqual(paths.map((p) => filter.accepts(p)), first);
    assert.deepEqual(first.filter(Boolean).length, 100);
  });
});
