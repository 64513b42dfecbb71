/**
 * Concatenated JSON objects in one file (`{…}{…}` or one per line), as `kubectl apply -f` reads
 * them: a file whose first character is `{` is a JSON stream to kubectl, decoded one value after
 * another. Read as one YAML document, the second object was a syntax error.
 */
import type { DocumentSlice } from './splitDocuments';
import type { TextSource } from './pieceText';

const WHITESPACE = /[ \t\r\n\uFEFF]/;

/**
 * The values of a JSON stream, each a document slice; undefined unless the text is at least two
 * balanced `{…}` values with nothing but whitespace around them (one object stays one document,
 * and anything else is left to the YAML reader, which reports what is wrong with it).
 */
export function splitJsonStream(text: string): DocumentSlice[] | undefined {
  const slices: DocumentSlice[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && WHITESPACE.test(text[i] as string)) i++;
    if (i >= text.length) break;
    if (text[i] !== '{') return undefined;
    const end = valueEnd(text, i);
    if (end < 0) return undefined;
    slices.push({ index: slices.length, start: i, end, text: text.slice(i, end) });
    i = end;
  }
  return slices.length >= 2 ? slices : undefined;
}

/** Whether `splitJsonStream` may find a stream: the first character but whitespace is `{` (read without the whole text). */
export function mayBeJsonStream(text: TextSource): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 13 || c === 10 || c === 0xfeff)) return c === 123 /* { */;
  }
  return false;
}

/** Offset just past the object or array opening at `start`, or -1 when it is never closed. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (i >= text.length) return -1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
