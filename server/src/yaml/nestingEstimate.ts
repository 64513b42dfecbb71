/**
 * How deeply a document nests, estimated in one pass over its text before the `yaml` parser sees
 * it. The parser recurses once per level: a few hundred levels of `[` make it fail with
 * "Maximum call stack size exceeded", and a few thousand can abort the whole process (V8 runs out
 * of memory compiling a regular expression, which no `catch` sees). So a document whose estimate
 * is above the limit is never handed to the parser.
 *
 * The estimate is never below the real depth: flow brackets outside quoted scalars and comments
 * count one each; block structure counts two per indentation level (a list may stand at the same
 * indentation as the key that holds it) plus every compact `- ` or `? ` on a line. Block scalar
 * content (`|`, `>`) counts nothing.
 */

const SPACE = 32;
const TAB = 9;

/** Offset (in `text`) where the estimated depth first exceeds `limit`, or -1 when it never does. */
export function excessiveNestingAt(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarIndent = -1;
  let pos = 0;
  while (pos < text.length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = text.length;
    let i = pos;
    while (i < lineEnd && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    const indent = i - pos;
    const blank = i >= lineEnd || text[i] === '\r' || text[i] === '#';
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      pos = lineEnd + 1;
      continue;
    }
    blockScalarIndent = -1;
    if (quote === undefined && flow === 0 && !blank) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
    }
    let depth = indents.length * 2 + flow;
    // The last character before `i` on this line that is not a blank (' ' at the line start).
    let previous = ' ';
    for (; i < lineEnd; i++) {
      const c = text[i] as string;
      if (quote !== undefined) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else {
            quote = undefined;
            previous = c;
          }
        }
        continue;
      }
      const before = i === pos ? ' ' : (text[i - 1] as string);
      const blankBefore = before === ' ' || before === '\t';
      if (c === '#' && blankBefore) break;
      const nodeStart = startsNode(previous, blankBefore, flow > 0);
      if (c !== ' ' && c !== '\t') previous = c;
      if (!nodeStart) {
        if ((c === ']' || c === '}') && flow > 0) {
          flow--;
          depth--;
        }
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') {
        flow++;
        depth++;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        depth--;
      } else if ((c === '-' || c === '?') && flow === 0 && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        depth++;
        // `- - x`: the next `-` starts a node too.
        previous = ' ';
      }
      if (depth > limit) return i;
    }
    if (depth > limit) return pos + indent;
    // A block scalar header (`key: |`, `- >-`): the lines indented deeper are its text.
    if (quote === undefined && flow === 0 && /(^|[ \t:-])[|>][-+0-9]{0,2}[ \t\r]*$/.test(text.slice(pos, lineEnd).replace(/[ \t]#.*$/, ''))) {
      blockScalarIndent = indent;
    }
    pos = lineEnd + 1;
  }
  return -1;
}

/**
 * Whether a node may start here, as YAML reads it: first on the line, after `key: `, `- `, `? `
 * (block), or after `[`, `{`, `,`, `:` (flow). A quote or bracket inside a plain scalar (`don't`,
 * `a[b`) is text: a quote taken for an opening would hide the rest of the document from the count,
 * and a bracket taken for one would stop the count of block structure.
 */
function startsNode(previous: string, blankBefore: boolean, inFlow: boolean): boolean {
  if (previous === ' ') return true;
  if (inFlow) return previous === '[' || previous === '{' || previous === ',' || previous === ':' || previous === '?';
  return blankBefore && (previous === ':' || previous === '-' || previous === '?');
}
