/**
 * Cheap pre-parse of a YAML file: where each document starts and ends, and, without a full parse,
 * its top-level `apiVersion` and `kind`. Lets the model fully parse only the documents whose kind
 * the rules analyse, and re-parse only the document an edit touched.
 */

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
  /** True when the document does not start in block style (JSON, flow map): headers unreliable. */
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

const TOP_LEVEL_FIELD = /^(apiVersion|kind)[ \t]*:[ \t]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s#'"][^\r\n#]*?))[ \t]*(?:#.*)?\r?$/gm;

export function scanHeader(slice: DocumentSlice): DocumentHeader {
  let apiVersion: HeaderField | undefined;
  let kind: HeaderField | undefined;
  const firstContent = /^[ \t]*([^ \t\r\n#])/m.exec(slice.text);
  const flowStyle = firstContent !== null && (firstContent[1] === '{' || firstContent[1] === '[');
  TOP_LEVEL_FIELD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOP_LEVEL_FIELD.exec(slice.text)) !== null) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    const quoted = m[2] !== undefined || m[3] !== undefined;
    const valueIndex = m.index + m[0].indexOf(quoted ? (m[2] !== undefined ? '"' : "'") : value) + (quoted ? 1 : 0);
    const field: HeaderField = { value, start: slice.start + valueIndex, end: slice.start + valueIndex + value.length };
    if (m[1] === 'apiVersion') apiVersion = field;
    else kind = field;
  }
  return { apiVersion, kind, flowStyle };
}
