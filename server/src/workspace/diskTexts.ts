/**
 * Texts of files read again from disk, for models that let theirs go (`model/fileText.ts`): the
 * same decoding as the scan's, so an unchanged file gives the same text.
 */
import { readFileSync } from 'node:fs';
import type { DiskTexts } from '../model/fileText';
import { decodeUtf8 } from './decodeUtf8';
import { uriToPath } from './loadFolder';

export function diskTexts(onStale?: (uri: string) => void): DiskTexts {
  return {
    read: (uri) => {
      try {
        return decodeUtf8(readFileSync(uriToPath(uri))).text;
      } catch {
        return undefined;
      }
    },
    ...(onStale ? { onStale } : {}),
  };
}
