/**
 * Cheap pre-parse of a YAML file: where each document starts and ends, and, without a full parse,
 * its top-level `apiVersion` and `kind`. Lets the model fully parse only the documents whose kind
 * the rules analyse, and re-parse only the document an edit touched.
 */

import type { TextChange } from './textChange';
import type { TextSource } from './pieceText';

export interface DocumentSlice {
  readonly index: number;
  /** Offset of the document's first character (after a `---` marker line). */
  readonly start: number;
  /** Offset just past the document's last character. */
  readonly end: number;
  readonly text: string;
}

export interface HeaderField {
  readonly value: string;
  /** File offsets of the value as written (without quotes). */
  readonly start: number;
  readonly end: number;
}

export interface DocumentHeader {
  readonly apiVersion: HeaderField | undefined;
  readonly kind: HeaderField | undefined;
  /**
   * True when the document does not start in block style at column 0 (JSON, a flow map, a root map
   * indented as a whole, which kubectl reads too): the line scan's headers are unreliable.
   */
  readonly flowStyle: boolean;
}

// A `---` or `...` line at column 0 ends a document in every YAML context.
const MARKER = /^(---|\.\.\.)(?=[ \t]|$)/;

export function splitDocuments(text: string): DocumentSlice[] {
  const slices: DocumentSlice[] = [];
  let docStart = 0;
  let pos = 0;
  let index = 0;
  const push = (end: number): void => {
    slices.push({ index: index++, start: docStart, end, text: text.slice(docStart, end) });
  };
  while (pos <= text.length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = text.length;
    const c0 = text.charCodeAt(pos);
    if (c0 === 45 /* - */ || c0 === 46 /* . */) {
      const line = text.slice(pos, lineEnd).replace(/\r$/, '');
      const m = MARKER.exec(line);
      if (m) {
        if (pos > docStart || slices.length > 0 || m[1] === '...') push(pos);
        // Content on the marker line itself (`--- {a: 1}`) belongs to the next document.
        const rest = line.slice(3);
        docStart = m[1] === '---' && rest.trim() !== '' && !rest.trim().startsWith('#') ? pos + 3 : Math.min(lineEnd + 1, text.length);
        if (m[1] === '...') docStart = Math.min(lineEnd + 1, text.length);
      }
    }
    if (lineEnd >= text.length) break;
    pos = lineEnd + 1;
  }
  push(text.length);
  // Drop documents that hold nothing but blanks and comments.
  return slices
    .filter((s) => /^[ \t]*[^ \t\r\n#]/m.test(s.text))
    .map((s, i) => ({ ...s, index: i }));
}

// The key and the rest of its line. The value is taken apart in code: a single regular expression
// for "value, then optional spaces, then an optional comment" backtracks quadratically on a long
// line of spaces (20,000 of them took 25 s).
const TOP_LEVEL_FIELD = /^\uFEFF?(apiVersion|kind)[ \t]*:[ \t]*([^\r\n]*)/gm;
const TRAILER = /^[ \t]*(?:#[^\r\n]*)?$/;

/** The value of `rest` (the line after `key:` and its blanks) and where it starts in it, or undefined. */
function headerValue(rest: string): { value: string; at: number } | undefined {
  const q = rest[0];
  if (q === '"' || q === "'") {
    const close = rest.indexOf(q, 1);
    if (close < 0 || !TRAILER.test(rest.slice(close + 1))) return undefined;
    return { value: rest.slice(1, close), at: 1 };
  }
  if (q === undefined || /[\s#'"]/.test(q)) return undefined;
  const hash = rest.indexOf('#');
  let end = hash < 0 ? rest.length : hash;
  while (end > 0 && (rest[end - 1] === ' ' || rest[end - 1] === '\t')) end--;
  return { value: rest.slice(0, end), at: 0 };
}

export function scanHeader(slice: DocumentSlice): DocumentHeader {
  let apiVersion: HeaderField | undefined;
  let kind: HeaderField | undefined;
  // A byte order mark is not content: `\uFEFF{"apiVersion": …}` is still a flow-style document.
  const firstContent = /^\uFEFF?([ \t]*)([^ \t\r\n#\uFEFF])/m.exec(slice.text);
  const flowStyle = firstContent !== null && (firstContent[2] === '{' || firstContent[2] === '[' || (firstContent[1] ?? '') !== '');
  TOP_LEVEL_FIELD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOP_LEVEL_FIELD.exec(slice.text)) !== null) {
    const rest = m[2] ?? '';
    const found = headerValue(rest);
    if (!found) continue;
    const valueIndex = m.index + m[0].length - rest.length + found.at;
    const field: HeaderField = { value: found.value, start: slice.start + valueIndex, end: slice.start + valueIndex + found.value.length };
    if (m[1] === 'apiVersion') apiVersion = field;
    else kind = field;
  }
  return { apiVersion, kind, flowStyle };
}

export interface MetadataNames {
  readonly name: HeaderField | undefined;
  readonly namespace: HeaderField | undefined;
}

const METADATA_KEY = /^metadata[ \t]*:[ \t]*(?:#[^\r\n]*)?\r?$/m;
const NAME_FIELD = /^(name|namespace)[ \t]*:[ \t]*([^\r\n]*)/;

/**
 * `metadata.name` and `metadata.namespace` of a block-style document, read with a line scan (for
 * documents that keep their header only): the keys of the `metadata:` block at its first
 * indentation. A flow-style `metadata: {…}` yields neither.
 */
export function scanMetadataNames(slice: DocumentSlice): MetadataNames {
  let name: HeaderField | undefined;
  let namespace: HeaderField | undefined;
  const text = slice.text;
  const m = METADATA_KEY.exec(text);
  if (!m) return { name, namespace };
  let pos = m.index + m[0].length + 1;
  let indent: number | undefined;
  while (pos < text.length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = text.length;
    let lead = 0;
    while (text[pos + lead] === ' ') lead++;
    const c = text[pos + lead];
    const blank = c === undefined || c === '\n' || c === '\r' || c === '#';
    if (!blank) {
      if (lead === 0) break;
      indent ??= lead;
      if (lead < indent) break;
      const field = lead === indent ? NAME_FIELD.exec(text.slice(pos + lead, lineEnd)) : null;
      const found = field ? headerValue(field[2] ?? '') : undefined;
      if (field && found) {
        const at = pos + lead + field[0].length - (field[2] ?? '').length + found.at;
        const value: HeaderField = { value: found.value, start: slice.start + at, end: slice.start + at + found.value.length };
        if (field[1] === 'name') name = value;
        else namespace = value;
      }
    }
    pos = lineEnd + 1;
  }
  return { name, namespace };
}

/**
 * The split of `text` given the split of the text before an edit (`previous`, the documents of the
 * old text in order) and where the edit changed it: the documents outside the edit are taken from
 * `previous` (those after it moved by the edit's length), and only the text between the nearest
 * document markers around the edit is split again. The same slices as `splitDocuments(text)`.
 */
export function splitDocumentsAfterEdit(text: TextSource, previous: readonly DocumentSlice[], change: TextChange): DocumentSlice[] {
  const from = windowStart(text, change.start);
  const to = windowEnd(text, change.newEnd);
  const delta = change.newEnd - change.oldEnd;
  const slices: DocumentSlice[] = [];
  const push = (start: number, end: number, sliceText: string): void => {
    slices.push({ index: slices.length, start, end, text: sliceText });
  };
  let i = 0;
  for (; i < previous.length && (previous[i] as DocumentSlice).start < from; i++) {
    const p = previous[i] as DocumentSlice;
    if (p.index === slices.length) slices.push(p);
    else push(p.start, p.end, p.text);
  }
  for (const s of splitDocuments(text.slice(from, to))) push(from + s.start, from + s.end, s.text);
  while (i < previous.length && (previous[i] as DocumentSlice).start < to - delta) i++;
  for (; i < previous.length; i++) {
    const p = previous[i] as DocumentSlice;
    push(p.start + delta, p.end + delta, p.text);
  }
  return slices;
}

/** Where `splitDocuments` starts a document after the marker line `line` (`[line, lineEnd)`). */
function afterMarker(text: TextSource, line: number, lineEnd: number): number | undefined {
  const c0 = text.charCodeAt(line);
  if (c0 !== 45 /* - */ && c0 !== 46 /* . */) return undefined;
  const content = text.slice(line, lineEnd).replace(/\r$/, '');
  const m = MARKER.exec(content);
  if (!m) return undefined;
  const rest = content.slice(3);
  if (m[1] === '---' && rest.trim() !== '' && !rest.trim().startsWith('#')) return line + 3;
  return Math.min(lineEnd + 1, text.length);
}

/** The start of the document after the last marker line that ends before `offset` (0 when none). */
function windowStart(text: TextSource, offset: number): number {
  // (`lastIndexOf` reads a negative position as 0: a break at 0 would be found again.)
  let lineEnd = offset > 0 ? text.lastIndexOf('\n', offset - 1) : -1;
  while (lineEnd >= 0) {
    const line = lineEnd > 0 ? text.lastIndexOf('\n', lineEnd - 1) + 1 : 0;
    const start = afterMarker(text, line, lineEnd);
    if (start !== undefined) return start;
    lineEnd = line - 1;
  }
  return 0;
}

/** The first marker line starting after a line break at or after `offset` (the text's end when none). */
function windowEnd(text: TextSource, offset: number): number {
  let lineBreak = text.indexOf('\n', offset);
  while (lineBreak >= 0) {
    const line = lineBreak + 1;
    let lineEnd = text.indexOf('\n', line);
    if (lineEnd < 0) lineEnd = text.length;
    if (afterMarker(text, line, lineEnd) !== undefined) return line;
    lineBreak = lineEnd < text.length ? lineEnd : -1;
  }
  return text.length;
}
