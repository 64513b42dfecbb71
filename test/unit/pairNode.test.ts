/**
 * Compact pairs (model/pairNode.ts) read exactly as pairs holding their key and value: a plain key
 * or value written as itself answers every field of its scalar as written (a new scalar at each
 * read, equal to the one given), and `pairKey` gives the key's text. Other values are the very
 * nodes given; other keys (quoted, numbers, booleans, null, keys whose span is not their text)
 * keep the scalar given; a pair given another value (`withValue`) keeps its key as it was held.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { holdsPlainText, pairKey, pairNode, withValue } from '../../server/src/model/pairNode';
import { scalarNode } from '../../server/src/model/scalarNode';
import { shiftTree } from '../../server/src/model/shiftTree';
import { getPair, isMap, type YScalar } from '../../server/src/model/yamlTree';
import { readFast } from '../../server/src/yaml/fastReader';

const fields = (s: YScalar): unknown => ({ type: s.type, value: s.value, source: s.source, style: s.style, start: s.start, end: s.end });

describe('compact pairs', () => {
  it('give a plain key written as itself back with every field, and its text without a scalar', () => {
    const key = scalarNode('matchLabels', 'matchLabels', 'plain', 40, 51);
    const value = scalarNode('web', 'web', 'plain', 53, 56);
    const pair = pairNode(key, value);
    assert.deepEqual(fields(pair.key), fields(key));
    assert.deepStrictEqual(pair.key, key);
    assert.deepStrictEqual(pair.value, value);
    assert.equal(Object.hasOwn(pair, 'value'), false, 'a plain text value is made when read too');
    assert.equal(holdsPlainText(pair), true);
    assert.equal(pairKey(pair), 'matchLabels');
    assert.equal(Object.hasOwn(pair, 'key'), false, 'the key scalar is made when read');
    const span = { ...pair.key };
    assert.deepEqual([span.start, span.end], [40, 51]);
    const other = scalarNode('db', 'db', 'plain', 53, 55);
    assert.deepStrictEqual(withValue(pair, other), pairNode(key, other));
  });

  it('keep values that are not plain text written as itself', () => {
    const key = scalarNode('port', 'port', 'plain', 0, 4);
    const values = [
      scalarNode(80, '80', 'plain', 6, 8),
      scalarNode('web', 'web', 'double', 6, 11),
      scalarNode(null, '', 'plain', 5, 5),
      readFast('a: 1\n', 6)?.root,
      undefined,
    ];
    for (const value of values) {
      assert.equal(pairNode(key, value).value, value);
      assert.equal(holdsPlainText(pairNode(key, value)), false);
    }
  });

  it('keep the key scalar of keys that are not their own text', () => {
    const keys = [
      scalarNode('a b', 'a b', 'double', 10, 15),
      scalarNode('x', 'x', 'single', 10, 13),
      scalarNode(80, '80', 'plain', 10, 12),
      scalarNode(true, 'true', 'plain', 10, 14),
      scalarNode(null, 'null', 'plain', 10, 14),
      // A key a view builds over another span (`views/treeEdit.ts`).
      scalarNode('app', 'app', 'plain', 10, 30),
    ];
    for (const key of keys) {
      const pair = pairNode(key, undefined);
      assert.equal(pair.key, key, `${key.source} (${key.style})`);
      assert.equal(pairKey(pair), key.source);
      assert.equal(withValue(pair, key).key, key);
    }
  });

  it('are what both readers build, and stay compact when their document moves', () => {
    const text = 'metadata:\n  name: web\n  "quoted": 1\n  80: x\nspec: {a: 1, "b": 2}\n';
    const read = readFast(text, 0);
    assert.ok(read && isMap(read.root));
    const moved = shiftTree(read.root, 7);
    const metadata = getPair(moved, 'metadata')?.value;
    assert.ok(isMap(metadata));
    assert.deepEqual(
      metadata.pairs.map((p) => [pairKey(p), Object.hasOwn(p, 'key'), p.key.start]),
      [
        ['name', false, 7 + text.indexOf('name')],
        ['quoted', true, 7 + text.indexOf('"quoted"')],
        ['80', true, 7 + text.indexOf('80')],
      ],
    );
    const spec = getPair(moved, 'spec')?.value;
    assert.ok(isMap(spec));
    assert.deepEqual(
      spec.pairs.map((p) => [pairKey(p), Object.hasOwn(p, 'key')]),
      [
        ['a', false],
        ['b', true],
      ],
    );
  });
});
