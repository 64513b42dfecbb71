/**
 * Strings that hold their own characters. V8 makes a substring of 13 or more characters a view
 * into its parent, so a label value read from a file keeps the whole file's text alive as long as
 * the tree holding it lives; a text released once its file is read (`fileText.ts`) would stay in
 * memory through any such value. Trees and objects that outlive the reading keep strings made
 * here.
 *
 * While a pool is in use (`withStringPool`: the initial scan of a workspace), equal strings are
 * one copy: the same names, labels and namespaces stand in thousands of files (a heap snapshot of
 * the large bench workspace held 356,000 small strings of 69,000 values). The pool lives as long
 * as its user keeps it; a keystroke reads without one (its strings are copied, not shared), so
 * nothing typed accumulates.
 */
const SLICE_MIN = 13;

/** Equal strings as one copy of their own. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  own(s: string): string {
    let copy = this.strings.get(s);
    if (copy === undefined) {
      copy = flatCopy(s);
      this.strings.set(copy, copy);
    }
    return copy;
  }
}

let pool: StringPool | undefined;

/** Runs `fn` with `strings` giving the strings `ownString` makes. */
export function withStringPool<T>(strings: StringPool | undefined, fn: () => T): T {
  const before = pool;
  pool = strings;
  try {
    return fn();
  } finally {
    pool = before;
  }
}

export function ownString(s: string): string {
  if (pool) return pool.own(s);
  // A concatenation flattened into a new string, then cut: the result keeps only that copy.
  return s.length < SLICE_MIN ? s : (' ' + s).slice(1);
}

/** `value` made its own when it is a string; a value that is `source` stays `source`. */
export function ownValue<T>(value: T, source: string, ownSource: string): T | string {
  if (typeof value !== 'string') return value;
  return value === source ? ownSource : ownString(value);
}

/** A string of exactly `s`'s characters, no view into another (once per value a pool holds). */
function flatCopy(s: string): string {
  return s.length < SLICE_MIN ? s : Buffer.from(s, 'utf8').toString('utf8');
}
