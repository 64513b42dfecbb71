/**
 * Moving a document's tree (an edit above it in its file): every offset moves, nothing else
 * changes, and nodes an alias shares stay shared. A document without aliases or merge keys is
 * copied without the bookkeeping of shared nodes, to the same result.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shiftTree } from '../../server/src/model/shiftTree';
import { at, type YNode } from '../../server/src/model/yamlTree';
import { parseYamlDocument } from '../../server/src/yaml/parseYamlDocument';

const read = (text: string, offset: number): { root: YNode; expanded: boolean } => {
  const { root, expanded, problems } = parseYamlDocument(text, offset);
  assert.deepEqual(problems, []);
  assert.ok(root);
  return { root, expanded };
};

describe('shiftTree', () => {
  it('a tree without shared nodes, duplicate keys included, is the tree read at the new offset', () => {
    const text = 'a: 1\nb:\n  - x\n  - {c: "d", e: [f]}\nb: 2\nm:\n  k: |\n    text\n';
    const { root, expanded } = read(text, 10);
    assert.equal(expanded, false);
    assert.deepStrictEqual(shiftTree(root, 25, false), read(text, 35).root);
    assert.deepStrictEqual(shiftTree(root, -10, false), read(text, 0).root);
    assert.deepStrictEqual(shiftTree(root, 25, false), shiftTree(root, 25, true));
  });

  it('a node an alias shares is copied once and stays shared', () => {
    const { root, expanded } = read('a: &x {k: v}\nb: *x\n', 0);
    assert.equal(expanded, true);
    const moved = shiftTree(root, 7, expanded);
    assert.equal(at(moved, ['a']), at(moved, ['b']));
    assert.equal(at(moved, ['a'])?.start, (at(root, ['a'])?.start ?? NaN) + 7);
  });
});
