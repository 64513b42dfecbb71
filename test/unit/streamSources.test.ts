/** A stream taken apart into the files findings land on: `# Source:` files and `<stdin>`. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitStream } from '../../server/src/workspace/streamSources';

describe('splitStream', () => {
  it('gives each # Source: its documents, joined by ---, and maps their lines back to the stream', () => {
    const stream = ['---', '# Source: c/templates/a.yaml', 'kind: A', 'n: 1', '---', '# Source: c/templates/b.yaml', 'kind: B', '---', '# Source: c/templates/a.yaml', 'kind: A2', ''].join('\n');
    const files = splitStream(stream);
    assert.deepEqual(files.map((f) => [f.name, f.rendered, f.text]), [
      ['c/templates/a.yaml', true, 'kind: A\nn: 1\n---\nkind: A2\n'],
      ['c/templates/b.yaml', true, 'kind: B\n'],
    ]);
    assert.deepEqual(files[0]?.streamLines, [2, 3, -1, 9, 10]);
  });

  it('keeps documents without # Source: in <stdin> on their stream lines', () => {
    const stream = ['kind: X', '---', '# Source: c/templates/a.yaml', 'kind: A', '---', '# a comment', 'kind: Y'].join('\r\n');
    const files = splitStream(stream);
    const stdin = files.find((f) => f.name === '<stdin>');
    assert.ok(stdin);
    assert.equal(stdin.rendered, false);
    const lines = stdin.text.split(/\r?\n/);
    assert.equal(lines.length, 7);
    assert.equal(lines[0], 'kind: X');
    assert.equal(lines[3], '');
    assert.equal(lines[6], 'kind: Y');
    assert.deepEqual(files.find((f) => f.name === 'c/templates/a.yaml')?.text, 'kind: A\r\n');
  });

  it('takes # Source: only among the comments that open a document', () => {
    const files = splitStream('kind: A\n# Source: c/templates/a.yaml\n');
    assert.deepEqual(files.map((f) => f.name), ['<stdin>']);
    assert.deepEqual(splitStream(''), []);
    assert.deepEqual(splitStream('# only comments\n---\n'), []);
  });
});
