/**
 * Chainsaw's and KUTTL's assertion files (model/testAssertion.ts): named by the runners'
 * conventions, in a folder of cases; skipped as test assertions, never read as manifests.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isTestAssertion } from '../../server/src/model/testAssertion';
import { buildFileModel } from '../../server/src/model/fileModel';

describe('test assertion files', () => {
  const cases: [string, boolean][] = [
    ['file:///repo/tests/e2e/smoke/00-assert.yaml', true],
    ['file:///repo/tests/e2e/operator-restart/01-assert-collector.yaml', true],
    ['file:///repo/tests/e2e-openshift-upgrade/upgrade/assert-network-policies.yaml', true],
    ['file:///repo/policies/deny/.chainsaw-test/chainsaw-step-01-assert-1.yaml', true],
    ['file:///repo/test/kuttl/basic/02-errors.yaml', true],
    ['file:///repo/test/kuttl/basic/02-error.yml', true],
    // Applied files of a test, and files outside any folder of cases.
    ['file:///repo/tests/e2e/smoke/00-install.yaml', false],
    ['file:///repo/tests/e2e/smoke/custom-error-pages.yaml', false],
    ['file:///repo/tests/e2e/smoke/assertions.yaml', false],
    ['file:///repo/deploy/00-assert.yaml', false],
    ['file:///repo/tests/e2e/smoke/00-assert.txt', false],
  ];
  for (const [uri, expected] of cases) it(`${uri.slice('file:///repo/'.length)}: ${expected}`, () => assert.equal(isTestAssertion(uri), expected));

  it('skips the file unread: no document, no object', () => {
    const model = buildFileModel('file:///repo/tests/e2e/smoke/00-assert.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n', 1);
    assert.equal(model.skipped, 'test-assertion');
    assert.equal(model.objects.length, 0);
  });
});

describe('test assertion files: uris as written', () => {
  it('a stray % in a folder name is read as written, never thrown on', () => {
    assert.equal(isTestAssertion('file:///repo/100%/tests/00-assert.yaml'), true);
    assert.equal(isTestAssertion('file:///repo/100%/deploy/00-assert.yaml'), false);
  });
});
