/**
 * A fast reader for the shapes real manifests use, straight from the text to the compact tree
 * (`model/yamlTree.ts`), without composing a `yaml` Document: block maps and sequences (compact
 * `- key: value` included), plain, single- and double-quoted scalars on one line, comments, and
 * flow collections on one line (`[a, b]`, `{key: value}`, nested).
 *
 * It gives exactly what `parseYamlDocument` gives — the same values (the core schema's
 * resolution, `coreScalar.ts`), sources, styles, offsets, duplicate keys (`overridden`) — or
 * declines (undefined) and the caller reads the document in full. It declines anything else:
 * anchors, aliases, merge keys, tags, directives, block scalars, scalars over several lines,
 * complex keys, TABs, CR line ends, a byte order mark, an indented root, and every shape the
 * `yaml` package would report as an error, so a document it reads has no problems.
 *
 * Offsets follow the `yaml` package's node ranges (the end of a collection is the end of its last
 * value's tokens: the line end, comments more indented than the collection that follow it, and
 * trailing comment lines the parser leaves inside a nested collection); `fastReader.test.ts`
 * compares the two readers over every fixture, generated workspaces and random mutations.
 */
import { scalarNode } from '../model/scalarNode';
import { ownValue } from '../model/ownString';
import { mapNode, seqNode } from '../model/collectionNodes';
import { pairKey, pairNode } from '../model/pairNode';
import { MAX_EXPANDED_NODES, type ScalarStyle, type YMap, type YNode, type YPair, type YScalar, type YSeq } from '../model/yamlTree';
import { NONE } from '../collections/none';
import { commonWord, ownWord } from './commonWords';
import { doubleQuotedValue, plainValue } from './coreScalar';
import { EffectivePairs } from './effectivePairs';

/** What the fast reader gives: a tree without problems, nothing expanded. */
export interface FastReadDocument {
  readonly root: YNode;
  readonly problems: readonly never[];
  readonly expanded: false;
}

/** Deeper documents are left to the full reader (whose nesting estimate must stay below its limit). */
const MAX_DEPTH = 32;
/** Longer implicit keys are left to the full reader. */
const MAX_KEY_LENGTH = 1024;

const NL = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

class Declined extends Error {}

/** Read `text` (one document) whose first character stands at `offset` in the file, or decline. */
export function readFast(text: string, offset: number): FastReadDocument | undefined {
  if (text.includes('\t') || text.includes('\uFEFF') || (text.includes('\r') && /\r(?!\n)/.test(text))) return undefined;
  try {
    return new FastReader(text, offset).document();
  } catch {
    // Declined, or a shape this reader does not expect: the full reader decides.
    return undefined;
  }
}

class FastReader {
  private readonly len: number;
  /** Where the last scalar, key or flow collection ended (its value end). */
  private cursor = 0;
  /** The next content line after a gap: the column and offset of its first character (-1 at the end). */
  private nextIndent = -1;
  private nextPos = 0;
  /** The end of the last value's tokens once the comment lines attached to it are counted. */
  private attachedEnd = 0;
  /** The deepest comment of the gap's trailing comment lines the parser has not attached (-1: none). */
  private pendingIndent = -1;
  /** The gap held a comment line. */
  private gapComments = false;
  /** The end of the last value's tokens, as its collection's end counts it. */
  private valueEnd = 0;
  /** The end of the tokens of the collection read last (its comment end, or its end). */
  private lastEnd2 = 0;
  private nodes = 0;

  constructor(
    private readonly t: string,
    private readonly base: number,
  ) {
    this.len = t.length;
  }

  document(): FastReadDocument {
    this.gap(0, -1, false);
    if (this.nextIndent !== 0) throw new Declined();
    const root = this.blockNode(0, this.nextPos, 1);
    // Content after the root's end (a root map followed by `- x`, or by a less indented line).
    if (!this.atEnd()) throw new Declined();
    return { root, problems: NONE, expanded: false };
  }

  private atEnd(): boolean {
    return this.nextIndent === -1;
  }

  /** A block collection whose first item starts at `pos`, at column `col`. */
  private blockNode(col: number, pos: number, depth: number): YNode {
    return this.isDash(pos) ? this.seq(col, pos, depth) : this.map(col, pos, depth);
  }

  private map(col: number, pos: number, depth: number): YMap {
    if (depth > MAX_DEPTH) throw new Declined();
    const start = pos;
    const pairs: YPair[] = [];
    let duplicates = false;
    for (;;) {
      const key = this.key(pos);
      for (const p of pairs) if (pairKey(p) === key.source) duplicates = true;
      const p = this.skipSpaces(this.cursor);
      let value: YNode;
      if (this.endsLine(p)) {
        this.gap(this.lineAfter(p), col, false);
        if (this.nextIndent > col) value = this.valueBelow(col, depth + 1);
        else if (this.nextIndent === col && this.isDash(this.nextPos)) {
          value = this.seq(col, this.nextPos, depth + 1);
          this.valueEnd = this.lastEnd2;
        } else value = this.emptyValue(p);
      } else value = this.lineValue(p, col, depth + 1);
      pairs.push(pairNode(key, value));
      if (this.nextIndent === col) {
        // A sequence at the map's column after a value is an error.
        if (this.isDash(this.nextPos)) throw new Declined();
        pos = this.nextPos;
        this.pendingIndent = -1;
        continue;
      }
      if (this.nextIndent > col) throw new Declined();
      break;
    }
    const end = this.close(col);
    // Arrays grown by push keep spare room: the copy holds exactly its items.
    if (!duplicates) return mapNode(false, pairs.slice(), this.base + start, this.base + end);
    return this.withEffectivePairs(pairs, false, start, end);
  }

  private seq(col: number, pos: number, depth: number): YSeq {
    if (depth > MAX_DEPTH) throw new Declined();
    const start = pos;
    const items: YNode[] = [];
    // Comment lines before this item's `-` (the parser gives them to the item).
    let commentsBefore = false;
    for (;;) {
      const q = this.skipSpaces(pos + 1);
      let item: YNode;
      if (this.endsLine(q)) {
        this.gap(this.lineAfter(q), col, false);
        if (this.nextIndent > col) item = this.valueBelow(col, depth + 1);
        else if (commentsBefore) throw new Declined();
        else item = this.emptyValue(q);
      } else if (this.isDash(q) || this.isKeyAt(q)) {
        item = this.blockNode(this.columnOf(q), q, depth + 1);
        this.valueEnd = this.lastEnd2;
      } else item = this.lineValue(q, col, depth + 1);
      items.push(item);
      if (this.nextIndent === col && this.isDash(this.nextPos)) {
        pos = this.nextPos;
        commentsBefore = this.pendingIndent >= 0;
        this.pendingIndent = -1;
        continue;
      }
      if (this.nextIndent > col) throw new Declined();
      break;
    }
    const end = this.close(col);
    return seqNode(false, items.slice(), this.base + start, this.base + end);
  }

  /** Nothing but blanks, maybe a comment, before the line end: the value is on the lines below. */
  private endsLine(i: number): boolean {
    const c = this.t.charCodeAt(i);
    return isEnd(c) || c === HASH;
  }

  /** The value written on the lines below its key or `-` (at `nextPos`, deeper than `col`). */
  private valueBelow(col: number, depth: number): YNode {
    const at = this.nextPos;
    if (this.isDash(at) || this.isKeyAt(at)) {
      const node = this.blockNode(this.nextIndent, at, depth);
      this.valueEnd = this.lastEnd2;
      return node;
    }
    return this.lineValue(at, col, depth, true);
  }

  /** A scalar or flow collection at `at` in a collection at `col`, and the rest of its line. */
  private lineValue(at: number, col: number, depth: number, below = false): YNode {
    const c = this.t.charCodeAt(at);
    if ((c === 124 /* | */ || c === 62) /* > */ && !below) {
      const node = this.blockScalar(at, col);
      this.gap(this.cursor, col, false);
      this.valueEnd = this.cursor;
      return node;
    }
    const node = this.inlineValue(at, col, depth);
    this.gap(this.lineRest(this.cursor), col, true);
    this.valueEnd = this.attachedEnd;
    return node;
  }

  /**
   * A block scalar (`|`, `|-`, `>`, `>-`) whose header stands at `h`, in a collection at `col`:
   * its lines are those below, indented as its first line (deeper than `col`), up to the last one
   * with text; `cursor` is left at the start of the line after it. Indentation indicators, `+`,
   * leading blank lines, blank lines holding blanks and lines more indented in a folded scalar
   * are left to the full reader.
   */
  private blockScalar(h: number, col: number): YScalar {
    const t = this.t;
    const literal = t.charCodeAt(h) === 124;
    let i = h + 1;
    const strip = t.charCodeAt(i) === DASH;
    if (strip) i++;
    const afterHeader = this.lineRest(i);
    const first = this.skipSpaces(afterHeader);
    const indent = first - afterHeader;
    if (indent <= col || isEnd(t.charCodeAt(first))) throw new Declined();
    let value = '';
    let sep = '';
    // The value up to the last line with text: empty lines after it are not the scalar's.
    let committed = '';
    let end = afterHeader;
    let ls = afterHeader;
    while (ls < this.len) {
      const k = this.skipSpaces(ls);
      const c = t.charCodeAt(k);
      if (c === NL || c === CR) {
        // An empty line inside (or after) the scalar; one holding blanks is left to the full reader.
        if (k !== ls) throw new Declined();
        if (literal || sep === '\n') value += '\n';
        else sep = '\n';
        ls = this.lineAfter(k);
        continue;
      }
      if (Number.isNaN(c)) {
        if (k !== ls) throw new Declined();
        break;
      }
      if (k - ls < indent) break;
      if (!literal && k - ls > indent) throw new Declined();
      const lineEnd = this.lineBreakAt(k);
      const text = t.slice(ls + indent, lineEnd);
      if (literal) {
        value += sep + text;
        sep = '\n';
      } else {
        value += sep + text;
        sep = ' ';
      }
      committed = value;
      end = this.lineAfter(lineEnd);
      ls = end;
    }
    value = strip ? committed : committed + '\n';
    this.cursor = end;
    return this.scalar(value, value, 'block', h, end);
  }

  /** The offset of the line break (or the text's end) of the line holding `i`. */
  private lineBreakAt(i: number): number {
    const nl = this.t.indexOf('\n', i);
    if (nl < 0) return this.len;
    return this.t.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
  }

  /**
   * An empty value (`key:` or `-` with nothing below) at `at`, after its indicator and blanks. The
   * parser keeps the comments of its line and of the lines below with it (and, for an item, the
   * comment lines before its `-`), and its end then moves: left to the full reader.
   */
  private emptyValue(at: number): YScalar {
    if (this.t.charCodeAt(at) === HASH || this.gapComments) throw new Declined();
    this.valueEnd = at;
    this.pendingIndent = -1;
    return this.scalar(null, '', 'plain', at, at);
  }

  /**
   * A block collection at `col` ends; its end is its last value's (returned). The parser leaves
   * the trailing comment lines in it when one of them stands at its column or deeper (not at
   * column 0): they then end its tokens (`lastEnd2`), which its parent counts.
   */
  private close(col: number): number {
    const end = this.valueEnd;
    this.lastEnd2 = end;
    if (col !== 0 && this.pendingIndent >= col) {
      this.lastEnd2 = this.nextPos;
      this.pendingIndent = -1;
    }
    return end;
  }

  private withEffectivePairs(written: readonly YPair[], flow: boolean, start: number, end: number): YMap {
    const collected = new EffectivePairs();
    for (const p of written) collected.set(p, false);
    const { pairs, overridden } = collected.result();
    return mapNode(flow, pairs, this.base + start, this.base + end, overridden);
  }

  /**
   * The blank and comment lines from `from` (a line start) to the next content line, as the
   * parser hands them out after a value in a collection at column `col`: a comment more indented
   * than the collection, with only blank lines before it, joins the value's tokens
   * (`attachedEnd`, when the value takes them: `attachable`); the other lines wait for the next
   * item or for the collection that keeps them when it ends (`pendingIndent`).
   */
  private gap(from: number, col: number, attachable: boolean): void {
    const t = this.t;
    const len = this.len;
    let attached = from;
    let pendingComment = -1;
    let comments = false;
    let ls = from;
    for (;;) {
      if (ls >= len) {
        this.nextIndent = -1;
        this.nextPos = len;
        break;
      }
      let i = ls;
      while (t.charCodeAt(i) === SPACE) i++;
      const c = t.charCodeAt(i);
      if (c === NL || c === CR) {
        ls = this.lineAfter(i);
        continue;
      }
      if (Number.isNaN(c)) {
        this.nextIndent = -1;
        this.nextPos = len;
        break;
      }
      const k = i - ls;
      if (c === HASH) {
        comments = true;
        const nl = t.indexOf('\n', i);
        const after = nl < 0 ? len : nl + 1;
        if (attachable && k > col && pendingComment < 0) {
          attached = after;
        } else {
          pendingComment = Math.max(pendingComment, k);
        }
        ls = after;
        continue;
      }
      if (k === 0 && (t.startsWith('---', i) || t.startsWith('...', i))) {
        const d = t.charCodeAt(i + 3);
        if (d === SPACE || isEnd(d)) throw new Declined();
      }
      this.nextIndent = k;
      this.nextPos = i;
      break;
    }
    this.attachedEnd = attached;
    this.pendingIndent = pendingComment;
    this.gapComments = comments;
  }

  /** After a value on its line: blanks, maybe a comment, the line end. The next line's start. */
  private lineRest(from: number): number {
    const t = this.t;
    const i = this.skipSpaces(from);
    const c = t.charCodeAt(i);
    if (c === HASH) {
      if (i === from) throw new Declined();
      return this.lineAfter(i);
    }
    if (c === NL) return i + 1;
    if (c === CR) return i + 2;
    if (Number.isNaN(c)) return this.len;
    throw new Declined();
  }

  /** The start of the line after the one holding `i`. */
  private lineAfter(i: number): number {
    const nl = this.t.indexOf('\n', i);
    return nl < 0 ? this.len : nl + 1;
  }

  private skipSpaces(i: number): number {
    const t = this.t;
    while (t.charCodeAt(i) === SPACE) i++;
    return i;
  }

  private columnOf(i: number): number {
    return i - (this.t.lastIndexOf('\n', i - 1) + 1);
  }

  /** `-` followed by a blank or the line end: a block sequence item. */
  private isDash(i: number): boolean {
    if (this.t.charCodeAt(i) !== DASH) return false;
    const d = this.t.charCodeAt(i + 1);
    return d === SPACE || isEnd(d);
  }

  /** The line at `i` holds a key (`key:`, `"key":`) before its end or comment. */
  private isKeyAt(i: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === 39 /* ' */ || c === 34 /* " */) {
      const close = this.quoteEnd(i);
      return close >= 0 && t.charCodeAt(this.skipSpaces(close)) === COLON;
    }
    // A flow collection as a key is declined where it is read as a value.
    if (c === 91 || c === 123) return false;
    return this.plainKeyColon(i) >= 0;
  }

  /** The `:` ending a plain key that starts at `i`, or -1 when the line holds no such key. */
  private plainKeyColon(i: number): number {
    const t = this.t;
    for (let j = i; ; j++) {
      const c = t.charCodeAt(j);
      if (isEnd(c)) return -1;
      if (c === HASH && t.charCodeAt(j - 1) === SPACE) return -1;
      if (c === COLON) {
        const d = t.charCodeAt(j + 1);
        if (d === SPACE || isEnd(d)) return j;
      }
    }
  }

  /** The position after the closing quote of the quoted scalar at `i` on its line, or -1. */
  private quoteEnd(i: number): number {
    const t = this.t;
    const q = t.charCodeAt(i);
    for (let j = i + 1; ; j++) {
      const c = t.charCodeAt(j);
      if (isEnd(c)) return -1;
      if (q === 34 && c === 92 /* \ */) j++;
      else if (c === q) {
        if (q === 39 && t.charCodeAt(j + 1) === 39) j++;
        else return j + 1;
      }
    }
  }

  /** A block mapping key at `i`; `cursor` is left after its `:`. */
  private key(i: number): YScalar {
    const t = this.t;
    const c = t.charCodeAt(i);
    let key: YScalar;
    let colon: number;
    if (c === 39 || c === 34) {
      key = this.quoted(i);
      colon = this.skipSpaces(this.cursor);
      if (t.charCodeAt(colon) !== COLON) throw new Declined();
      const d = t.charCodeAt(colon + 1);
      if (!(d === SPACE || isEnd(d))) throw new Declined();
    } else {
      if (!plainStart(t, i, false)) throw new Declined();
      colon = this.plainKeyColon(i);
      if (colon < 0) throw new Declined();
      let end = colon;
      while (t.charCodeAt(end - 1) === SPACE) end--;
      const source = commonWord(t.slice(i, end));
      if (source === '<<') throw new Declined();
      key = this.scalar(plainValue(source), source, 'plain', i, end);
    }
    if (colon - i > MAX_KEY_LENGTH) throw new Declined();
    this.cursor = colon + 1;
    return key;
  }

  /**
   * A scalar or a flow collection at `i`, in a collection at column `col`. A plain scalar goes on
   * over the following lines indented deeper than `col` (folded: one space per line break).
   */
  private inlineValue(i: number, col: number, depth: number): YNode {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === 91 /* [ */ || c === 123 /* { */) return this.flow(i, depth);
    if (c === 39 || c === 34) return this.quoted(i);
    if (!plainStart(t, i, false)) throw new Declined();
    let end = this.plainLineEnd(i);
    let folded: string | undefined;
    // Continuation lines: deeper than the collection, not a comment, right below (a blank line
    // between would fold to a line break: left to the full reader, as the gap then declines).
    for (;;) {
      const r = this.skipSpaces(end);
      const d = t.charCodeAt(r);
      if (d !== NL && d !== CR) break;
      const next = this.lineAfter(r);
      const k = this.skipSpaces(next);
      if (k - next <= col || this.endsLine(k)) break;
      if (!plainStart(t, k, false)) throw new Declined();
      const lineEnd = this.plainLineEnd(k);
      folded = (folded ?? t.slice(i, end)) + ' ' + t.slice(k, lineEnd);
      end = lineEnd;
    }
    const source = folded ?? commonWord(t.slice(i, end));
    this.cursor = end;
    return this.scalar(plainValue(source), source, 'plain', i, end);
  }

  /**
   * Where the plain scalar text from `i` ends on its line (trailing blanks excluded): at the line
   * end or a comment. `key: value` inside it is an error the full reader reports.
   */
  private plainLineEnd(i: number): number {
    const t = this.t;
    let j = i;
    for (;;) {
      const d = t.charCodeAt(j);
      if (isEnd(d)) break;
      if (d === HASH && t.charCodeAt(j - 1) === SPACE) break;
      if (d === COLON) {
        const e = t.charCodeAt(j + 1);
        if (e === SPACE || isEnd(e)) throw new Declined();
      }
      j++;
    }
    while (t.charCodeAt(j - 1) === SPACE) j--;
    return j;
  }

  /** A quoted scalar closed on its line; `cursor` is left after the closing quote. */
  private quoted(i: number): YScalar {
    const t = this.t;
    const end = this.quoteEnd(i);
    if (end < 0) throw new Declined();
    const inner = commonWord(t.slice(i + 1, end - 1));
    this.cursor = end;
    if (t.charCodeAt(i) === 39) {
      const value = inner.includes("''") ? inner.replace(/''/g, "'") : inner;
      return this.scalar(value, value, 'single', i, end);
    }
    const value = doubleQuotedValue(inner);
    if (value === undefined) throw new Declined();
    return this.scalar(value, value, 'double', i, end);
  }

  /** A flow collection closed on its line; `cursor` is left after its closing bracket. */
  private flow(i: number, depth: number): YNode {
    if (depth > MAX_DEPTH) throw new Declined();
    const t = this.t;
    const start = i;
    const isMap = t.charCodeAt(i) === 123;
    const close = isMap ? 125 : 93;
    let j = this.skipSpaces(i + 1);
    const items: YNode[] = [];
    const pairs: YPair[] = [];
    let duplicates = false;
    if (t.charCodeAt(j) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowScalar(j, true);
          for (const p of pairs) if (pairKey(p) === key.source) duplicates = true;
          j = this.skipSpaces(this.cursor);
          if (t.charCodeAt(j) !== COLON || t.charCodeAt(j + 1) !== SPACE) throw new Declined();
          j = this.skipSpaces(j + 1);
          pairs.push(pairNode(key, this.flowItem(j, depth + 1)));
        } else items.push(this.flowItem(j, depth + 1));
        j = this.skipSpaces(this.cursor);
        const c = t.charCodeAt(j);
        if (c === close) break;
        if (c !== 44 /* , */) throw new Declined();
        j = this.skipSpaces(j + 1);
        // A trailing comma, or a line break inside the collection.
        if (t.charCodeAt(j) === close) throw new Declined();
      }
    }
    this.cursor = j + 1;
    if (!isMap) return seqNode(true, items.slice(), this.base + start, this.base + j + 1);
    if (duplicates) return this.withEffectivePairs(pairs, true, start, j + 1);
    return mapNode(true, pairs.slice(), this.base + start, this.base + j + 1);
  }

  private flowItem(i: number, depth: number): YNode {
    const c = this.t.charCodeAt(i);
    if (c === 91 || c === 123) return this.flow(i, depth);
    return this.flowScalar(i, false);
  }

  /** A scalar inside a flow collection; a plain one ends at `,`, a bracket, or (a key) at `:`. */
  private flowScalar(i: number, key: boolean): YScalar {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === 39 || c === 34) return this.quoted(i);
    if (!plainStart(t, i, true)) throw new Declined();
    let j = i;
    for (;;) {
      const d = t.charCodeAt(j);
      if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break;
      if (d === COLON) {
        if (key) break;
        throw new Declined();
      }
      if (isEnd(d) || d === HASH) throw new Declined();
      j++;
    }
    while (t.charCodeAt(j - 1) === SPACE) j--;
    if (j === i) throw new Declined();
    const source = commonWord(t.slice(i, j));
    this.cursor = j;
    return this.scalar(plainValue(source), source, 'plain', i, j);
  }

  private scalar(value: YScalar['value'], source: string, style: ScalarStyle, start: number, end: number): YScalar {
    if (++this.nodes > MAX_EXPANDED_NODES) throw new Declined();
    // Values are views into the document's text (or joins of them): trees keep copies of their own.
    const own = ownWord(source);
    return scalarNode(ownValue(value, source, own), own, style, this.base + start, this.base + end);
  }
}

/**
 * Whether a plain scalar may start at `i` without anything the fast reader leaves to the full one:
 * indicators (`- `, `? `, `: `), flow brackets, comments, anchors, aliases, tags, block scalars,
 * quotes, directives and reserved characters.
 */
function plainStart(t: string, i: number, inFlow: boolean): boolean {
  const c = t.charCodeAt(i);
  switch (c) {
    case 45: // -
    case 63: // ?
    case 58: {
      // :
      const d = t.charCodeAt(i + 1);
      return !(d === SPACE || isEnd(d) || (inFlow && (d === 44 || d === 91 || d === 93 || d === 123 || d === 125)));
    }
    case 91:
    case 93:
    case 123:
    case 125:
    case 44: // ,
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39:
    case 34:
    case 37: // %
    case 64: // @
    case 96: // `
    case SPACE:
    case NL:
    case CR:
      return false;
    default:
      return !Number.isNaN(c);
  }
}

/** A line end (LF, or the CR of a CRLF: a lone CR is declined up front) or the end of the text. */
function isEnd(c: number): boolean {
  return c === NL || c === CR || Number.isNaN(c);
}
