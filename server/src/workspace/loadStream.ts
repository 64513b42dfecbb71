/**
 * Manifests read from a stream (the CLI's `-`, standard input): a file model per `# Source:` path
 * and one for `<stdin>`, under `stdin:` URIs that no file on disk shares.
 */
import { URI } from 'vscode-uri';
import { buildFileModel, type FileModel } from '../model/fileModel';
import { skippedFile, type SkippedFile } from './skippedFiles';
import { splitStream, type StreamFile } from './streamSources';

export interface LoadedStream {
  readonly models: readonly FileModel[];
  /** Files of the stream that were not read (binary content, templates). */
  readonly skipped: readonly SkippedFile[];
  /** The stream's files by URI: their names and where their lines were in the stream. */
  readonly files: ReadonlyMap<string, StreamFile>;
}

export function streamUri(name: string): string {
  return URI.from({ scheme: 'stdin', path: `/${encodeURIComponent(name)}` }).toString();
}

export function loadStream(text: string): LoadedStream {
  const models: FileModel[] = [];
  const skipped: SkippedFile[] = [];
  const files = new Map<string, StreamFile>();
  for (const file of splitStream(text)) {
    const uri = streamUri(file.name);
    const model = buildFileModel(uri, file.text, 0, { rendered: file.rendered });
    if (model.skipped) skipped.push(skippedFile(file.name, model.skipped));
    models.push(model);
    files.set(uri, file);
  }
  return { models, skipped, files };
}
