/**
 * LabelIndex.moved: after an edit that adds, removes or relabels items (every later index moves),
 * the next index derives from the first one instead of reading every item again. Property: after
 * any sequence of such edits, every selector resolves to what an index built from the items at
 * that point resolves it to.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LabelIndex } from '../../../server/src/engine/labelIndex';
import type { LabelSelector, Labels } from '../../../server/src/engine/types';

interface Item {
  readonly id: number;
  readonly labels: Labels;
}

const labels: fc.Arbitrary<Labels> = fc.dictionary(fc.constantFrom('app', 'tier', 'team'), fc.constantFrom('a', 'b', 'c'), { maxKeys: 3 });
const edit = fc.record({ kind: fc.constantFrom('remove', 'add', 'relabel'), at: fc.nat(), labels });

const selectors: LabelSelector[] = [
  {},
  { matchLabels: { app: 'a' } },
  { matchLabels: { app: 'b', tier: 'c' } },
  { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] },
  { matchExpressions: [{ key: 'team', operator: 'Exists' }] },
  { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['a'] }] },
  { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] },
];

/** Where each item of `before` went in `after` (-1: gone or relabelled), and the items of `after` to put in. */
function moves(before: readonly Item[], after: readonly Item[]): { map: Int32Array; added: [number, Labels][] } {
  const map = new Int32Array(before.length).fill(-1);
  const kept = new Set<number>();
  before.forEach((item, i) => {
    const j = after.findIndex((x) => x.id === item.id);
    if (j >= 0 && after[j]?.labels === item.labels) {
      map[i] = j;
      kept.add(j);
    }
  });
  return { map, added: after.flatMap((item, j): [number, Labels][] => (kept.has(j) ? [] : [[j, item.labels]])) };
}

describe('LabelIndex moved over edits', () => {
  it('resolves every selector as an index built from the items', () => {
    fc.assert(
      fc.property(fc.array(labels, { maxLength: 12 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (initial, steps) => {
        let next = initial.length;
        let items: Item[] = initial.map((l, id) => ({ id, labels: l }));
        let index = new LabelIndex(items.map((i) => i.labels));
        for (const step of steps) {
          const after = [...items];
          for (const e of step) {
            const at = e.at % Math.max(1, after.length);
            if (e.kind === 'remove') after.splice(at, 1);
            else if (e.kind === 'add') after.splice(at, 0, { id: next++, labels: e.labels });
            else if (after[at]) after[at] = { id: after[at].id, labels: e.labels };
          }
          const { map, added } = moves(items, after);
          index = index.moved(map, after.length, added) ?? new LabelIndex(after.map((i) => i.labels));
          items = after;
          const fresh = new LabelIndex(items.map((i) => i.labels));
          for (const selector of selectors) assert.deepEqual([...index.resolve(selector)], [...fresh.resolve(selector)], JSON.stringify(selector));
        }
      }),
      { numRuns: 300 },
    );
  });
});
