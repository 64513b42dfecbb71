/**
 * The floor (issue 15), run in a fresh process by the bench: the bare `yaml` parse,
 * `parseAllDocuments` over every file's text, with the trees held as an editor's model would hold
 * them. Reading the files is not timed. Prints one JSON line: parse time, heap the trees hold
 * (after a full GC, so run with --expose-gc) and the process's peak RSS.
 * Run: node --expose-gc --import tsx test/bench/floor.ts <dir>
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { peakRssMb } from './procStats';
import { yamlFiles } from './yamlFiles';

export interface FloorFigures {
  readonly ms: number;
  readonly heapMb: number;
  readonly peakRssMb: number;
  readonly documents: number;
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: floor.ts <dir>');
  const texts = yamlFiles(dir).map((f) => readFileSync(f, 'utf8'));
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const held = texts.map((t) => parseAllDocuments(t));
  const ms = performance.now() - t0;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;
  const documents = held.reduce((n, d) => n + (Array.isArray(d) ? d.length : 0), 0);
  const figures: FloorFigures = { ms, heapMb, peakRssMb: peakRssMb(process.pid), documents };
  console.log(JSON.stringify(figures));
}

if (require.main === module) main();
