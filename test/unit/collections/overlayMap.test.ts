/**
 * OverlayMap: the per-policy rules' findings kept across edits without copying. Property: after
 * any sequence of change sets, it answers every key as a plain Map given the same changes does,
 * and so does its copy.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OverlayMap } from '../../../server/src/collections/overlayMap';

const key = fc.integer({ min: 0, max: 40 });
const changeSet = fc.array(fc.tuple(key, fc.option(fc.integer(), { nil: undefined })), { maxLength: 12 });

/** The same changes made to a plain Map and to the overlay: the overlay derived. */
function change(plain: Map<number, number>, overlay: OverlayMap<number, number>, step: readonly [number, number | undefined][], maxLayers?: number): OverlayMap<number, number> {
  const changes = new Map(step);
  for (const [k, v] of changes) {
    if (v === undefined) plain.delete(k);
    else plain.set(k, v);
  }
  return overlay.with(changes, maxLayers);
}

describe('OverlayMap', () => {
  it('answers as a Map with the same changes made', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer()), { maxLength: 40 }), fc.array(changeSet, { maxLength: 30 }), (initial, steps) => {
        const plain = new Map(initial);
        let overlay = OverlayMap.of(new Map(initial));
        for (const step of steps) {
          overlay = change(plain, overlay, step);
          for (let k = 0; k <= 40; k++) {
            assert.equal(overlay.get(k), plain.get(k));
            assert.equal(overlay.has(k), plain.has(k));
          }
          assert.deepEqual([...overlay].sort((a, b) => a[0] - b[0]), [...plain].sort((a, b) => a[0] - b[0]));
        }
        assert.deepEqual([...overlay.toMap()].sort((a, b) => a[0] - b[0]), [...plain].sort((a, b) => a[0] - b[0]));
      }),
      { numRuns: 300 },
    );
  });

  it('answers as a Map when many small change sets fold into one layer over a large base', () => {
    const base = Array.from({ length: 400 }, (_, k): [number, number] => [k, -k]);
    const small = fc.array(fc.tuple(key, fc.option(fc.integer(), { nil: undefined })), { maxLength: 3 });
    fc.assert(
      fc.property(fc.array(small, { minLength: 10, maxLength: 30 }), fc.constantFrom(undefined, 1, 3), (steps, maxLayers) => {
        const plain = new Map(base);
        let overlay = OverlayMap.of(new Map(base));
        for (const step of steps) {
          overlay = change(plain, overlay, step, maxLayers);
          for (let k = 0; k <= 45; k++) assert.equal(overlay.get(k), plain.get(k));
          assert.deepEqual([...overlay.values()].sort(), [...plain.values()].sort());
        }
        assert.deepEqual([...overlay].sort((a, b) => a[0] - b[0]), [...plain].sort((a, b) => a[0] - b[0]));
        assert.deepEqual([...overlay.keys()].sort((a, b) => a - b), [...plain.keys()].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('leaves the map it was derived from as it was', () => {
    const first = OverlayMap.of(new Map([['a', 1]]));
    const second = first.with(new Map([['a', undefined], ['b', 2]]));
    assert.equal(first.get('a'), 1);
    assert.equal(first.get('b'), undefined);
    assert.equal(second.get('a'), undefined);
    assert.equal(second.get('b'), 2);
  });
});
