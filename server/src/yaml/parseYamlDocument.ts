/**
 * The only module that imports the `yaml` package. It turns the text of one YAML document into
 * the server's own compact tree (`model/yamlTree.ts`) plus the problems the parser saw.
 * It never throws, and never hands the parser a document nested deep enough to bring it down.
 */
import { parseDocument, type Document } from 'yaml';
import { MAX_TREE_DEPTH, type ParseProblem, type YNode } from '../model/yamlTree';
import { buildTree, TOO_DEEP_MESSAGE } from './buildTree';
import { lenientText } from './lenientText';
import { excessiveNestingAt } from './nestingEstimate';

export interface ParsedYamlDocument {
  /** The document's root, or undefined when it is empty or could not be read. */
  readonly root: YNode | undefined;
  readonly problems: readonly ParseProblem[];
  /** The document uses aliases or merge keys: some nodes stand at more than one place. */
  readonly expanded: boolean;
}

/**
 * Nesting the parser is given at most, by the (never low) estimate of `excessiveNestingAt`: the
 * parser survives this comfortably, and the tree builder refuses anything past MAX_TREE_DEPTH.
 */
const PARSER_NESTING_LIMIT = 3 * MAX_TREE_DEPTH;

const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false } as const;

/**
 * Parse `text` (a single document) whose first character stands at `offset` in the file.
 * Ranges in the result are file offsets.
 */
export function parseYamlDocument(text: string, offset: number): ParsedYamlDocument {
  const deepAt = excessiveNestingAt(text, PARSER_NESTING_LIMIT);
  if (deepAt >= 0) return { root: undefined, problems: [tooDeep(text, offset, deepAt)], expanded: false };
  try {
    const { doc, read, toOriginal } = parseAsKubectl(text);
    // The parser puts an error at the end of input one past the last character (an unclosed
    // quote): keep ranges inside the document, or they point past the end of the file.
    const clamp = (n: number): number => offset + toOriginal(Math.max(0, Math.min(n, read.length)));
    const problems: ParseProblem[] = doc.errors.map((e) =>
      // The parser's own recursion limit is this tool's limit, not a mistake in the document.
      // Where the stack ran out depends on how deep the caller's stack already was, so the
      // problem goes on the document's first line: the same answer from every caller.
      /call stack/i.test(e.message)
        ? tooDeep(text, offset, 0)
        : { message: firstLine(e.message), code: e.code, kind: 'syntax', start: clamp(e.pos[0]), end: clamp(Math.max(e.pos[1], e.pos[0])) },
    );
    if (problems.some((p) => p.kind === 'limit')) return { root: undefined, problems: problems.filter((p) => p.kind === 'limit').slice(0, 1), expanded: false };
    const tree = buildTree(doc, read, offset, toOriginal);
    return { root: tree.root, problems: [...problems, ...tree.problems], expanded: tree.expanded };
  } catch (err) {
    if (err instanceof RangeError) return { root: undefined, problems: [tooDeep(text, offset, 0)], expanded: false };
    return {
      root: undefined,
      problems: [{ message: `YAML parser failed: ${String(err)}`, code: 'PARSER_FAILED', kind: 'syntax', start: offset, end: offset }],
      expanded: false,
    };
  }
}

/**
 * The document as kubectl reads it: where the `yaml` package rejects it, the text respelled where
 * kubectl is more lenient than the `yaml` package (`lenientText.ts`: shallow continuation lines of
 * quoted scalars and flow collections, comments with no space after `#`) is read instead — then only its own errors are reported (a missing comma, not "must be
 * sufficiently indented"), at their places in `text`.
 */
function parseAsKubectl(text: string): { doc: Document.Parsed; read: string; toOriginal: (n: number) => number } {
  const doc = parseDocument(text, OPTIONS);
  if (doc.errors.length > 0 && !doc.errors.some((e) => /call stack/i.test(e.message))) {
    const indented = lenientText(text);
    if (indented) {
      const relaxed = parseDocument(indented.text, OPTIONS);
      if (!relaxed.errors.some((e) => /call stack/i.test(e.message))) return { doc: relaxed, read: indented.text, toOriginal: (n) => indented.toOriginal(n) };
    }
  }
  return { doc, read: text, toOriginal: (n) => n };
}

/** The limit problem, on the rest of the line where the nesting went too deep. */
function tooDeep(text: string, offset: number, at: number): ParseProblem {
  const start = Math.max(0, Math.min(at, text.length));
  const lineEnd = text.indexOf('\n', start);
  const end = Math.max(start, Math.min(lineEnd < 0 ? text.length : lineEnd, start + 200));
  return { message: TOO_DEEP_MESSAGE, code: 'TOO_DEEP', kind: 'limit', start: offset + start, end: offset + end };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
