/**
 * A cheap hash of a file model's text (FNV-1a, 32 bits), memoised per model. Diagnostics carry
 * it so a code action can tell whether their ranges still fit the current text — whether the
 * text came from disk or from an editor, whatever its version number. A file of documents is
 * hashed from its documents' hashes (kept with each document, so a keystroke in a big file hashes
 * the edited document and the text between documents, not the whole file).
 */
import { heldText, type DocumentModel, type FileModel } from './fileModel';
import type { TextSource } from './pieceText';

const memo = new WeakMap<FileModel, string>();

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over the UTF-16 units of `text`, continuing from `seed`. */
export function fnv1a(text: string, seed = FNV_OFFSET): number {
  let x = seed;
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x >>> 0;
}

export function contentHash(file: FileModel): string {
  let h = memo.get(file);
  if (h === undefined) {
    // (An editor's text is hashed from its pieces: the text between documents is read, never the whole.)
    h = foldHash(heldText(file), file.documents, (doc) => doc.textHash);
    memo.set(file, h);
  }
  return h;
}

/** `contentHash` of a model with these documents, were its text `text` (to check a text read again). */
export function textHash(text: string, documents: readonly DocumentModel[]): string {
  return foldHash(text, documents, (doc) => fnv1a(text.slice(doc.start, doc.end)));
}

function foldHash(t: TextSource, documents: readonly DocumentModel[], hashOf: (doc: DocumentModel) => number): string {
  let x = FNV_OFFSET;
  let at = 0;
  for (const doc of documents) {
    x = fnv1a(t.slice(at, doc.start), x);
    x = Math.imul(x ^ hashOf(doc), 0x01000193) >>> 0;
    at = doc.end;
  }
  x = fnv1a(t.slice(at), x);
  return `${x.toString(16)}:${t.length}`;
}
