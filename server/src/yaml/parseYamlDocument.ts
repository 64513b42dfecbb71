/**
 * The only module that imports the `yaml` package. It turns the text of one YAML document into
 * the server's own compact tree (`model/yamlTree.ts`) plus the problems the parser saw.
 * It never throws.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import type { ParseProblem, ScalarStyle, YNode, YPair, YScalar } from '../model/yamlTree';

export interface ParsedYamlDocument {
  /** The document's root, or undefined when it is empty. */
  readonly root: YNode | undefined;
  readonly problems: readonly ParseProblem[];
}

/**
 * Parse `text` (a single document) whose first character stands at `offset` in the file.
 * Ranges in the result are file offsets.
 */
export function parseYamlDocument(text: string, offset: number): ParsedYamlDocument {
  try {
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
    // The parser puts an error at the end of input one past the last character (an unclosed
    // quote): keep ranges inside the document, or they point past the end of the file.
    const clamp = (n: number): number => offset + Math.max(0, Math.min(n, text.length));
    const problems: ParseProblem[] = doc.errors.map((e) => ({
      message: firstLine(e.message),
      code: e.code,
      start: clamp(e.pos[0]),
      end: clamp(Math.max(e.pos[1], e.pos[0])),
    }));
    const root = convert(doc.contents, text, offset, 0);
    return { root, problems };
  } catch (err) {
    return {
      root: undefined,
      problems: [{ message: `YAML parser failed: ${String(err)}`, code: 'PARSER_FAILED', start: offset, end: offset }],
    };
  }
}

const MAX_DEPTH = 200;

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function styleOf(type: Scalar['type']): ScalarStyle {
  switch (type) {
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'QUOTE_SINGLE':
      return 'single';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL':
      return 'block';
    default:
      return 'plain';
  }
}

/**
 * Whether a quoted scalar as written (`raw`, from its opening quote) ends with its closing quote.
 * A half-typed `"abc` runs to the end of the document: its range then ends on content, not on a
 * quote, and an edit "between the quotes" would cut the wrong character or run backwards.
 */
function quoteClosed(raw: string, quote: string): boolean {
  for (let i = 1; i < raw.length; i++) {
    const c = raw[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && raw[i + 1] === "'") i++;
      else return raw.slice(i + 1).trim() === '';
    }
  }
  return false;
}

function convertScalar(node: Scalar, text: string, offset: number): YScalar {
  const range = node.range ?? [0, 0, 0];
  const raw: unknown = node.value;
  let value: YScalar['value'];
  if (raw === null || raw === undefined) value = null;
  else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') value = raw;
  else if (typeof raw === 'bigint') value = Number(raw);
  else value = JSON.stringify(raw) ?? '';
  const source = typeof node.source === 'string' ? node.source : value === null ? '' : String(value);
  // An unclosed quote: read as plain, so edits replace the scalar whole, opening quote included.
  const style = styleOf(node.type);
  const unclosed = (style === 'single' || style === 'double') && !quoteClosed(text.slice(range[0], range[1]), style === 'single' ? "'" : '"');
  return {
    type: 'scalar',
    value,
    source,
    style: unclosed ? 'plain' : style,
    start: offset + range[0],
    end: offset + range[1],
  };
}

function convert(node: unknown, text: string, offset: number, depth: number): YNode | undefined {
  if (node === null || node === undefined || depth > MAX_DEPTH) return undefined;
  if (isScalar(node)) return convertScalar(node, text, offset);
  if (isAlias(node)) {
    const range = node.range ?? [0, 0, 0];
    return { type: 'alias', name: node.source, start: offset + range[0], end: offset + range[1] };
  }
  if (isMap(node)) {
    const range = node.range ?? [0, 0, 0];
    const pairs: YPair[] = [];
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      // Recovery junk: a pair with no key text and no value (a half-typed `&a ` or `? ` line).
      // It holds nothing to check; kept, it read as a field named `` (unknown-field said so).
      if (item.value === null && !item.key.source && (item.key.value === null || item.key.value === '')) continue;
      pairs.push({ key: convertScalar(item.key, text, offset), value: convert(item.value, text, offset, depth + 1) });
    }
    return { type: 'map', flow: node.flow === true, pairs, start: offset + range[0], end: offset + range[1] };
  }
  if (isSeq(node)) {
    const range = node.range ?? [0, 0, 0];
    const items: YNode[] = [];
    for (const item of node.items) {
      const converted = convert(item, text, offset, depth + 1);
      if (converted) items.push(converted);
    }
    return { type: 'seq', flow: node.flow === true, items, start: offset + range[0], end: offset + range[1] };
  }
  return undefined;
}
