/**
 * Load manifests from disk into a ManifestSet: what the CLI, the tests and the server's initial
 * index share. Never throws for a bad file: it is skipped with a note.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { URI } from 'vscode-uri';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { buildFileModel, type FileModel } from '../model/fileModel';
import { isKustomizationFile, kustomizePatchPaths } from '../model/kustomize';
import { ManifestSet } from '../model/manifestSet';
import type { DiskTexts } from '../model/fileText';
import { StringPool } from '../model/ownString';
import { decodeUtf8, type DecodedText } from './decodeUtf8';
import { createFileFilter } from './fileFilter';
import { skippedFile, type SkippedFile } from './skippedFiles';

export type { SkippedFile } from './skippedFiles';

export interface LoadedFolder {
  readonly manifests: ManifestSet;
  readonly skipped: readonly SkippedFile[];
  readonly bytesRead: number;
}

export function fileUri(path: string): string {
  return URI.file(resolve(path)).toString();
}

export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

/** Every manifest file under `roots` (files or folders), honouring the settings' globs and size cap. */
export function findManifestFiles(roots: readonly string[], settings: NetpolLensSettings): { files: string[]; skipped: SkippedFile[] } {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const maxBytes = settings.maxFileSizeKb * 1024;
  for (const root of roots) {
    const absRoot = resolve(root);
    let rootStat: Stats;
    try {
      rootStat = statSync(absRoot);
    } catch {
      skipped.push(skippedFile(root, 'not-found'));
      continue;
    }
    if (rootStat.isFile()) {
      files.push(absRoot);
      continue;
    }
    const filter = createFileFilter(settings.include, settings.exclude);
    const stack = [absRoot];
    while (stack.length > 0) {
      const dir = stack.pop() as string;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        skipped.push(skippedFile(dir, 'unreadable', 'unreadable folder'));
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const abs = join(dir, e.name);
        const rel = relative(absRoot, abs).split(sep).join('/');
        if (e.isDirectory()) {
          if (!filter.skipsFolder(rel)) stack.push(abs);
        } else if (e.isFile() && filter.accepts(rel)) {
          let size = 0;
          try {
            size = statSync(abs).size;
          } catch {
            skipped.push(skippedFile(abs, 'unreadable'));
            continue;
          }
          if (size > maxBytes) skipped.push(skippedFile(abs, 'too-large', `larger than ${settings.maxFileSizeKb} KiB`));
          else files.push(abs);
        }
      }
    }
  }
  return { files: files.sort(), skipped };
}

/** The URIs of files that kustomizations among `models` name as patches. */
export function kustomizePatchUris(models: Iterable<{ uri: string; text: string }>): Set<string> {
  const out = new Set<string>();
  for (const m of models) {
    const path = uriToPath(m.uri);
    if (!isKustomizationFile(path)) continue;
    for (const p of kustomizePatchPaths(m.text)) out.add(fileUri(resolve(dirname(path), p)));
  }
  return out;
}

/**
 * With `disk`, models may let their texts go and read them there again (`model/fileText.ts`);
 * `onModel` is called with each model as soon as it is made.
 */
export function loadFolder(roots: readonly string[], settings: NetpolLensSettings, disk?: DiskTexts, onModel?: (model: FileModel) => void): LoadedFolder {
  const { files, skipped } = findManifestFiles(roots, settings);
  const models: FileModel[] = [];
  // The files share their equal strings (names, labels, namespaces): one copy each.
  const strings = new StringPool();
  let bytesRead = 0;
  for (const path of files) {
    let decoded: DecodedText;
    try {
      const buf = readFileSync(path);
      bytesRead += buf.length;
      decoded = decodeUtf8(buf);
    } catch {
      skipped.push(skippedFile(path, 'unreadable'));
      continue;
    }
    const model = buildFileModel(fileUri(path), decoded.text, 0, { maxBytes: settings.maxFileSizeKb * 1024, invalidUtf8At: decoded.invalidUtf8At, disk, strings });
    if (model.skipped) skipped.push(skippedFile(path, model.skipped));
    models.push(model);
    onModel?.(model);
  }
  return { manifests: new ManifestSet(models, 1, kustomizePatchUris(models)), skipped, bytesRead };
}
