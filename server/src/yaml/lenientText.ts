/**
 * kubectl's YAML decoder (go-yaml v2, a port of libyaml) does not hold the continuation lines of a
 * quoted scalar or of a flow collection to the block's indentation: it reads
 *
 *     annotations:
 *       init: '[
 *         {"name": "wait"}
 *       ]'
 *
 * (the closing line no deeper than the key) as the string `[ {"name": "wait"} ]`, and
 * `labels: {app: web,\n  tier: front}` as two labels. The `yaml` package follows the YAML
 * specification and rejects both (MISSING_CHAR, BAD_INDENT), which made Netpol Lens report a
 * syntax error kubectl does not have (sock-shop's Grafana import Job).
 *
 * The `yaml` package also misreads a plain value on the line after a comment written with no
 * space after its `#` (`key:` / `#note` / `  value`), which kubectl reads as `key: value`.
 *
 * `lenientText` finds such constructs in a document the `yaml` package rejected, indents their
 * continuation lines one column past the column where the construct opened, and puts a space after
 * the `#` of comment lines. That changes no value: inside quotes, a line's leading white space is
 * folded away; inside a flow collection, it separates tokens only; a comment is no value. The
 * caller parses the result and maps offsets back with `toOriginal`. Block scalars are skipped
 * whole (their lines are content), and so are quoted scalars and flow collections.
 */

export interface LenientText {
  readonly text: string;
  /** An offset in `text` as an offset in the original: inserted spaces map to where they were inserted. */
  toOriginal(offset: number): number;
}

interface Insertion {
  /** Offset in the original text. */
  readonly at: number;
  readonly spaces: number;
}

/** The text respelled as above, or undefined when there is nothing to respell. */
export function lenientText(text: string): LenientText | undefined {
  const insertions = respellings(text);
  if (insertions === undefined || insertions.length === 0) return undefined;
  let out = '';
  let from = 0;
  for (const { at, spaces } of insertions) {
    out += text.slice(from, at) + ' '.repeat(spaces);
    from = at;
  }
  out += text.slice(from);
  return { text: out, toOriginal: offsetMapper(insertions) };
}

function offsetMapper(insertions: readonly Insertion[]): (offset: number) => number {
  // Where each insertion starts in the new text, and how many spaces were inserted up to and including it.
  const starts: number[] = [];
  const totals: number[] = [];
  let total = 0;
  for (const { at, spaces } of insertions) {
    starts.push(at + total);
    total += spaces;
    totals.push(total);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    let k = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((starts[mid] as number) <= offset) {
        k = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (k < 0) return offset;
    const inserted = totals[k] as number;
    const end = (starts[k] as number) + inserted - (k > 0 ? (totals[k - 1] as number) : 0);
    // Inside the inserted spaces: where they were inserted.
    if (offset < end) return (insertions[k] as Insertion).at;
    return offset - inserted;
  };
}

/** The spaces to insert, in text order; undefined when a construct never closes (a real error). */
function respellings(text: string): Insertion[] | undefined {
  const out: Insertion[] = [];
  let pos = 0;
  /** While skipping a block scalar's content: the indentation its lines must exceed. */
  let blockScalarParent = -1;
  while (pos < text.length) {
    const lineEnd = endOfLine(text, pos);
    const indent = indentationAt(text, pos, lineEnd);
    const first = pos + indent;
    const blank = first >= lineEnd || text[first] === '\r';
    if (blockScalarParent >= 0) {
      if (blank || indent > blockScalarParent) {
        pos = lineEnd + 1;
        continue;
      }
      blockScalarParent = -1;
    }
    if (blank || text[first] === '#') {
      const after = text[first + 1];
      if (!blank && first + 1 < lineEnd && after !== ' ' && after !== '\t' && after !== '\r') out.push({ at: first + 1, spaces: 1 });
      pos = lineEnd + 1;
      continue;
    }
    const value = valueStart(text, first, lineEnd);
    if (value === undefined) {
      pos = lineEnd + 1;
      continue;
    }
    const c = text[value];
    if (c === '|' || c === '>') {
      blockScalarParent = indent;
      pos = lineEnd + 1;
      continue;
    }
    if (c !== "'" && c !== '"' && c !== '[' && c !== '{') {
      pos = lineEnd + 1;
      continue;
    }
    const end = constructEnd(text, value);
    if (end === undefined) return undefined;
    const column = value - pos;
    // Every later line the construct reaches: at least one column past where it opened.
    let line = lineEnd + 1;
    while (line <= end && line < text.length) {
      const next = endOfLine(text, line);
      const lineIndent = indentationAt(text, line, next);
      const content = line + lineIndent;
      if (content < next && text[content] !== '\r' && lineIndent <= column) out.push({ at: line, spaces: column + 1 - lineIndent });
      line = next + 1;
    }
    pos = endOfLine(text, end) + 1;
  }
  return out;
}

function endOfLine(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

function indentationAt(text: string, from: number, lineEnd: number): number {
  let i = from;
  while (i < lineEnd && text[i] === ' ') i++;
  return i - from;
}

/**
 * Where the value of the line's node starts: after sequence dashes, a key and its colon, anchors
 * and tags; undefined when the line holds a key with no value on it, or nothing a construct can
 * open (a plain scalar runs to the end of the line).
 */
function valueStart(text: string, from: number, lineEnd: number): number | undefined {
  let i = from;
  for (;;) {
    // `- ` items.
    while (text[i] === '-' && (i + 1 >= lineEnd || text[i + 1] === ' ')) i = skipSpaces(text, i + 1, lineEnd);
    // Anchors and tags before the node.
    while ((text[i] === '&' || text[i] === '!') && i < lineEnd) {
      while (i < lineEnd && text[i] !== ' ') i++;
      i = skipSpaces(text, i, lineEnd);
    }
    if (i >= lineEnd) return undefined;
    const c = text[i];
    if (c === "'" || c === '"') {
      // A quoted key when a colon follows it on this line.
      const end = constructEnd(text, i);
      if (end !== undefined && end < lineEnd) {
        const after = skipSpaces(text, end + 1, lineEnd);
        if (text[after] === ':' && (after + 1 >= lineEnd || text[after + 1] === ' ' || text[after + 1] === '\r')) {
          i = skipSpaces(text, after + 1, lineEnd);
          continue;
        }
      }
      return i;
    }
    if (c === '[' || c === '{' || c === '|' || c === '>') return i;
    // A plain key: up to `: ` (a plain scalar holds no `: `).
    const colon = keyColon(text, i, lineEnd);
    if (colon === undefined) return undefined;
    i = skipSpaces(text, colon + 1, lineEnd);
    if (i >= lineEnd || text[i] === '#' || text[i] === '\r') return undefined;
  }
}

function keyColon(text: string, from: number, lineEnd: number): number | undefined {
  for (let i = from; i < lineEnd; i++) {
    if (text[i] === '#' && text[i - 1] === ' ') return undefined;
    if (text[i] === ':' && (i + 1 >= lineEnd || text[i + 1] === ' ' || text[i + 1] === '\r')) return i;
  }
  return undefined;
}

function skipSpaces(text: string, from: number, lineEnd: number): number {
  let i = from;
  while (i < lineEnd && text[i] === ' ') i++;
  return i;
}

/** The offset of the character closing the quoted scalar or flow collection opened at `start`; undefined when it never closes. */
function constructEnd(text: string, start: number): number | undefined {
  const open = text[start];
  if (open === "'" || open === '"') return quoteEnd(text, start);
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (documentMarkerAt(text, i)) return undefined;
    const c = text[i];
    if ((c === "'" || c === '"') && tokenStart(text, i)) {
      const end = quoteEnd(text, i);
      if (end === undefined) return undefined;
      i = end;
    } else if (c === '#' && (i === start || text[i - 1] === ' ' || text[i - 1] === '\n' || text[i - 1] === '\t')) {
      i = endOfLine(text, i) - 1;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

/** Whether a quote at `i` opens a quoted scalar (it starts a token), not stands inside a plain one (`it's`). */
function tokenStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < i - 1) return true;
  const before = text[j];
  return j < 0 || before === '[' || before === '{' || before === ',' || before === '\n' || before === '\r';
}

function quoteEnd(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (documentMarkerAt(text, i)) return undefined;
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}

/** A `---` or `...` line starts at `i`: libyaml ends any scalar or collection there, with an error. */
function documentMarkerAt(text: string, i: number): boolean {
  if (i > 0 && text[i - 1] !== '\n') return false;
  const three = text.slice(i, i + 3);
  if (three !== '---' && three !== '...') return false;
  const after = text[i + 3];
  return after === undefined || after === ' ' || after === '\t' || after === '\n' || after === '\r';
}
