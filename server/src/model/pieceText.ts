/**
 * An editor's text kept in pieces: a keystroke in a 5 MB file makes one piece of a few KB again,
 * not a new 5 MB string. The language-server library's own document built each version by
 * concatenation, and the first read of it flattened the whole file into newly mapped pages; per
 * keystroke that and its garbage cost more than the rest of the model. The whole text is made
 * only for a reader that truly needs it (`toString`); the model reads the text around an edit
 * through `TextSource`, which a string satisfies as well.
 *
 * Every piece but the last ends with a line feed, so no line break (`\r\n`) is ever cut between
 * two pieces: a line, and a line-anchored pattern, lies in one piece.
 */
import { hasTemplateAction } from './templateSyntax';
import { textChange, type TextChange } from './textChange';

/** What the model reads of a text: a `string`, or a `PieceText`. */
export interface TextSource {
  readonly length: number;
  slice(start?: number, end?: number): string;
  charCodeAt(index: number): number;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
}

/** A position as the protocol gives it: zero-based line, UTF-16 character. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/** Pieces are cut at about this many UTF-16 units (at a line feed), and a piece past twice it is cut again. */
const TARGET = 16 * 1024;

/**
 * What a text was made from: `base` with `change` applied (weakly held: a text never keeps an
 * earlier version alive). A reader holding `base` may take `change` instead of comparing texts.
 */
interface Edit {
  readonly base: WeakRef<PieceText>;
  readonly change: TextChange;
}

/** Facts of one piece, made when first asked and carried with the piece to later versions. */
interface PieceFacts {
  /** Offsets in the piece just past each line break. */
  readonly breaks: Uint32Array;
  readonly bytes: number;
  readonly nul: boolean;
  readonly templateAction: boolean;
  readonly crlf: boolean;
}

export class PieceText implements TextSource {
  readonly length: number;
  /** Offset of each piece's first unit; `starts[pieces.length]` is the length. */
  private readonly starts: Float64Array;
  /** Line breaks before each piece (made when first asked). */
  private breaksBefore: Float64Array | undefined;
  /** The piece the last offset was found in (reads near each other stay in one piece). */
  private lastPiece = 0;

  private constructor(
    private readonly pieces: readonly string[],
    private readonly facts: (PieceFacts | undefined)[],
    private readonly edit: Edit | undefined,
    private readonly pieceSize: number,
  ) {
    this.starts = new Float64Array(pieces.length + 1);
    let at = 0;
    pieces.forEach((p, i) => {
      this.starts[i] = at;
      at += p.length;
    });
    this.starts[pieces.length] = at;
    this.length = at;
  }

  /** `pieceSize`: about how long a piece is (tests take short pieces, to have many). */
  static of(text: string, pieceSize = TARGET): PieceText {
    const pieces = cut(text, pieceSize);
    return new PieceText(pieces, pieces.map(() => undefined), undefined, pieceSize);
  }

  /** The text with `[start, end)` replaced by `insert` (offsets clamped to the text). */
  replace(start: number, end: number, insert: string): PieceText {
    const s = clamp(Math.min(start, end), this.length);
    const e = clamp(Math.max(start, end), this.length);
    if (this.pieces.length === 0) return PieceText.of(insert, this.pieceSize);
    const first = this.pieceAt(s);
    let last = e > s ? this.pieceAt(e - 1) : first;
    let merged = (this.pieces[first] as string).slice(0, s - this.at(first)) + insert + (this.pieces[last] as string).slice(e - this.at(last));
    // Keep every piece but the last ending with a line feed.
    if (merged !== '' && !merged.endsWith('\n') && last + 1 < this.pieces.length) merged += this.pieces[++last] as string;
    const made = merged.length > 2 * this.pieceSize ? cut(merged, this.pieceSize) : merged === '' ? [] : [merged];
    const pieces = [...this.pieces.slice(0, first), ...made, ...this.pieces.slice(last + 1)];
    const facts = [...this.facts.slice(0, first), ...made.map(() => undefined), ...this.facts.slice(last + 1)];
    return new PieceText(pieces, facts, undefined, this.pieceSize);
  }

  /** This text, recorded as made from `base` by `change` (see `changeFrom`). */
  madeFrom(base: PieceText, change: TextChange): PieceText {
    return new PieceText(this.pieces, this.facts, { base: new WeakRef(base), change }, this.pieceSize);
  }

  /** The change that made this text from `base`, when it was recorded so (`madeFrom`). */
  changeFrom(base: TextSource | undefined): TextChange | undefined {
    return base !== undefined && this.edit?.base.deref() === base ? this.edit.change : undefined;
  }

  toString(): string {
    return this.pieces.join('');
  }

  slice(start = 0, end = this.length): string {
    const s = clamp(start < 0 ? this.length + start : start, this.length);
    const e = clamp(end < 0 ? this.length + end : end, this.length);
    if (e <= s) return '';
    const first = this.pieceAt(s);
    const last = this.pieceAt(e - 1);
    if (first === last) return (this.pieces[first] as string).slice(s - this.at(first), e - this.at(first));
    let out = (this.pieces[first] as string).slice(s - this.at(first));
    for (let i = first + 1; i < last; i++) out += this.pieces[i] as string;
    return out + (this.pieces[last] as string).slice(0, e - this.at(last));
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return NaN;
    const i = this.pieceAt(index);
    return (this.pieces[i] as string).charCodeAt(index - this.at(i));
  }

  indexOf(search: string, from = 0): number {
    const start = clamp(from, this.length);
    if (search === '') return start;
    for (let i = start < this.length ? this.pieceAt(start) : this.pieces.length; i < this.pieces.length; i++) {
      const at = this.at(i);
      const found = (this.pieces[i] as string).indexOf(search, Math.max(0, start - at));
      if (found >= 0) return at + found;
      // An occurrence across the next boundary.
      const edge = this.at(i + 1);
      if (search.length > 1 && edge < this.length) {
        const from2 = Math.max(start, edge - search.length + 1);
        const across = this.slice(from2, edge + search.length - 1).indexOf(search);
        if (across >= 0) return from2 + across;
      }
    }
    return -1;
  }

  lastIndexOf(search: string, from = Number.POSITIVE_INFINITY): number {
    const start = Math.min(Number.isNaN(from) ? Number.POSITIVE_INFINITY : Math.max(0, from), this.length - search.length);
    if (start < 0) return -1;
    for (let i = this.pieceAt(start); i >= 0; i--) {
      const at = this.at(i);
      // An occurrence across the boundary after this piece (starting in it).
      const edge = this.at(i + 1);
      if (search.length > 1 && edge < this.length && edge - search.length + 1 <= start) {
        const from2 = Math.max(at, edge - search.length + 1);
        const across = this.slice(from2, Math.min(edge + search.length - 1, start + search.length)).lastIndexOf(search);
        if (across >= 0) return from2 + across;
      }
      const found = (this.pieces[i] as string).lastIndexOf(search, start - at);
      if (found >= 0 && at + found + search.length <= edge) return at + found;
    }
    return -1;
  }

  /** UTF-8 bytes of the text (without encoding it whole). */
  get byteLength(): number {
    let n = 0;
    for (let i = 0; i < this.pieces.length; i++) n += this.factsOf(i).bytes;
    return n;
  }

  /** Whether the text holds a NUL character. */
  get holdsNul(): boolean {
    return this.pieces.some((_, i) => this.factsOf(i).nul);
  }

  /** `hasTemplateAction` of the whole text (`{{` never spans a line break, so never two pieces). */
  get holdsTemplateAction(): boolean {
    return this.pieces.some((_, i) => this.factsOf(i).templateAction);
  }

  /** Whether the text holds a `\r\n` line break. */
  get holdsCrlf(): boolean {
    return this.pieces.some((_, i) => this.factsOf(i).crlf);
  }

  /**
   * A region holding every difference between this text and `other` (a `TextChange` from this one
   * to it): the pieces both share, the very same strings, from either end are left out. Pieces
   * of versions typed one from the other are shared, so two versions far apart in keystrokes
   * compare in the pieces the keystrokes touched.
   */
  sharedEnds(other: PieceText): TextChange {
    const a = this.pieces;
    const b = other.pieces;
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    const start = this.at(head);
    const same = this.length - this.at(a.length - tail);
    return { start, oldEnd: this.length - same, newEnd: other.length - same };
  }

  /** The offset of a protocol position, as the library's `TextDocument.offsetAt` gives it. */
  offsetAt(position: TextPosition): number {
    const breaks = this.lineBreaksBefore();
    const total = breaks[this.pieces.length] as number;
    if (position.line > total) return this.length;
    if (position.line < 0) return 0;
    const lineStart = this.lineStart(position.line);
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 <= total ? this.lineStart(position.line + 1) : this.length;
    let offset = Math.min(lineStart + position.character, next);
    // Not inside or after the line's break.
    while (offset > lineStart && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** Offset of the start of line `line` (0 ≤ line ≤ the number of line breaks). */
  private lineStart(line: number): number {
    if (line === 0) return 0;
    const breaks = this.lineBreaksBefore();
    // The piece holding the line's preceding break: the last with fewer breaks before it than `line`.
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((breaks[mid] as number) < line) low = mid;
      else high = mid - 1;
    }
    return this.at(low) + (this.factsOf(low).breaks[line - 1 - (breaks[low] as number)] as number);
  }

  private lineBreaksBefore(): Float64Array {
    if (this.breaksBefore) return this.breaksBefore;
    const out = new Float64Array(this.pieces.length + 1);
    for (let i = 0; i < this.pieces.length; i++) out[i + 1] = (out[i] as number) + this.factsOf(i).breaks.length;
    return (this.breaksBefore = out);
  }

  private factsOf(i: number): PieceFacts {
    let f = this.facts[i];
    if (!f) {
      const piece = this.pieces[i] as string;
      f = { breaks: lineBreakEnds(piece), bytes: Buffer.byteLength(piece, 'utf8'), nul: piece.includes('\u0000'), templateAction: hasTemplateAction(piece), crlf: piece.includes('\r\n') };
      this.facts[i] = f;
    }
    return f;
  }

  private at(i: number): number {
    return this.starts[i] as number;
  }

  /** The piece holding `offset` (0 ≤ offset < length). */
  private pieceAt(offset: number): number {
    const guess = this.lastPiece;
    if (guess < this.pieces.length && this.at(guess) <= offset && offset < this.at(guess + 1)) return guess;
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.at(mid) <= offset) low = mid;
      else high = mid - 1;
    }
    return (this.lastPiece = low);
  }
}

/** Whether the text holds a `\r\n` line break (pieces are read one by one). */
export function holdsCrlf(text: TextSource): boolean {
  return typeof text === 'string' ? text.includes('\r\n') : (text as PieceText).holdsCrlf;
}

/** `textChange(before, after)`, pieces two versions share left out of the comparison. */
export function changeBetween(before: TextSource, after: TextSource): TextChange {
  return textChange(before, after, before instanceof PieceText && after instanceof PieceText ? before.sharedEnds(after) : undefined);
}

/** The whole text of a source (a `PieceText` is joined). */
export function flat(text: TextSource): string {
  return typeof text === 'string' ? text : text instanceof PieceText ? text.toString() : text.slice(0, text.length);
}

function clamp(n: number, length: number): number {
  return Math.max(0, Math.min(Number.isNaN(n) ? 0 : n, length));
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Offsets just past each line break (`\r\n`, `\r`, `\n`) of `text`. */
function lineBreakEnds(text: string): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) out.push(i + 1);
  }
  return Uint32Array.from(out);
}

/** `text` in pieces of about `size` units, each but the last ending with a line feed. */
function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    const lf = text.length - at > 2 * size ? text.indexOf('\n', at + size - 1) : -1;
    const end = lf < 0 ? text.length : lf + 1;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}
