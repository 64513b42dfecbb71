/**
 * Scalars as the `yaml` package reads them with its defaults (YAML 1.2, core schema, no custom
 * tags), for the fast reader (`fastReader.ts`): a plain scalar's value by the core schema's tests,
 * in the package's order (null, bool, octal, decimal, hex, .inf/.nan, exponent, float), and a
 * double-quoted scalar's escapes. What the package would report as an error (an unknown escape)
 * is `undefined` here, so the caller declines and the full parse reports it.
 */

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value (`source` as written, trimmed, on one line). */
export function plainValue(source: string): string | number | boolean | null {
  const c = source.charCodeAt(0);
  // Most scalars are words: only these first characters can start a null, bool or number.
  if (!(c === 126 /* ~ */ || c === 43 /* + */ || c === 45 /* - */ || c === 46 /* . */ || (c >= 48 && c <= 57) || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || Number.isNaN(c))) {
    return source;
  }
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return source;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

const HEX = /^[0-9a-fA-F]+$/;

/**
 * The value of a double-quoted scalar's content (between the quotes, on one line, no TAB), or
 * undefined when an escape is one the package reports as invalid.
 */
export function doubleQuotedValue(inner: string): string | undefined {
  let out = '';
  let from = 0;
  let i = inner.indexOf('\\');
  while (i >= 0) {
    out += inner.slice(from, i);
    const next = inner[i + 1];
    if (next === undefined) return undefined;
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      from = i + 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const code = inner.substr(i + 2, length);
      if (code.length !== length || !HEX.test(code)) return undefined;
      const point = parseInt(code, 16);
      if (point > 0x10ffff) return undefined;
      out += String.fromCodePoint(point);
      from = i + 2 + length;
    } else return undefined;
    i = inner.indexOf('\\', from);
  }
  return from === 0 ? inner : out + inner.slice(from);
}
