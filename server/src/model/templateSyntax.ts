/**
 * Where Go-template actions (`{{ … }}`) stand in a YAML text, without parsing it.
 *
 * Template syntax matters only where YAML structure stands: a line of its own (`{{- if … }}`,
 * `{{ include … | nindent 4 }}`), a key, or a whole value (`replicas: {{ .Values.n }}`,
 * `- {{ .x }}`, `{name: {{ .x }}}`). Inside a string it is just text: a rendered ConfigMap's
 * quoted value, a PrometheusRule's `description: "{{ $labels.pod }}"`, the content of a `|` block
 * scalar, a plain value such as `summary: Pod {{ $labels.pod }} is down`, or a GitHub workflow's
 * `${{ github.sha }}`. The scan follows those strings across lines (block scalars by indentation,
 * quoted scalars to their closing quote, plain scalars while the next lines are indented deeper)
 * so a `{{` line inside one is never mistaken for structure.
 *
 * A line-based approximation of YAML: good enough to tell templates from rendered files, never a
 * parser. Linear in the text's length.
 */

export interface TemplateSyntax {
  /** Offsets of actions on a line of their own: control flow that can shape several documents. */
  readonly lineActions: readonly number[];
  /** Offsets of actions standing for a key or a whole value: they shape one document. */
  readonly inlineActions: readonly number[];
}

type Mode =
  | { readonly kind: 'normal' }
  /** Content of a `|`/`>` block scalar: lines indented deeper than `indent`, and blank lines. */
  | { readonly kind: 'block'; readonly indent: number }
  /** A plain scalar that may go on over lines indented deeper than `indent`. */
  | { readonly kind: 'plain'; readonly indent: number }
  /** Inside a quoted scalar that did not close on its line. */
  | { readonly kind: 'quoted'; readonly quote: '"' | "'" }
  /** Inside a flow collection (`{…}`, `[…]`) that did not close on its line. */
  | { readonly kind: 'flow'; readonly depth: number; readonly quote: '"' | "'" | undefined };

const NORMAL: Mode = { kind: 'normal' };
const MARKER = /^(---|\.\.\.)(?=[ \t]|$)/;
const BLOCK_INDICATOR = /^[|>][0-9+-]*[ \t]*(#.*)?$/;
/** Node properties before a value: an anchor (`&a`) or a tag (`!!str`, `!foo`). */
const PROPERTIES = /^(?:[&!][^ \t]*[ \t]+)+/;

/** The offsets of template actions standing where YAML structure does. */
export function scanTemplateSyntax(text: string): TemplateSyntax {
  const lineActions: number[] = [];
  const inlineActions: number[] = [];
  if (!hasTemplateAction(text)) return { lineActions, inlineActions };
  let mode: Mode = NORMAL;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
    mode = scanLine(line, pos, mode, lineActions, inlineActions);
    if (end >= text.length) break;
    pos = end + 1;
  }
  return { lineActions, inlineActions };
}

/** Whether the text holds `{{` other than a GitHub Actions expression (`${{ … }}`). */
export function hasTemplateAction(text: string): boolean {
  for (let i = text.indexOf('{{'); i >= 0; i = text.indexOf('{{', i + 2)) {
    if (i === 0 || text[i - 1] !== '$') return true;
  }
  return false;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

function isBlank(line: string, from: number): boolean {
  return from >= line.length;
}

function scanLine(line: string, offset: number, mode: Mode, lineActions: number[], inlineActions: number[]): Mode {
  const marker = MARKER.exec(line);
  if (marker) {
    // A document marker ends every scalar and collection. `--- |` opens a root block scalar.
    const rest = line.slice(3).trim();
    return marker[1] === '---' && BLOCK_INDICATOR.test(rest) ? { kind: 'block', indent: -1 } : NORMAL;
  }
  const indent = indentOf(line);
  switch (mode.kind) {
    case 'block':
      if (isBlank(line, indent) || indent > mode.indent) return mode;
      break;
    case 'plain':
      if (isBlank(line, indent) || (indent > mode.indent && line[indent] !== '#')) return mode;
      break;
    case 'quoted': {
      const close = closingQuote(line, 0, mode.quote);
      return close < 0 ? mode : NORMAL;
    }
    case 'flow':
      return scanFlow(line, 0, offset, mode.depth, mode.quote, inlineActions);
    case 'normal':
      break;
  }
  if (isBlank(line, indent) || line[indent] === '#') return NORMAL;
  return scanNode(line, indent, offset, lineActions, inlineActions);
}

/** A line in block context: sequence dashes, then a key and its value, or a value alone. */
function scanNode(line: string, indent: number, offset: number, lineActions: number[], inlineActions: number[]): Mode {
  let at = indent;
  let dash = -1;
  while (line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' ' || line[at + 1] === '\t')) {
    dash = at;
    at = indentOf2(line, at + 1);
  }
  if (at >= line.length || line[at] === '#') return NORMAL;
  if (line.startsWith('{{', at)) {
    // Standing where a whole line of YAML would: control flow or a key. After a dash: an item.
    (dash < 0 ? lineActions : inlineActions).push(offset + at);
    return NORMAL;
  }
  const props = PROPERTIES.exec(line.slice(at));
  if (props) at += props[0].length;
  const owner = dash >= 0 ? dash : indent;
  const c = line[at];
  if (c === '"' || c === "'") {
    const close = closingQuote(line, at + 1, c);
    if (close < 0) return { kind: 'quoted', quote: c };
    const colon = keyColon(line, close + 1);
    if (colon < 0) return NORMAL;
    if (line.slice(at, close).includes('{{')) inlineActions.push(offset + at);
    return scanValue(line, colon + 1, at, offset, inlineActions);
  }
  if (c === '{' || c === '[') return scanFlow(line, at, offset, 0, undefined, inlineActions);
  if (c === '|' || c === '>') return BLOCK_INDICATOR.test(line.slice(at)) ? { kind: 'block', indent: owner } : NORMAL;
  const colon = keyColon(line, at);
  if (colon < 0) return { kind: 'plain', indent: owner };
  const keyText = line.slice(at, colon);
  const brace = keyText.indexOf('{{');
  if (brace >= 0) inlineActions.push(offset + at + brace);
  return scanValue(line, colon + 1, at, offset, inlineActions);
}

function indentOf2(line: string, from: number): number {
  let i = from;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

/** The value after a key's colon; `keyColumn` bounds the lines a block or plain scalar continues on. */
function scanValue(line: string, from: number, keyColumn: number, offset: number, inlineActions: number[]): Mode {
  let at = indentOf2(line, from);
  if (at >= line.length || line[at] === '#') return NORMAL;
  const props = PROPERTIES.exec(line.slice(at));
  if (props) at += props[0].length;
  if (at >= line.length) return NORMAL;
  if (line.startsWith('{{', at)) {
    inlineActions.push(offset + at);
    return NORMAL;
  }
  const c = line[at];
  if (c === '"' || c === "'") return closingQuote(line, at + 1, c) < 0 ? { kind: 'quoted', quote: c } : NORMAL;
  if (c === '{' || c === '[') return scanFlow(line, at, offset, 0, undefined, inlineActions);
  if (c === '|' || c === '>') return BLOCK_INDICATOR.test(line.slice(at)) ? { kind: 'block', indent: keyColumn } : NORMAL;
  return { kind: 'plain', indent: keyColumn };
}

/**
 * Index of the colon that ends a block key starting at or after `from` (followed by a blank or the
 * end of the line, before any comment), or -1 when the line holds no key.
 */
function keyColon(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (ch === '#' && i > 0 && (line[i - 1] === ' ' || line[i - 1] === '\t')) return -1;
    if (ch === ':' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) return i;
  }
  return -1;
}

/** Index of the quote closing a scalar whose content starts at `from`, or -1 when it goes on. */
function closingQuote(line: string, from: number, quote: '"' | "'"): number {
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === '\\') {
      i++;
      continue;
    }
    if (ch !== quote) continue;
    if (quote === "'" && line[i + 1] === "'") {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * A flow collection from `from` (or its continuation). In flow context `{{` cannot be YAML (a
 * mapping whose key is a mapping), so every one outside quotes is a template action.
 */
function scanFlow(
  line: string,
  from: number,
  offset: number,
  startDepth: number,
  startQuote: '"' | "'" | undefined,
  inlineActions: number[],
): Mode {
  let depth = startDepth;
  let quote = startQuote;
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (quote !== undefined) {
      const close = closingQuote(line, i, quote);
      if (close < 0) return { kind: 'flow', depth, quote };
      quote = undefined;
      i = close;
      continue;
    }
    // A quote opens a scalar only where one starts (`it's` is plain text).
    if ((ch === '"' || ch === "'") && (i === 0 || ' \t{[,:'.includes(line[i - 1] as string))) quote = ch;
    else if (ch === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
    else if (ch === '{' && line[i + 1] === '{') {
      inlineActions.push(offset + i);
      const close = line.indexOf('}}', i + 2);
      if (close < 0) break;
      i = close + 1;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth <= 0) return NORMAL;
    }
  }
  return depth > 0 || quote !== undefined ? { kind: 'flow', depth, quote } : NORMAL;
}
