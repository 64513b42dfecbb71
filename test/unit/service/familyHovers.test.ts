/**
 * Hovers and lenses answer for a file of a family of folders as its findings do: from the family
 * read apart (views/familyViews.ts). A sample's Deployment is not "isolated" by a test's policy
 * that is never applied beside it; a Deployment beside its own policies folder is.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { hoverInViews } from '../../../server/src/features/hoverInViews';
import { FindingsService } from '../../../server/src/service/findingsService';
import { loadFixture } from '../../support/fixtureWorkspace';

const ws = loadFixture(join(__dirname, '..', '..', 'fixtures', 'workspaces', 'namespace-less-folders'));

function hoverOn(relativePath: string, word: string): string {
  const file = ws.files.find((f) => f.relativePath === relativePath);
  assert.ok(file, relativePath);
  const service = new FindingsService();
  const offset = file.model.text.indexOf(word);
  const found = hoverInViews(service.fileInViews(ws.manifests, ws.settings, file.model), offset);
  assert.ok(found, `a hover on ${word}`);
  return found.markdown;
}

describe('hovers in families of folders', () => {
  it("a sample's Deployment: no test's policy selects it, and the hover says the file is read with its family", () => {
    const md = hoverOn('samples/shop/shop.yaml', 'shop-web}');
    assert.doesNotMatch(md, /only-hbone|deny-egress|default-deny/);
    assert.match(md, /Read with its family of folders \(`samples\/shop`\)/);
  });

  it('a workspace whose namespace-less objects are one family: no such note', () => {
    const one = loadFixture(join(__dirname, '..', '..', 'fixtures', 'workspaces', 'namespace-less-folders', 'store'));
    const file = one.files.find((f) => f.relativePath === 'app/store.yaml');
    assert.ok(file);
    const found = hoverInViews(new FindingsService().fileInViews(one.manifests, one.settings, file.model), file.model.text.indexOf('store}'));
    assert.ok(found);
    assert.match(found.markdown, /default-deny/);
    assert.doesNotMatch(found.markdown, /family of folders/);
  });

  it('a Deployment beside its policies folder: its policy selects it', () => {
    const md = hoverOn('store/app/store.yaml', 'store}');
    assert.match(md, /default-deny/);
    assert.doesNotMatch(md, /only-hbone/);
  });

  it("the analysis commands answer from the active file's family", () => {
    const service = new FindingsService();
    const file = ws.files.find((f) => f.relativePath === 'tests/deny-egress/deny.yaml');
    assert.ok(file);
    const names = service.analysisFor(ws.manifests, ws.settings, file.uri).workloads().map((w) => w.workload.name);
    assert.ok(names.includes('probe'));
    assert.ok(!names.includes('shop-web'), names.join(', '));
  });
});
