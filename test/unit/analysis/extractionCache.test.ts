/** Extractions are kept per file model and per object, for each default namespace asked (two workspace folders may differ). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ExtractionCache, extractFile } from '../../../server/src/analysis/fileExtraction';
import { buildFileModel } from '../../../server/src/model/fileModel';

const text =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n---\n' +
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: c, image: x}]\n';

describe('ExtractionCache', () => {
  it("gives each default namespace its own extraction (objects without a namespace take it), the same one when asked again", () => {
    const file = buildFileModel('file:///ws/a.yaml', text, 1);
    const cache = new ExtractionCache();
    const inDefault = cache.get(file, 'default');
    const inTeam = cache.get(file, 'team');
    assert.deepEqual(inDefault.policies.map((p) => p.value.namespace), ['default']);
    assert.deepEqual(inTeam.policies.map((p) => p.value.namespace), ['team']);
    // The Deployment names its namespace: the same in both.
    assert.deepEqual([inDefault.workloads.map((w) => w.value.namespace), inTeam.workloads.map((w) => w.value.namespace)], [['shop'], ['shop']]);
    assert.equal(cache.get(file, 'default'), inDefault);
    assert.equal(cache.get(file, 'team'), inTeam);
    assert.equal(cache.get(file, 'third').policies[0]?.value.namespace, 'third');
    assert.equal(cache.get(file, 'team'), inTeam);
    // What a cache gives is what extracting the file afresh gives.
    assert.deepEqual(inTeam, extractFile(file, 'team'));
  });

  it("a new model of an edited file reuses the extraction of each object it kept, per namespace", () => {
    const before = buildFileModel('file:///ws/a.yaml', text, 1);
    const cache = new ExtractionCache();
    const first = cache.get(before, 'default');
    const second = cache.get(before, 'team');
    const after = buildFileModel('file:///ws/a.yaml', text.replace('app: web', 'app: web2'), 2, { previous: before });
    assert.equal(cache.get(after, 'default').policies[0], first.policies[0]);
    assert.equal(cache.get(after, 'team').policies[0], second.policies[0]);
    assert.notEqual(cache.get(after, 'default').workloads[0], first.workloads[0]);
  });

  it('an object an edit only moved keeps the values the object it moved from gave, with itself as their source', () => {
    const ingress =
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop, namespace: shop}\nspec:\n  rules:\n  - http:\n      paths:\n      - backend: {service: {name: web, port: {number: 80}}}\n';
    const before = buildFileModel('file:///ws/a.yaml', `a: 1\n---\n${text}---\n${ingress}`, 1);
    const cache = new ExtractionCache();
    const first = cache.get(before, 'default');
    const after = buildFileModel('file:///ws/a.yaml', `a: 12\n---\n${text}---\n${ingress}`, 2, { previous: before });
    const second = cache.get(after, 'default');
    const policy = second.policies[0];
    assert.equal(policy?.value, first.policies[0]?.value);
    assert.equal(second.workloads[0]?.value, first.workloads[0]?.value);
    assert.equal(policy?.source, after.objects[0]);
    assert.equal(policy?.source.start, (first.policies[0]?.source.start ?? 0) + 1);
    // A route holds its backends' name nodes (ranges in the text): read again at the new offsets.
    assert.notEqual(second.routes[0]?.value, first.routes[0]?.value);
    assert.equal(second.routes[0]?.value.backends[0]?.nameNode.start, (first.routes[0]?.value.backends[0]?.nameNode.start ?? 0) + 1);
    // What the cache gives is what extracting the new model afresh gives.
    assert.deepEqual(second, extractFile(buildFileModel('file:///ws/a.yaml', `a: 12\n---\n${text}---\n${ingress}`, 1), 'default'));
  });
});
