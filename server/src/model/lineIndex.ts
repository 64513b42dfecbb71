/** Offsets ↔ line/character (UTF-16), for one file's text. Kept instead of the text's line array. */
import { composeChanges, type TextChange } from './textChange';
import { flat, type TextSource } from './pieceText';

export interface LineIndexEdit {
  readonly previous: LineIndex;
  readonly change: TextChange;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

/**
 * Built on first use: a file skipped for its size is never asked for a position, and indexing its
 * lines (20 MB, 400,000 lines) cost a fifth of a second on every keystroke.
 */
export class LineIndex {
  private starts: Uint32Array | undefined;
  private text: TextSource | undefined;
  private edit: LineIndexEdit | undefined;
  private readonly length: number;

  /**
   * With `edit` (the index of the text before an edit, and where the edit changed it), the lines
   * away from the edit are taken from that index when it was built: a keystroke in a big file
   * scans only the lines it touched.
   */
  constructor(text: TextSource, edit?: LineIndexEdit) {
    this.text = text;
    this.length = text.length;
    // Only an index already built is kept, so no chain of versions stays in memory: an edit of a
    // version not yet indexed (keystrokes faster than diagnostics) goes back to that one's base.
    const previous = edit?.previous;
    if (edit && previous?.starts) this.edit = edit;
    else if (edit && previous?.edit) this.edit = { previous: previous.edit.previous, change: composeChanges(previous.edit.change, edit.change) };
  }

  private get lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    const text = this.text ?? '';
    const before = this.edit?.previous.starts;
    this.starts = before && this.edit ? afterEdit(text, before, this.edit.change) : Uint32Array.from(scanLines(flat(text), 0, [0]));
    this.text = undefined;
    this.edit = undefined;
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= o) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: o - (this.lineStarts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.length;
    const start = this.lineStarts[position.line] ?? 0;
    const next = position.line + 1 < this.lineStarts.length ? (this.lineStarts[position.line + 1] ?? this.length) : this.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))] ?? 0;
  }
}

/**
 * Pushes onto `starts` the start of every line that begins after a break in `text`, a part of the
 * file at `offset` that ends the file or ends with a line feed (so no `\r\n` is cut at its end).
 */
function scanLines(text: string, offset: number, starts: number[]): number[] {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) starts.push(offset + i + 1);
    else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(offset + i + 1);
    }
  }
  return starts;
}

/**
 * The line starts of `text` from those of the text before `change`: the starts of lines that end
 * before the edit are kept, the lines from the one before the edit to the first line break after
 * it are scanned, and the starts after that break are the old ones moved by the edit's length.
 */
function afterEdit(text: TextSource, before: Uint32Array, change: TextChange): Uint32Array {
  // A line start at or after `change.start - 1` may depend on the edited text (a `\r` before it).
  let keep = 0;
  while (keep < before.length && (before[keep] as number) < change.start - 1) keep++;
  // `keep` ≥ 1: offset 0 always starts a line. Scan from the start of the last kept line.
  const from = before[Math.max(0, keep - 1)] ?? 0;
  const lineBreak = text.indexOf('\n', change.newEnd);
  const to = lineBreak < 0 ? text.length : lineBreak + 1;
  const middle = scanLines(text.slice(from, to), from, keep === 0 ? [0] : []);
  const delta = change.newEnd - change.oldEnd;
  // The break at `to - 1` lies after the edit: the old text has it at `to - 1 - delta`.
  let after = keep;
  while (after < before.length && (before[after] as number) <= to - delta) after++;
  const out = new Uint32Array(keep + middle.length + (lineBreak < 0 ? 0 : before.length - after));
  out.set(before.subarray(0, keep), 0);
  out.set(middle, keep);
  if (lineBreak >= 0) for (let i = after, j = keep + middle.length; i < before.length; i++, j++) out[j] = (before[i] as number) + delta;
  return out;
}
