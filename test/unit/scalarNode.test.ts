/**
 * Compact scalars (model/scalarNode.ts) read exactly as the plain objects they replace: every
 * field of YScalar answers as written, whichever shape holds it, and a scalar spread as a span
 * (as findings place themselves on a node) keeps its offsets.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scalarNode } from '../../server/src/model/scalarNode';
import { getPair, getScalar, isMap, isScalar, type YScalar } from '../../server/src/model/yamlTree';
import { readFast } from '../../server/src/yaml/fastReader';

const fields = (s: YScalar | undefined): unknown => s && { type: s.type, value: s.value, source: s.source, style: s.style, start: s.start, end: s.end };

describe('compact scalars', () => {
  it('answer type, value, source, style and offsets as written, for text and for values that are not their source', () => {
    const text = "name: web\nport: 8080\nquoted: 'a b'\nversion: 1.0\nempty:\n";
    const read = readFast(text, 100);
    assert.ok(read && isMap(read.root));
    const root = read.root;
    assert.deepEqual(fields(getPair(root, 'name')?.key), { type: 'scalar', value: 'name', source: 'name', style: 'plain', start: 100, end: 104 });
    assert.deepEqual(fields(getScalar(root, 'name')), { type: 'scalar', value: 'web', source: 'web', style: 'plain', start: 106, end: 109 });
    assert.deepEqual(fields(getScalar(root, 'port')), { type: 'scalar', value: 8080, source: '8080', style: 'plain', start: 116, end: 120 });
    assert.deepEqual(fields(getScalar(root, 'quoted')), { type: 'scalar', value: 'a b', source: 'a b', style: 'single', start: 129, end: 134 });
    assert.deepEqual(fields(getScalar(root, 'version')), { type: 'scalar', value: 1, source: '1.0', style: 'plain', start: 144, end: 147 });
    assert.equal(getScalar(root, 'empty')?.value, null);
  });

  it('keep start and end when spread as a span, and are told apart from maps and sequences', () => {
    const s = scalarNode('web', 'web', 'plain', 7, 10);
    const span = { ...s };
    assert.deepEqual([span.start, span.end], [7, 10]);
    assert.ok(isScalar(s));
    assert.ok(!isMap(s));
  });
});
