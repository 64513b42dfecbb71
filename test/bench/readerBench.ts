/**
 * The two YAML readers side by side (figures printed, not asserted): throughput (MB/s of document
 * text) and heap retained by the trees (MB per MB of YAML) of the full reader (`yaml`'s Document,
 * then our tree: `parseYamlDocument`) and the fast reader (`readFast`, falling back to the full
 * one), over the documents of a generated workspace — every document, and those the file model
 * parses in full (analysed kinds) — and the share the fast reader takes. Also what an edit near
 * the top of a big file costs its later documents: shifting their trees (`shiftTree`) or reading
 * them again with the fast reader.
 *
 * `node --expose-gc --import tsx test/bench/readerBench.ts [--size medium|large|huge] [--dir D]`
 * (default: the large workspace of `npm run bench`; `--dir` reads the YAML files of an existing
 * folder instead). The later-documents figure is the biggest file's (the huge size's bundle).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsesInFull } from '../../server/src/model/k8sObject';
import { shiftTree } from '../../server/src/model/shiftTree';
import { scanHeader, splitDocuments, type DocumentSlice } from '../../server/src/model/splitDocuments';
import { readFast } from '../../server/src/yaml/fastReader';
import { parseYamlDocument, type ParsedYamlDocument } from '../../server/src/yaml/parseYamlDocument';
import { generateMonorepo } from './monorepo';
import { SIZES, type SizeName } from './sizes';
import { yamlFiles } from './yamlFiles';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc');
  collect();
  collect();
}

type Reader = (text: string, offset: number) => ParsedYamlDocument;
const full: Reader = parseYamlDocument;
const fast: Reader = (text, offset) => readFast(text, offset) ?? parseYamlDocument(text, offset);

const MB = 1024 * 1024;

/** CPU seconds `f` takes (the machine is shared: wall time would count the neighbours' work). */
function cpuSeconds(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** Median MB/s (of CPU time) of `reader` over `docs`, three rounds after a warm-up. */
function throughput(reader: Reader, docs: readonly DocumentSlice[], bytes: number): number {
  const rounds: number[] = [];
  for (let round = 0; round < 4; round++) {
    const s = cpuSeconds(() => {
      for (const d of docs) reader(d.text, d.start);
    });
    if (round > 0) rounds.push(bytes / MB / s);
  }
  return rounds.sort((a, b) => a - b)[1] as number;
}

/** Heap the trees of `docs` hold once read (MB per MB of YAML; the texts are held either way). */
function retained(reader: Reader, docs: readonly DocumentSlice[], bytes: number): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = docs.map((d) => reader(d.text, d.start).root);
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== docs.length) throw new Error('unreachable');
  return (after - before) / bytes;
}

function report(label: string, docs: readonly DocumentSlice[]): void {
  const bytes = docs.reduce((n, d) => n + d.text.length, 0);
  const taken = docs.filter((d) => readFast(d.text, d.start) !== undefined);
  const takenBytes = taken.reduce((n, d) => n + d.text.length, 0);
  const fullRate = throughput(full, docs, bytes);
  const fastRate = throughput(fast, docs, bytes);
  console.log(`${label}: ${docs.length} documents, ${(bytes / MB).toFixed(1)} MB; the fast reader takes ${taken.length} (${((100 * taken.length) / Math.max(1, docs.length)).toFixed(1)} %, ${((100 * takenBytes) / Math.max(1, bytes)).toFixed(1)} % of the text)`);
  console.log(`  full reader ${fullRate.toFixed(1)} MB/s, fast reader (with fallback) ${fastRate.toFixed(1)} MB/s: ${(fastRate / fullRate).toFixed(1)}×`);
  console.log(`  heap held by the trees: full ${retained(full, docs, bytes).toFixed(2)} MB, fast ${retained(fast, docs, bytes).toFixed(2)} MB per MB of YAML`);
}

/** An edit at the top of the biggest file: its later documents shifted, or read again. */
function relocation(files: readonly string[]): void {
  let biggest = '';
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (text.length > biggest.length) biggest = text;
  }
  const docs = splitDocuments(biggest);
  const read = docs.map((d) => readFast(d.text, d.start) ?? parseYamlDocument(d.text, d.start));
  const time = (f: () => void): number => {
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) runs.push(1000 * cpuSeconds(f));
    return runs.sort((a, b) => a - b)[3] as number;
  };
  const shift = time(() => read.forEach((r) => r.root && shiftTree(r.root, 1, r.expanded)));
  const reread = time(() => docs.forEach((d) => readFast(d.text, d.start + 1) ?? parseYamlDocument(d.text, d.start + 1)));
  console.log(`an edit at the top of the biggest file (${docs.length} documents, ${(biggest.length / MB).toFixed(2)} MB): shifting the later trees ${shift.toFixed(1)} ms, reading them again ${reread.toFixed(1)} ms (CPU)`);
}

function main(): void {
  const given = arg('dir');
  const dir = given ?? mkdtempSync(join(tmpdir(), 'netpol-reader-bench-'));
  try {
    if (!given) {
      const size = (arg('size') ?? 'large') as SizeName;
      const spec = SIZES[size];
      if (!spec) throw new Error(`--size takes ${Object.keys(SIZES).join(', ')}`);
      const ws = generateMonorepo(dir, spec);
      console.log(`workspace ${size}: ${ws.files} files, ${ws.documents} documents, ${(ws.bytes / MB).toFixed(1)} MB`);
    }
    const files = yamlFiles(dir);
    const docs = files.flatMap((f) => splitDocuments(readFileSync(f, 'utf8')));
    const analysed = docs.filter((d) => {
      const h = scanHeader(d);
      return h.flowStyle || h.kind === undefined || parsesInFull(h.apiVersion?.value, h.kind.value, d.text);
    });
    report('every document', docs);
    report('documents parsed in full (analysed kinds)', analysed);
    relocation(files);
  } finally {
    if (!given) rmSync(dir, { recursive: true, force: true });
  }
}

main();
