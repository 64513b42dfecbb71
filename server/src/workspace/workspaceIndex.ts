/**
 * The workspace index: every manifest file's model, from disk or (overriding it) from an open
 * editor, as an immutable ManifestSet that is replaced on each change. Knows nothing of LSP:
 * callers feed it texts and URIs.
 */
import { buildFileModel, exceedsBytes, hasText, type FileModel } from '../model/fileModel';
import type { PieceText } from '../model/pieceText';
import type { DiskTexts } from '../model/fileText';
import { isKustomizationFile } from '../model/kustomize';
import type { StringPool } from '../model/ownString';
import { ManifestSet } from '../model/manifestSet';
import { kustomizePatchUris, uriToPath } from './loadFolder';

/** Changed files remembered for `changedSince` (a reader further behind re-reads everything). */
const MAX_LOG = 20_000;

export class WorkspaceIndex {
  private readonly disk = new Map<string, FileModel>();
  private readonly open = new Map<string, FileModel>();
  private current: ManifestSet = new ManifestSet([], 0);
  /** Disk files were added in bulk since `current` was made: it is made again when next read. */
  private stale = false;
  private partial: ReadonlySet<string> = new Set();
  private diskChanges = 0;
  /** Uris whose model changed, oldest first; `dropped` earlier entries were forgotten. */
  private changeLog: string[] = [];
  private dropped = 0;

  /** `maxBytesFor`: the size cap of a file (its folder's `maxFileSizeKb`), for open and disk files alike. */
  /**
   * `diskTexts`: where texts of files no editor has open are read again once their models let them go
   * (`fileText.ts`); without it, every model keeps its text.
   */
  constructor(
    private readonly maxBytesFor: (uri: string) => number = () => Number.POSITIVE_INFINITY,
    private readonly diskTexts?: DiskTexts,
  ) {}

  get manifests(): ManifestSet {
    if (this.stale) this.rebuild();
    return this.current;
  }

  /** A position in the log of changed files, for `changedSince`. */
  get changePosition(): number {
    return this.dropped + this.changeLog.length;
  }

  /** Files whose model changed (or that came or went) after `position`; 'all' when that is too far back. */
  changedSince(position: number): ReadonlySet<string> | 'all' {
    if (position < this.dropped) return 'all';
    return new Set(this.changeLog.slice(position - this.dropped));
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /** Increases whenever a file on disk is read, changed or removed (open editors do not count). */
  get diskVersion(): number {
    return this.diskChanges;
  }

  /** The models of the files as they are on disk, whether open in an editor or not. */
  diskFiles(): IterableIterator<FileModel> {
    return this.disk.values();
  }

  /** The model the analysis uses for `uri` (the editor's when open). */
  get(uri: string): FileModel | undefined {
    return this.open.get(uri) ?? this.disk.get(uri);
  }

  /** Text of a file on disk changed (or was found by the initial scan). */
  setDiskText(uri: string, text: string, invalidUtf8At?: number): FileModel {
    const previous = this.disk.get(uri);
    const model = buildFileModel(uri, text, (previous?.version ?? 0) + 1, { previous, maxBytes: this.maxBytesFor(uri), invalidUtf8At, disk: this.diskTexts });
    this.disk.set(uri, model);
    this.diskChanges++;
    if (!this.open.has(uri)) this.publish(model, uri);
    return model;
  }

  /**
   * Many disk files at once (the initial scan): one new ManifestSet instead of one per file.
   * `strings`: the pool the scan's files share their strings through (`model/ownString.ts`).
   */
  setDiskTexts(entries: Iterable<{ uri: string; text: string; invalidUtf8At?: number | undefined }>, strings?: StringPool): FileModel[] {
    const models: FileModel[] = [];
    for (const { uri, text, invalidUtf8At } of entries) {
      const model = buildFileModel(uri, text, 0, { maxBytes: this.maxBytesFor(uri), invalidUtf8At, disk: this.diskTexts, strings });
      this.disk.set(uri, model);
      if (!this.open.has(uri)) this.logChange(uri);
      models.push(model);
    }
    this.diskChanges++;
    // The initial scan hands over a batch at a time: the set of every file is made once when
    // read, not once per batch (each making copied every model so far).
    this.stale = true;
    return models;
  }

  removeDiskFile(uri: string): void {
    if (!this.disk.delete(uri)) return;
    this.diskChanges++;
    if (!this.open.has(uri)) {
      this.logChange(uri);
      this.refreshPartial(uri);
      this.current = this.manifests.without(uri, this.partial);
    }
  }

  /** `text`: the editor's, a string or in pieces (`PieceText`: read around the change it records). */
  openDocument(uri: string, text: string | PieceText, version: number): FileModel {
    return this.changeDocument(uri, text, version);
  }

  changeDocument(uri: string, text: string | PieceText, version: number): FileModel {
    const previous = this.open.get(uri) ?? this.disk.get(uri);
    // (Open first: a disk model's text is read back from disk, and may have changed there.)
    if (previous && this.open.has(uri) && hasText(previous, text)) return previous;
    const model = buildFileModel(uri, text, version, { previous, maxBytes: this.maxBytesFor(uri) });
    this.open.set(uri, model);
    this.publish(model, uri);
    return model;
  }

  /** The size caps changed (settings): open files that cross the new cap are read or skipped again. */
  recheckSizes(): FileModel[] {
    const changed: FileModel[] = [];
    for (const [uri, model] of this.open) {
      const over = exceedsBytes(model.text, this.maxBytesFor(uri));
      if (over === (model.skipped === 'too-large')) continue;
      const rebuilt = buildFileModel(uri, model.text, model.version, { maxBytes: this.maxBytesFor(uri) });
      this.open.set(uri, rebuilt);
      this.publish(rebuilt, uri);
      changed.push(rebuilt);
    }
    return changed;
  }

  /** The editor closed `uri`: the disk model (if any) applies again. */
  closeDocument(uri: string): void {
    if (!this.open.delete(uri)) return;
    const onDisk = this.disk.get(uri);
    this.logChange(uri);
    this.refreshPartial(uri);
    const current = this.manifests;
    this.current = onDisk ? current.with(onDisk, this.partial) : current.without(uri, this.partial);
  }

  private logChange(uri: string): void {
    this.changeLog.push(uri);
    if (this.changeLog.length > MAX_LOG) {
      const cut = this.changeLog.length - MAX_LOG / 2;
      this.changeLog = this.changeLog.slice(cut);
      this.dropped += cut;
    }
  }

  private publish(model: FileModel, uri: string): void {
    this.logChange(uri);
    this.refreshPartial(uri);
    this.current = this.manifests.with(model, this.partial);
  }

  private refreshPartial(uri: string): void {
    if (isKustomizationFile(uriToPath(uri))) this.partial = this.computePartial();
  }

  private computePartial(): ReadonlySet<string> {
    const all = new Map(this.disk);
    for (const [uri, m] of this.open) all.set(uri, m);
    return kustomizePatchUris(all.values());
  }

  private rebuild(): void {
    const all = new Map(this.disk);
    for (const [uri, m] of this.open) all.set(uri, m);
    this.partial = this.computePartial();
    this.current = new ManifestSet(all.values(), this.current.version + 1, this.partial);
    this.stale = false;
  }
}
