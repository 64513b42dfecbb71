/**
 * Annotated YAML fixtures: a comment line of carets marks the expected diagnostic under the line
 * above it.
 *
 *     ports:
 *     - protocol: tcp
 *     #           ^^^ error protocol-invalid: Unsupported value
 *
 * Carets stand under the columns of the range's first line (to the end of that line for ranges
 * that go on). A `#` directly followed by carets counts as a caret itself, for ranges that start
 * at column 0. After the rule id, `: text` is optional and must be a substring of the message.
 * Annotation lines are removed before analysis; a file without annotations expects none.
 */

export interface ExpectedDiagnostic {
  readonly line: number;
  readonly startCharacter: number;
  readonly endCharacter: number;
  readonly severity: string;
  readonly ruleId: string;
  readonly messagePart: string | undefined;
  /** Line of the annotation in the fixture as written (for error messages). */
  readonly annotationLine: number;
}

export interface AnnotatedText {
  readonly text: string;
  readonly expected: readonly ExpectedDiagnostic[];
}

const ANNOTATION = /^(\s*)#(\s*)(\^+)\s+(error|warning|information|hint)\s+([a-z0-9-]+)(?::\s*(.*?))?\s*$/;

export function parseAnnotations(source: string): AnnotatedText {
  const lines = source.split('\n');
  const kept: string[] = [];
  const expected: ExpectedDiagnostic[] = [];
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line.replace(/\r$/, ''));
    if (!m) {
      kept.push(line);
      return;
    }
    const [, indent = '', gap = '', carets = '', severity = '', ruleId = '', messagePart] = m;
    const hashColumn = indent.length;
    let start = hashColumn + 1 + gap.length;
    let length = carets.length;
    if (gap.length === 0) {
      start = hashColumn;
      length += 1;
    }
    const target = kept.length - 1;
    if (target < 0) throw new Error(`annotation on line ${i + 1} has no line above it`);
    const targetLine = (kept[target] ?? '').replace(/\r$/, '');
    // Carets past the end of the line are allowed to mean "to the end of the line".
    const end = Math.min(start + length, Math.max(targetLine.length, start + length));
    expected.push({
      line: target,
      startCharacter: start,
      endCharacter: end,
      severity,
      ruleId,
      messagePart: messagePart && messagePart.length > 0 ? messagePart : undefined,
      annotationLine: i + 1,
    });
  });
  return { text: kept.join('\n'), expected };
}
