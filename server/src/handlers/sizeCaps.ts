/**
 * One size cap for every file, open in an editor or not: `netpolLens.maxFileSizeKb` of the file's
 * workspace folder. Settings arrive asynchronously, so the caps last read are kept here for the
 * index to ask synchronously (the default until a folder's settings are known). A file over the
 * cap is skipped; an open one is also announced to the user once (a window message), since its
 * missing diagnostics would otherwise look like a clean file.
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type NetpolLensSettings } from '../../../shared/src/settings';
import type { FileModel } from '../model/fileModel';
import { uriToPath } from '../workspace/loadFolder';
import type { Logger } from './runner';

export class SizeCaps {
  private readonly kib = new Map<string, number>();
  private readonly announced = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly log: Logger,
    /** The workspace folder a file belongs to (the key its settings are read under). */
    private readonly folderOf: (uri: string | undefined) => string | undefined,
  ) {}

  /** Remember a folder's cap; true when it differs from the one applied so far (the default at first). */
  learn(folder: string | undefined, settings: NetpolLensSettings): boolean {
    const key = folder ?? '';
    const before = this.kib.get(key) ?? DEFAULT_SETTINGS.maxFileSizeKb;
    this.kib.set(key, settings.maxFileSizeKb);
    return before !== settings.maxFileSizeKb;
  }

  capKiB(uri: string): number {
    return this.kib.get(this.folderOf(uri) ?? '') ?? DEFAULT_SETTINGS.maxFileSizeKb;
  }

  maxBytesFor(uri: string): number {
    return this.capKiB(uri) * 1024;
  }

  /** An open file was (re)built: say once that it is skipped, and again after it was read in between. */
  noteOpen(model: FileModel): void {
    if (model.skipped !== 'too-large') {
      this.announced.delete(model.uri);
      return;
    }
    if (this.announced.has(model.uri)) return;
    this.announced.add(model.uri);
    const name = uriToPath(model.uri).split(/[\\/]/).pop() ?? model.uri;
    const mib = (Buffer.byteLength(model.text, 'utf8') / (1024 * 1024)).toFixed(1);
    const text = `Netpol Lens skips ${name} (${mib} MiB): it is larger than netpolLens.maxFileSizeKb (${this.capKiB(model.uri)} KiB), so it is not checked.`;
    this.log.info(`skipped ${uriToPath(model.uri)}: larger than ${this.capKiB(model.uri)} KiB`);
    // A notification, not `window.showWarningMessage` (a request: a client that does not answer
    // it rejects the promise, and an unhandled rejection ends the server).
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  }

  forget(uri: string): void {
    this.announced.delete(uri);
  }
}
