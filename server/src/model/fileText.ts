/**
 * The text of a file model. An editor's text is kept with its model. A text read from disk is
 * kept until what is made from it is made (the file-scope findings, the line index, the content
 * hash; see `releaseText`), then let go: the 34 MB of a 5,000-file workspace are read again from
 * disk only when something asks (a fix, a full tree for the file-scope rules, a kustomize view, a
 * hover of a file no editor has open). A text read again is checked against the length and hash
 * of the one the model was made from: a file changed or deleted behind the server's back is never
 * served for the old model. It is reported (`onStale`, so the file is read again and indexed) and
 * the read throws `StaleTextError`: the caller's result is dropped, as a rule's error is, and the
 * file's new model gives the answer.
 */
import type { PieceText, TextSource } from './pieceText';

/** The file's text on disk now (undefined: gone or unreadable). */
export type ReadDiskText = (uri: string) => string | undefined;

export interface DiskTexts {
  readonly read: ReadDiskText;
  /** A text read again differs from the model's (or is gone): the file should be indexed again. */
  readonly onStale?: (uri: string) => void;
}

export class StaleTextError extends Error {
  constructor(readonly uri: string) {
    super(`${uri} changed on disk since it was indexed`);
  }
}

interface Released {
  readonly length: number;
  /** Whether a text read again is the one the model was made from. */
  readonly matches: (text: string) => boolean;
  /** The text read again, for the rest of the task that read it (its readers often read it twice). */
  cache: string | undefined;
}

export class FileText {
  private kept: string | undefined;
  /** An editor's text in pieces: `kept` is made from it when the whole text is first asked for. */
  private readonly pieces: PieceText | undefined;
  private released: Released | undefined;

  /** With `disk`, the text may be released and read again from there. */
  constructor(
    text: string | PieceText,
    private readonly uri: string,
    private readonly disk?: DiskTexts,
  ) {
    if (typeof text === 'string') this.kept = text;
    else this.pieces = text;
  }

  /** The text in memory as it was given (pieces are not joined), or undefined when it was released. */
  get held(): TextSource | undefined {
    return this.pieces ?? this.kept ?? this.released?.cache;
  }

  get releasable(): boolean {
    return this.disk !== undefined;
  }

  /** The text in memory, or undefined when it was released (no disk read). */
  get inMemory(): string | undefined {
    return this.pieces ? this.text : (this.kept ?? this.released?.cache);
  }

  /** The text, read back if it was let go; undefined (nothing reported) when the disk no longer holds it. */
  readBack(): string | undefined {
    if (this.kept !== undefined || this.pieces) return this.text;
    const released = this.released as Released;
    if (released.cache !== undefined) return released.cache;
    const text = (this.disk as DiskTexts).read(this.uri);
    return text !== undefined && text.length === released.length && released.matches(text) ? this.hold(released, text) : undefined;
  }

  get text(): string {
    if (this.kept !== undefined) return this.kept;
    if (this.pieces) return (this.kept = this.pieces.toString());
    const released = this.released as Released;
    if (released.cache !== undefined) return released.cache;
    const text = (this.disk as DiskTexts).read(this.uri);
    if (text === undefined || text.length !== released.length || !released.matches(text)) {
      this.disk?.onStale?.(this.uri);
      throw new StaleTextError(this.uri);
    }
    return this.hold(released, text);
  }

  /** Held until the task that read it is done: a file changed on disk after it is caught by the next read, and no second copy of the workspace's texts builds up. */
  private hold(released: Released, text: string): string {
    released.cache = text;
    queueMicrotask(() => {
      released.cache = undefined;
    });
    return text;
  }

  /** Lets the text go (a text from disk only); `matches` tells a text read again for the same one. */
  release(matches: (text: string) => boolean): void {
    if (!this.disk || this.kept === undefined) return;
    this.released = { length: this.kept.length, matches, cache: undefined };
    this.kept = undefined;
  }
}
