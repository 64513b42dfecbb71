/**
 * Quoted scalars and flow collections whose continuation lines are no deeper than their block, and
 * a plain value after a `#comment` line: kubectl (go-yaml v2, a port of libyaml) reads them, the
 * `yaml` package alone does not. Each
 * case below was given to kubectl v1.32 (`kubectl apply --dry-run=client -f`, which decodes the
 * YAML before it needs a server: "unable to recognize" means it read the document, "error
 * parsing" that it did not) and to PyYAML 6 (libyaml's scanner in Python), whose values are the
 * expected ones here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toPlain, type YNode } from '../../../server/src/model/yamlTree';
import { lenientText } from '../../../server/src/yaml/lenientText';
import { parseYamlDocument } from '../../../server/src/yaml/parseYamlDocument';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

const READ_BY_KUBECTL: readonly { name: string; text: string; data: unknown }[] = [
  { name: 'a single-quoted JSON array closing at its key’s column', text: `${CM}  annotations:\n    k: '[\n      {\n        "a": 1\n      }\n    ]'\n`, data: undefined },
  { name: 'a single-quoted scalar whose last line is shallow', text: `${CM}data:\n  k: 'x\n    y\n  z'\n`, data: { k: 'x y z' } },
  { name: 'a single-quoted scalar going on at column 0', text: `${CM}data:\n  k: 'x\ny'\n`, data: { k: 'x y' } },
  { name: 'a double-quoted scalar going on at column 0', text: `${CM}data:\n  k: "x\ny"\n`, data: { k: 'x y' } },
  { name: 'a double-quoted scalar whose last line is shallow', text: `${CM}data:\n  k: "x\n    y\n  z"\n`, data: { k: 'x y z' } },
  { name: 'a line that looks like a sequence item, inside quotes', text: `${CM}data:\n  k: 'a\n- b'\n`, data: { k: 'a - b' } },
  { name: 'a line that looks like a key, inside quotes', text: `${CM}data:\n  k: 'a\nb: c'\n`, data: { k: 'a b: c' } },
  { name: 'an empty line inside quotes', text: `${CM}data:\n  k: 'a\n\n  b\n c'\n`, data: { k: 'a\nb c' } },
  { name: 'a flow sequence going on at column 0', text: `${CM}data:\n  k: [a,\nb]\n`, data: { k: ['a', 'b'] } },
  { name: 'a flow map going on at its key’s column', text: `${CM}data:\n  k: {a: 1,\n  b: 2}\n`, data: { k: { a: 1, b: 2 } } },
  { name: 'an apostrophe inside a plain scalar of a flow sequence', text: `${CM}data:\n  k: [it's,\n  fine]\n`, data: { k: ["it's", 'fine'] } },
  { name: 'a comment inside a flow sequence', text: `${CM}data:\n  k: [a, # first\n  b]\n`, data: { k: ['a', 'b'] } },
  { name: 'a plain value on the line after a comment with no space after its #', text: `${CM}data:\n  k:\n  #note\n    value\n  j: 1\n`, data: { k: 'value', j: 1 } },
];

const plain = (root: YNode | undefined): Record<string, unknown> => toPlain(root) as Record<string, unknown>;

describe('quoted scalars and flow collections with shallow continuation lines', () => {
  for (const c of READ_BY_KUBECTL) {
    it(`reads ${c.name}, as kubectl does`, () => {
      const parsed = parseYamlDocument(c.text, 0);
      assert.deepEqual(parsed.problems, []);
      const doc = plain(parsed.root);
      if (c.data === undefined) assert.deepEqual((doc.metadata as Record<string, unknown>).annotations, { k: '[ { "a": 1 } ]' });
      else assert.deepEqual(doc.data, c.data);
    });
  }

  it('keeps offsets in the text as written', () => {
    const text = `${CM}data:\n  k: {a: 1,\n  b: 2}\n  j: 'x\ny'\n`;
    const root = parseYamlDocument(text, 100).root;
    assert.ok(root?.type === 'map');
    const data = root.pairs.find((p) => p.key.value === 'data')?.value;
    assert.ok(data?.type === 'map');
    const [k, j] = data.pairs;
    assert.ok(k?.value?.type === 'map' && j?.value?.type === 'scalar');
    assert.equal(k.value.start, 100 + text.indexOf('{a: 1'));
    assert.equal(k.value.end, 100 + text.indexOf('2}') + 2);
    const b = k.value.pairs[1];
    assert.equal(b?.key.start, 100 + text.indexOf('b: 2'));
    assert.equal(j.value.start, 100 + text.indexOf("'x"));
    assert.equal(j.value.end, 100 + text.indexOf("y'") + 2);
  });

  it('still reports what kubectl rejects, with the error that is left once indentation is not one', () => {
    const missingComma = parseYamlDocument(`${CM}data:\n  k: ["a"\n  "b"]\n`, 0);
    assert.deepEqual(
      missingComma.problems.map((p) => p.message),
      ['Missing , or : between flow sequence items'],
    );
    // Never closed: a document marker ends a quoted scalar for kubectl too.
    assert.equal(lenientText(`${CM}data:\n  k: 'x\n---\n  y'\n`), undefined);
    assert.notDeepEqual(parseYamlDocument(`${CM}data:\n  k: 'x\n`, 0).problems, []);
  });

  it('skips block scalars, whose lines are content', () => {
    assert.equal(lenientText(`${CM}data:\n  script: |\n    echo '[\n  x\n`), undefined);
  });

  it('maps every offset of the indented text back to the text as written', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n'), { maxLength: 60 }), (chars) => {
        // One line each: the quote opens at column 5 and goes on over the generated lines.
        const lines = chars.join('').split('\n');
        const text = `key: 'start\n${lines.map((l) => `x${l.trimStart()}`).join('\n')}'\n`;
        const indented = lenientText(text);
        if (!indented) return;
        // Characters that were in the original map to themselves.
        let j = 0;
        for (let i = 0; i < indented.text.length; i++) {
          const at = indented.toOriginal(i);
          assert.ok(at >= 0 && at <= text.length);
          if (at === j && indented.text[i] === text[j]) j++;
        }
        assert.equal(j, text.length, 'every original character is found, in order');
        assert.equal(indented.toOriginal(indented.text.length), text.length);
      }),
      { seed: 1207, numRuns: 200 },
    );
  });
});
