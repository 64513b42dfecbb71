/**
 * NONE: the one empty list the models, file-scope findings, selectors and extractions keep in
 * place of their own empty arrays. It must stay empty whoever holds it, and a model built from
 * a workspace must share it rather than allocate an empty array per document.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NONE, orNone } from '../../../server/src/collections/none';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { readSelector } from '../../../server/src/analysis/readSelector';
import { extractFile } from '../../../server/src/analysis/fileExtraction';
import { getMap } from '../../../server/src/model/yamlTree';

const MANIFESTS = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
spec:
  podSelector:
    matchLabels:
      app: web
`;

describe('NONE, the shared empty list', () => {
  it('cannot be given items, even by a caller that casts its readonly type away', () => {
    assert.throws(() => (NONE as unknown as unknown[]).push(1), TypeError);
    assert.equal(NONE.length, 0);
  });

  it('orNone gives NONE for an empty list and the list itself otherwise', () => {
    assert.equal(orNone([]), NONE);
    const list = [1, 2];
    assert.equal(orNone(list), list);
  });

  it('stands for every empty list of a model read from a file, its selectors and its extraction', () => {
    const model = buildFileModel('file:///ws/app.yaml', MANIFESTS, 1);
    assert.equal(model.documents.length, 2);
    assert.equal(model.problems, NONE);
    for (const doc of model.documents) assert.equal(doc.problems, NONE);
    const policy = model.objects[1];
    assert.ok(policy?.node);
    const podSelector = readSelector(getMap(getMap(policy.node, 'spec'), 'podSelector'));
    assert.deepEqual(podSelector?.matchLabels, { app: 'web' });
    assert.equal(podSelector?.matchExpressions, NONE);
    const extraction = extractFile(model, 'default');
    assert.equal(extraction.policies.length, 1);
    assert.equal(extraction.services.length, 1);
    for (const part of [extraction.workloads, extraction.namespaces, extraction.clusterPolicies, extraction.unknownResources, extraction.routes, extraction.routeClasses]) assert.equal(part, NONE);
  });
});
