/**
 * Compact maps and sequences (model/collectionNodes.ts) read exactly as the plain objects they
 * replace: type, flow, items and offsets answer as written for block and flow collections and
 * for a map with a duplicate key; a copy with other pairs or items keeps the style, the span
 * and `overridden`; and a collection spread as a span keeps its offsets.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mapNode, seqNode, withItems, withPairs } from '../../server/src/model/collectionNodes';
import { getMap, getSeq, isMap, isSeq, type YMap, type YSeq } from '../../server/src/model/yamlTree';
import { readFast } from '../../server/src/yaml/fastReader';

const mapFields = (m: YMap | undefined): unknown => m && { type: m.type, flow: m.flow, keys: m.pairs.map((p) => p.key.source), overridden: m.overridden?.length, start: m.start, end: m.end };
const seqFields = (s: YSeq | undefined): unknown => s && { type: s.type, flow: s.flow, items: s.items.length, start: s.start, end: s.end };

describe('compact maps and sequences', () => {
  it('answer type, flow, their pairs or items and offsets as written, block and flow', () => {
    const text = 'labels:\n  app: web\nflowMap: {a: 1, b: 2}\nports:\n- 80\n- 443\nflowSeq: [x]\ndup:\n  k: 1\n  k: 2\n';
    const read = readFast(text, 100);
    assert.ok(read && isMap(read.root));
    const root = read.root;
    // Offsets as the full reader gives them: a block collection ends where the next line starts.
    const at = (s: string): number => 100 + text.indexOf(s);
    assert.deepEqual(mapFields(getMap(root, 'labels')), { type: 'map', flow: false, keys: ['app'], overridden: undefined, start: at('app: web'), end: at('flowMap') });
    assert.deepEqual(mapFields(getMap(root, 'flowMap')), { type: 'map', flow: true, keys: ['a', 'b'], overridden: undefined, start: at('{a'), end: at('\nports') });
    assert.deepEqual(seqFields(getSeq(root, 'ports')), { type: 'seq', flow: false, items: 2, start: at('- 80'), end: at('flowSeq') });
    assert.deepEqual(seqFields(getSeq(root, 'flowSeq')), { type: 'seq', flow: true, items: 1, start: at('[x]'), end: at('\ndup') });
    assert.deepEqual(mapFields(getMap(root, 'dup')), { type: 'map', flow: false, keys: ['k'], overridden: 1, start: at('k: 1'), end: 100 + text.length });
    assert.equal('overridden' in (getMap(root, 'labels') as object), false);
  });

  it('copy with other pairs or items keeping style, span and overridden', () => {
    const read = readFast('dup: {k: 1, k: 2, j: 3}\nlist: [1, 2]\n', 0);
    assert.ok(read && isMap(read.root));
    const dup = getMap(read.root, 'dup');
    const list = getSeq(read.root, 'list');
    assert.ok(dup && list);
    const fewer = withPairs(dup, dup.pairs.slice(0, 1));
    assert.deepEqual(mapFields(fewer), { ...(mapFields(dup) as object), keys: [dup.pairs[0]?.key.source] });
    assert.equal(fewer.overridden, dup.overridden);
    const one = withItems(list, list.items.slice(1));
    assert.deepEqual(seqFields(one), { ...(seqFields(list) as object), items: 1 });
  });

  it('keep start and end when spread as a span, and are told apart', () => {
    const m = mapNode(false, [], 3, 9);
    const s = seqNode(true, [], 4, 6);
    assert.deepEqual([{ ...m }.start, { ...m }.end, { ...s }.start, { ...s }.end], [3, 9, 4, 6]);
    assert.ok(isMap(m) && !isSeq(m));
    assert.ok(isSeq(s) && !isMap(s));
    assert.equal(mapNode(false, [], 0, 0, []).overridden, undefined);
  });
});
