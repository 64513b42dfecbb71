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
 *
 * The index of a file whose text was let go (`compact`, from `releaseText`) keeps its lines'
 * lengths as the characters of a string, with the start of every 64th line: about a quarter of
 * the 4 bytes a line of the `Uint32Array` (the large bench workspace's 5,000 files: 6.5 → 1.9 MB).
 * Such a file is edited by no editor (an edit reads a new index from the previous one's starts,
 * made again from the lengths if asked), and a position costs a scan of at most 64 lengths.
 */
export class LineIndex {
  private starts: Uint32Array | undefined;
  private compacted: CompactLines | undefined;
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
    if (edit && previous?.built) this.edit = edit;
    else if (edit && previous?.edit) this.edit = { previous: previous.edit.previous, change: composeChanges(previous.edit.change, edit.change) };
  }

  private get built(): boolean {
    return this.starts !== undefined || this.compacted !== undefined;
  }

  private get lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    if (this.compacted) return expand(this.compacted);
    const text = this.text ?? '';
    const before = this.edit?.previous.lineStarts;
    this.starts = before && this.edit ? afterEdit(text, before, this.edit.change) : Uint32Array.from(scanLines(flat(text), 0, [0]));
    this.text = undefined;
    this.edit = undefined;
    return this.starts;
  }

  /** Builds the index and keeps it in its compact form (lines of up to 65,535 characters; else as it is). */
  compact(): void {
    const starts = this.lineStarts;
    this.compacted ??= compacted(starts, this.length);
    if (this.compacted) this.starts = undefined;
  }

  get lineCount(): number {
    return this.compacted ? this.compacted.lengths.length : this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    if (this.compacted) return compactPosition(this.compacted, o);
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
    const count = this.lineCount;
    if (position.line >= count) return this.length;
    const start = this.startOf(position.line);
    const next = position.line + 1 < count ? this.startOf(position.line + 1) : this.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  lineStart(line: number): number {
    return this.startOf(Math.max(0, Math.min(line, this.lineCount - 1)));
  }

  private startOf(line: number): number {
    if (this.compacted) return compactStart(this.compacted, line);
    return this.lineStarts[line] ?? 0;
  }
}

/** Every `MARK_EVERY`th line's start, and each line's length (its break included) as a character. */
interface CompactLines {
  readonly lengths: string;
  readonly marks: readonly number[];
}

const MARK_SHIFT = 6;
const MARK_EVERY = 1 << MARK_SHIFT;
const MAX_LENGTH = 0xffff;

function compacted(starts: Uint32Array, length: number): CompactLines | undefined {
  const codes: number[] = [];
  const marks: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    const size = (i + 1 < starts.length ? (starts[i + 1] as number) : length) - start;
    if (size > MAX_LENGTH) return undefined;
    if ((i & (MARK_EVERY - 1)) === 0) marks.push(start);
    codes.push(size);
  }
  let lengths = '';
  // In slices: `fromCharCode` takes its codes as arguments.
  for (let i = 0; i < codes.length; i += 8192) lengths += String.fromCharCode(...codes.slice(i, i + 8192));
  return { lengths, marks };
}

function compactStart(lines: CompactLines, line: number): number {
  const mark = line >> MARK_SHIFT;
  let at = lines.marks[mark] ?? 0;
  for (let i = mark << MARK_SHIFT; i < line; i++) at += lines.lengths.charCodeAt(i);
  return at;
}

function compactPosition(lines: CompactLines, offset: number): Position {
  const { marks, lengths } = lines;
  let low = 0;
  let high = marks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((marks[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  let line = low << MARK_SHIFT;
  let start = marks[low] ?? 0;
  const last = Math.min(lengths.length, line + MARK_EVERY) - 1;
  while (line < last && start + lengths.charCodeAt(line) <= offset) start += lengths.charCodeAt(line++);
  return { line, character: offset - start };
}

function expand(lines: CompactLines): Uint32Array {
  const out = new Uint32Array(lines.lengths.length);
  for (let i = 0, at = 0; i < out.length; i++) {
    out[i] = at;
    at += lines.lengths.charCodeAt(i);
  }
  return out;
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
