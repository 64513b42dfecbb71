/**
 * A cheap hash of a file model's text (FNV-1a, 32 bits), memoised per model. Diagnostics carry
 * it so a code action can tell whether their ranges still fit the current text — whether the
 * text came from disk or from an editor, whatever its version number.
 */
import type { FileModel } from './fileModel';

const memo = new WeakMap<FileModel, string>();

export function contentHash(file: FileModel): string {
  let h = memo.get(file);
  if (h === undefined) {
    let x = 0x811c9dc5;
    const t = file.text;
    for (let i = 0; i < t.length; i++) {
      x ^= t.charCodeAt(i);
      x = Math.imul(x, 0x01000193);
    }
    h = `${(x >>> 0).toString(16)}:${t.length}`;
    memo.set(file, h);
  }
  return h;
}
