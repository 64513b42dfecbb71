/** Label selectors: operators, empty vs missing, the label index agreeing with direct matching, containment. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LabelIndex } from '../../../server/src/engine/labelIndex';
import { selectorKey, selectorMatches } from '../../../server/src/engine/labelSelector';
import { selectorContains } from '../../../server/src/engine/selectorContains';
import type { LabelSelector, Labels } from '../../../server/src/engine/types';

describe('selectorMatches', () => {
  const pod: Labels = { app: 'web', tier: 'frontend' };
  it('missing and empty selectors match everything', () => {
    assert.ok(selectorMatches(undefined, pod));
    assert.ok(selectorMatches({}, pod));
    assert.ok(selectorMatches({ matchLabels: {}, matchExpressions: [] }, {}));
  });
  it('ANDs matchLabels and matchExpressions', () => {
    assert.ok(selectorMatches({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend'] }] }, pod));
    assert.ok(!selectorMatches({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }] }, pod));
  });
  it('NotIn and DoesNotExist hold when the key is absent; In and Exists do not', () => {
    assert.ok(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, pod));
    assert.ok(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, pod));
    assert.ok(!selectorMatches({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, pod));
    assert.ok(!selectorMatches({ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, pod));
  });
  it('an empty label value is a value', () => {
    assert.ok(selectorMatches({ matchLabels: { flag: '' } }, { flag: '' }));
    assert.ok(!selectorMatches({ matchLabels: { flag: '' } }, {}));
  });
  it('unknown operators and In/NotIn without values match nothing', () => {
    assert.ok(!selectorMatches({ matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] }, pod));
    assert.ok(!selectorMatches({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: [] }] }, pod));
  });
  it('selectorKey ignores key and value order', () => {
    assert.equal(
      selectorKey({ matchLabels: { a: '1', b: '2' }, matchExpressions: [{ key: 'x', operator: 'In', values: ['p', 'q'] }] }),
      selectorKey({ matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'x', operator: 'In', values: ['q', 'p'] }] }),
    );
    assert.equal(selectorKey({}), selectorKey(undefined));
  });
  it('selectorKey tells `In []` (matches nothing) from `In [""]` (matches the empty value)', () => {
    const none = { matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] };
    const empty = { matchExpressions: [{ key: 'tier', operator: 'In', values: [''] }] };
    assert.notEqual(selectorKey(none), selectorKey(empty));
    const index = new LabelIndex([{ tier: '' }]);
    assert.deepEqual(index.resolve(none).toArray(), []);
    assert.deepEqual(index.resolve(empty).toArray(), [0]);
  });
});

const key = fc.constantFrom('app', 'tier', 'env');
const value = fc.constantFrom('a', 'b', 'c', '');
const labels = fc.dictionary(key, value, { maxKeys: 3 });
const requirement = fc.record({
  key,
  operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist', 'Bogus'),
  values: fc.array(value, { maxLength: 2 }),
});
const selector: fc.Arbitrary<LabelSelector | undefined> = fc.option(
  fc.record({ matchLabels: fc.dictionary(key, value, { maxKeys: 2 }), matchExpressions: fc.array(requirement, { maxLength: 2 }) }),
  { nil: undefined },
);

describe('LabelIndex', () => {
  it('resolves every selector to exactly the items selectorMatches accepts', () => {
    fc.assert(
      fc.property(fc.array(labels, { maxLength: 40 }), fc.array(selector, { minLength: 1, maxLength: 5 }), (items, selectors) => {
        const index = new LabelIndex(items);
        for (const s of selectors) {
          const expected = items.flatMap((l, i) => (selectorMatches(s, l) ? [i] : []));
          assert.deepEqual(index.resolve(s).toArray(), expected);
        }
      }),
    );
  });
});

describe('selectorContains', () => {
  const inList = (k: string, ...values: string[]) => ({ key: k, operator: 'In', values });
  const notIn = (k: string, ...values: string[]) => ({ key: k, operator: 'NotIn', values });
  it('a subset of matchLabels contains more labels; not the other way', () => {
    assert.ok(selectorContains({ matchLabels: { app: 'a' } }, { matchLabels: { app: 'a', tier: 'b' } }));
    assert.ok(!selectorContains({ matchLabels: { app: 'a', tier: 'b' } }, { matchLabels: { app: 'a' } }));
    assert.ok(selectorContains(undefined, { matchLabels: { app: 'a' } }));
    assert.ok(!selectorContains({ matchLabels: { app: 'a' } }, {}));
  });
  it('expressions implied by labels and by narrower expressions', () => {
    assert.ok(selectorContains({ matchExpressions: [inList('app', 'a', 'b')] }, { matchLabels: { app: 'a' } }));
    assert.ok(selectorContains({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, { matchExpressions: [inList('app', 'b')] }));
    assert.ok(selectorContains({ matchExpressions: [notIn('env', 'prod')] }, { matchExpressions: [notIn('env', 'prod', 'test')] }));
    assert.ok(selectorContains({ matchExpressions: [notIn('env', 'prod')] }, { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }));
    assert.ok(selectorContains({ matchExpressions: [notIn('env', 'prod')] }, { matchLabels: { env: 'dev' } }));
    assert.ok(!selectorContains({ matchExpressions: [inList('env', 'dev')] }, { matchExpressions: [notIn('env', 'prod')] }));
    assert.ok(!selectorContains({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, { matchExpressions: [notIn('env', 'prod')] }));
  });
  it('a malformed requirement on either side proves nothing', () => {
    assert.ok(!selectorContains({ matchLabels: { app: 'a' } }, { matchLabels: { app: 'a' }, matchExpressions: [{ key: 'x', operator: 'in', values: ['y'] }] }));
    assert.ok(!selectorContains({ matchExpressions: [{ key: 'x', operator: 'In', values: [] }] }, { matchExpressions: [{ key: 'x', operator: 'In', values: [] }] }));
  });
  it('whenever it answers true, every label set the inner selector matches the outer matches too', () => {
    fc.assert(
      fc.property(selector, selector, fc.array(labels, { maxLength: 30 }), (outer, inner, items) => {
        if (!selectorContains(outer, inner)) return;
        for (const l of items) if (selectorMatches(inner, l)) assert.ok(selectorMatches(outer, l), JSON.stringify({ outer, inner, l }));
      }),
      { numRuns: 2000 },
    );
  });
});
