/**
 * The initial scan: find manifest files under the workspace folders and read them in batches,
 * handing each batch to the caller (which indexes it and lets pending requests run).
 */
import { readFileSync } from 'node:fs';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { fileUri, findManifestFiles, uriToPath } from './loadFolder';
import { skippedFile, type SkippedFile } from './skippedFiles';
import { decodeUtf8, type DecodedText } from './decodeUtf8';

/** A file read from disk: its text, and where its bytes stop being UTF-8. */
export interface DiskText extends DecodedText {
  readonly uri: string;
}

export interface ScanBatch {
  readonly entries: readonly DiskText[];
  readonly done: number;
  readonly total: number;
}

export async function scanFolders(
  folderUris: readonly string[],
  settings: NetpolLensSettings,
  onBatch: (batch: ScanBatch) => Promise<void> | void,
  onSkipped: (skipped: SkippedFile) => void,
  batchSize = 64,
): Promise<number> {
  const { files, skipped } = findManifestFiles(folderUris.map(uriToPath), settings);
  skipped.forEach(onSkipped);
  let done = 0;
  for (let i = 0; i < files.length; i += batchSize) {
    const paths = files.slice(i, i + batchSize);
    // Read synchronously, as the walk above stats every file: a batch of files is read in a few
    // milliseconds, four times less CPU than the promise API's open/stat/read/close round trips
    // (5,000 files: ~120 ms against ~480 ms), and the caller yields between batches.
    const texts = paths.map((p) => {
      try {
        return { uri: fileUri(p), ...decodeUtf8(readFileSync(p)) };
      } catch {
        onSkipped(skippedFile(p, 'unreadable'));
        return undefined;
      }
    });
    done += paths.length;
    await onBatch({ entries: texts.filter((t): t is DiskText => t !== undefined), done, total: files.length });
  }
  if (files.length === 0) await onBatch({ entries: [], done: 0, total: 0 });
  return files.length;
}
