/**
 * The texts of the documents open in editors, as the editor sends them (`textDocument/didOpen`,
 * incremental `didChange`, `didClose`), kept in pieces (`model/pieceText.ts`): a keystroke
 * replaces the piece it touched, and the text it makes records the change from the text before
 * the notification, so the model of a big file is read around the edit without the whole text
 * being made. Knows nothing of LSP: the changes have the protocol's shape. Gives exactly the text
 * the language-server library's `TextDocument` gives for any sequence of changes
 * (`test/unit/workspace/editorTexts.test.ts`).
 */
import { PieceText, type TextPosition } from '../model/pieceText';
import { composeChanges, type TextChange } from '../model/textChange';

/** A change as `textDocument/didChange` sends it: a range replaced, or the whole text. */
export type ContentChange =
  | { readonly range: { readonly start: TextPosition; readonly end: TextPosition }; readonly rangeLength?: number; readonly text: string }
  | { readonly text: string };

export interface EditorText {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly text: PieceText;
}

export class EditorTexts {
  private readonly open = new Map<string, EditorText>();

  /** `pieceSize`: about how long a piece of a text is (`PieceText.of`; tests take short ones). */
  constructor(private readonly pieceSize?: number) {}

  get(uri: string): EditorText | undefined {
    return this.open.get(uri);
  }

  /** A document opened (or opened again: its text replaces the one kept). */
  didOpen(uri: string, languageId: string, version: number, text: string): EditorText {
    const opened: EditorText = { uri, languageId, version, text: PieceText.of(text, this.pieceSize) };
    this.open.set(uri, opened);
    return opened;
  }

  /**
   * Applies a notification's changes in order (each range is read in the text the previous
   * changes made); undefined for a document not open. The text records the one change covering
   * them all from the text before (not when the whole text was replaced).
   */
  didChange(uri: string, version: number, changes: readonly ContentChange[]): EditorText | undefined {
    const before = this.open.get(uri);
    if (!before) return undefined;
    let text = before.text;
    let covering: TextChange | undefined;
    let whole = false;
    for (const change of changes) {
      if (!('range' in change)) {
        text = PieceText.of(change.text, this.pieceSize);
        whole = true;
        continue;
      }
      const [from, to] = inOrder(change.range.start, change.range.end);
      const start = text.offsetAt(from);
      const end = text.offsetAt(to);
      const one: TextChange = { start, oldEnd: end, newEnd: start + change.text.length };
      covering = covering ? composeChanges(covering, one) : one;
      text = text.replace(start, end, change.text);
    }
    if (!whole && covering) text = text.madeFrom(before.text, covering);
    const after: EditorText = { ...before, version, text };
    this.open.set(uri, after);
    return after;
  }

  didClose(uri: string): void {
    this.open.delete(uri);
  }
}

/** The range's ends in document order (the library swaps a range given end first). */
function inOrder(a: TextPosition, b: TextPosition): [TextPosition, TextPosition] {
  return a.line > b.line || (a.line === b.line && a.character > b.character) ? [b, a] : [a, b];
}
