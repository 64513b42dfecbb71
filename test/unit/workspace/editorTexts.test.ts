/**
 * The editor's texts in pieces. Spec: for any sequence of notifications (ranged changes, several
 * in one notification, ranges given end first or past the end, whole-text changes; CRLF, lone CR,
 * characters outside the BMP), the store's text is the text the language-server library's
 * `TextDocument` gives, and the pieces answer every read (`slice`, `charCodeAt`, `indexOf`,
 * `lastIndexOf`, byte length) as the whole string does. The change a text records covers every
 * difference from the text before the notification.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditorTexts, type ContentChange } from '../../../server/src/workspace/editorTexts';
import { changeBetween, PieceText } from '../../../server/src/model/pieceText';
import { textChange } from '../../../server/src/model/textChange';

const URI = 'file:///ws/a.yaml';

/** Texts of short lines with every kind of line break and multi-unit characters. */
const textArb = fc
  .array(fc.constantFrom('a', 'b: 1', '---', '  - x', 'é', '\u{1F600}', '{{', '\u0000', '', ' ', '\n', '\r\n', '\r', '\n\n'), { maxLength: 60 })
  .map((parts) => parts.join(''));

const positionArb = fc.record({ line: fc.integer({ min: -1, max: 40 }), character: fc.integer({ min: -1, max: 12 }) });

const changeArb: fc.Arbitrary<ContentChange> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: positionArb, end: positionArb }), text: textArb }) },
  { weight: 1, arbitrary: fc.record({ text: textArb }) },
);

const notificationsArb = fc.array(fc.array(changeArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });

describe('the editor texts', () => {
  it('hold the text the library gives for any sequence of changes', () => {
    fc.assert(
      fc.property(textArb, notificationsArb, fc.integer({ min: 1, max: 40 }), (initial, notifications, pieceSize) => {
        const store = new EditorTexts(pieceSize);
        let oracle = initial;
        store.didOpen(URI, 'yaml', 1, initial);
        notifications.forEach((changes, n) => {
          const before = store.get(URI)?.text as PieceText;
          // Each change applied to a fresh library document of the text so far. The library patches
          // its line starts from one change to the next: a `\r` and a `\n` an edit joins stay two
          // line breaks there, and a range past the end patches lines that do not exist, so the
          // next change of the notification lands elsewhere. The editor, and the store, read
          // the text as it is.
          for (const change of changes) oracle = TextDocument.update(TextDocument.create(URI, 'yaml', 1, oracle), [change], 2).getText();
          const after = store.didChange(URI, n + 2, changes);
          assert.equal(after?.version, n + 2);
          assert.equal(after?.text.toString(), oracle, JSON.stringify(changes));
          const recorded = after?.text.changeFrom(before);
          if (changes.every((c) => 'range' in c)) {
            assert.ok(recorded, 'a ranged notification records its change');
            assert.deepEqual(textChange(before, after.text, recorded), textChange(before.toString(), oracle));
          } else assert.equal(recorded, undefined);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('apply each change of a notification to the text the previous one made, in UTF-16 positions', () => {
    const store = new EditorTexts(4);
    store.didOpen(URI, 'yaml', 1, 'a: é\r\nb: \u{1F600}x\r\nc: 3\n');
    const after = store.didChange(URI, 2, [
      { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 6 } }, text: 'y' },
      { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, text: 'e\r\nz: 0' },
      { range: { start: { line: 3, character: 3 }, end: { line: 3, character: 99 } }, text: '4' },
      { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: '# end' },
    ]);
    assert.equal(after?.text.toString(), 'a: e\r\nz: 0\r\nb: \u{1F600}y\r\nc: 4\n# end');
  });

  it('forget a closed document, and take a reopened one as sent', () => {
    const store = new EditorTexts();
    store.didOpen(URI, 'yaml', 1, 'a: 1\n');
    store.didClose(URI);
    assert.equal(store.get(URI), undefined);
    assert.equal(store.didChange(URI, 2, [{ text: 'b: 2\n' }]), undefined);
    store.didOpen(URI, 'yaml', 7, 'c: 3\n');
    assert.deepEqual({ version: store.get(URI)?.version, text: store.get(URI)?.text.toString() }, { version: 7, text: 'c: 3\n' });
  });

  it('read in pieces as the whole string reads', () => {
    const needle = fc.constantFrom('\n', '\r', '\r\n', 'a', '---', '{{', ': ', '\u{1F600}', 'zz');
    fc.assert(
      fc.property(textArb, fc.integer({ min: 1, max: 24 }), fc.array(fc.tuple(fc.integer({ min: -3, max: 90 }), fc.integer({ min: -3, max: 90 }), needle)), (text, pieceSize, reads) => {
        const pieces = PieceText.of(text, pieceSize);
        assert.equal(pieces.length, text.length);
        assert.equal(pieces.byteLength, Buffer.byteLength(text, 'utf8'));
        assert.equal(pieces.holdsNul, text.includes('\u0000'));
        assert.equal(pieces.holdsTemplateAction, text.includes('{{'));
        assert.equal(pieces.holdsCrlf, text.includes('\r\n'));
        for (const [a, b, search] of reads) {
          assert.equal(pieces.slice(a, b), text.slice(a, b), `slice ${a} ${b}`);
          assert.ok(Object.is(pieces.charCodeAt(a), text.charCodeAt(a)), `charCodeAt ${a}`);
          assert.equal(pieces.indexOf(search, a), text.indexOf(search, a), `indexOf ${JSON.stringify(search)} ${a}`);
          assert.equal(pieces.lastIndexOf(search, a), text.lastIndexOf(search, a), `lastIndexOf ${JSON.stringify(search)} ${a}`);
        }
        assert.equal(pieces.lastIndexOf('\n'), text.lastIndexOf('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('compare two versions far apart in the pieces they do not share, with the answer of the whole texts', () => {
    const replaceArb = fc.tuple(fc.nat(200), fc.nat(8), textArb);
    fc.assert(
      fc.property(textArb, fc.integer({ min: 1, max: 24 }), fc.array(replaceArb, { maxLength: 10 }), fc.nat(10), (initial, pieceSize, replaces, keep) => {
        const versions = [PieceText.of(initial, pieceSize)];
        for (const [at, remove, insert] of replaces) {
          const last = versions[versions.length - 1] as PieceText;
          versions.push(last.replace(at, at + remove, insert));
        }
        const early = versions[Math.min(keep, versions.length - 1)] as PieceText;
        const late = versions[versions.length - 1] as PieceText;
        assert.deepEqual(changeBetween(early, late), textChange(early.toString(), late.toString()));
        assert.deepEqual(changeBetween(late, early), textChange(late.toString(), early.toString()));
      }),
      { numRuns: 300 },
    );
  });
});
