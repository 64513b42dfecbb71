/**
 * A stream of manifests (`helm template … | netpol-lens check -`, `kustomize build … | …`) taken
 * apart into the files findings are reported on.
 *
 * `helm template` writes `---` and `# Source: chart/templates/x.yaml` before each document. The
 * documents of one source become one file named by that path, joined by `---` lines the way the
 * template separates them, and counted from the line after `# Source:`: for a template without
 * control flow above the finding, that is the line in the template itself. Documents without a
 * `# Source:` line (all of a `kustomize build`) stay in one file named `<stdin>`, on the lines
 * they have in the stream. Pure: no I/O, and the paths are names, never opened.
 */
import { LineIndex } from '../model/lineIndex';
import { splitDocuments } from '../model/splitDocuments';

export const STDIN_NAME = '<stdin>';

export interface StreamFile {
  /** The `# Source:` path as written, or `<stdin>`. */
  readonly name: string;
  /** True for a `# Source:` file: rendered output, whatever its path looks like. */
  readonly rendered: boolean;
  readonly text: string;
  /** For each line of `text`, the 0-based line of the stream it comes from (-1: an added `---`). */
  readonly streamLines: readonly number[];
}

const SOURCE = /^# Source: (\S.*?)[ \t]*$/;

/** The `# Source:` path among the comments that open a document, and where the line after it starts. */
function sourceOf(text: string): { name: string; bodyStart: number } | undefined {
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return undefined;
    const m = SOURCE.exec(line);
    if (m) return { name: m[1] as string, bodyStart: Math.min(end + 1, text.length) };
    pos = end + 1;
  }
  return undefined;
}

function lineBreaks(text: string): number {
  return new LineIndex(text).lineCount - 1;
}

export function splitStream(stream: string): StreamFile[] {
  const slices = splitDocuments(stream);
  const index = new LineIndex(stream);
  const bySource = new Map<string, { text: string; streamLines: number[] }>();
  // `<stdin>` keeps every line of the stream; documents given to a source leave their line breaks.
  let rest = '';
  let restEnd = 0;
  for (const slice of slices) {
    const source = sourceOf(slice.text);
    if (!source) continue;
    const raw = slice.text.slice(source.bodyStart);
    const body = raw.endsWith('\n') ? raw : `${raw}\n`;
    const file = bySource.get(source.name) ?? { text: '', streamLines: [] };
    if (file.text !== '') {
      file.text += '---\n';
      file.streamLines.push(-1);
    }
    const first = index.positionAt(slice.start + source.bodyStart).line;
    const lines = lineBreaks(body);
    for (let i = 0; i < lines; i++) file.streamLines.push(first + i);
    file.text += body;
    bySource.set(source.name, file);
    rest += stream.slice(restEnd, slice.start) + slice.text.replace(/[^\r\n]+/g, '');
    restEnd = slice.end;
  }
  rest += stream.slice(restEnd);
  const files: StreamFile[] = [];
  if (splitDocuments(rest).length > 0) {
    files.push({ name: STDIN_NAME, rendered: false, text: rest, streamLines: Array.from({ length: index.lineCount }, (_, i) => i) });
  }
  for (const [name, file] of bySource) {
    // The last line (after the last line break, possibly empty) maps on from the one before it.
    const last = file.streamLines[file.streamLines.length - 1] ?? -1;
    files.push({ name, rendered: true, text: file.text, streamLines: [...file.streamLines, last < 0 ? -1 : last + 1] });
  }
  return files;
}
