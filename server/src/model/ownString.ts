/**
 * A string that holds its own characters. V8 makes a substring of 13 or more characters a view
 * into its parent, so a label value read from a file keeps the whole file's text alive as long as
 * the tree holding it lives; a text released once its file is read (`fileText.ts`) would stay in
 * memory through any such value. Trees and objects that outlive the reading keep strings made
 * here (a concatenation flattened into a new string, then cut: the result keeps only that copy).
 */
const SLICE_MIN = 13;

export function ownString(s: string): string {
  return s.length < SLICE_MIN ? s : (' ' + s).slice(1);
}

/** `value` made its own when it is a string; a value that is `source` stays `source`. */
export function ownValue<T>(value: T, source: string, ownSource: string): T | string {
  if (typeof value !== 'string') return value;
  return value === source ? ownSource : ownString(value);
}
