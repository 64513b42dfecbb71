/**
 * Cluster views' cost (part of `npm run bench`): the generated workspace read as loose files (one
 * view), then as a kustomize base used by three overlays (three views sharing every file), in this
 * process through the findings service as the server and the CLI use it. Prints the time to every
 * file's findings, the time of a re-check after editing one base file, and the heap used — figures,
 * never asserted. The workspace is the bench's monorepo (monorepo.ts). Options: --files N (default 300).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { buildFileModel } from '../../server/src/model/fileModel';
import type { ManifestSet } from '../../server/src/model/manifestSet';
import { FindingsService } from '../../server/src/service/findingsService';
import { fileUri, loadFolder } from '../../server/src/workspace/loadFolder';
import { generateMonorepo } from './monorepo';
import { yamlFiles } from './yamlFiles';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

interface Figures {
  readonly views: number;
  readonly initialMs: number;
  readonly editMs: number;
  readonly heapMb: number;
  readonly findings: number;
}

function measure(root: string, edit: { readonly workloadFile: string; readonly label: string }): Figures {
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const { manifests } = loadFolder([root], DEFAULT_SETTINGS);
  const service = new FindingsService();
  const all = (m: ManifestSet): number => {
    let n = 0;
    for (const f of m.files()) n += service.findings(f.uri, m, DEFAULT_SETTINGS).length;
    return n;
  };
  const findings = all(manifests);
  const initialMs = performance.now() - t0;
  const views = service.views(manifests, DEFAULT_SETTINGS).views.length;
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;

  // Edit one base file (a label of its workload), then every file's findings again.
  const uri = fileUri(edit.workloadFile);
  const before = readFileSync(edit.workloadFile, 'utf8');
  const text = before.replace(`app: ${edit.label}\n`, `app: ${edit.label}-edited\n`);
  const times: number[] = [];
  let current = manifests;
  for (let i = 0; i < 10; i++) {
    const t1 = performance.now();
    current = current.with(buildFileModel(uri, i % 2 === 0 ? text : before, i + 2, { previous: current.getFile(uri) }));
    all(current);
    times.push(performance.now() - t1);
  }
  const editMs = times.sort((a, b) => a - b)[5] ?? NaN;
  return { views, initialMs, editMs, heapMb, findings };
}

function main(): void {
  const files = arg('files', 300);
  const dir = mkdtempSync(join(tmpdir(), 'netpol-views-bench-'));
  try {
    const base = join(dir, 'base');
    const ws = generateMonorepo(base, { files, documents: files * 5, singleFile: false });
    measure(base, ws.labelEdit); // warm-up: the first run pays for compiling the code
    const loose = measure(base, ws.labelEdit);

    const yamls = yamlFiles(base).map((f) => relative(base, f));
    writeFileSync(join(base, 'kustomization.yaml'), `resources:\n${yamls.map((n) => `- ${n}`).join('\n')}\n`);
    for (const env of ['dev', 'staging', 'prod']) {
      mkdirSync(join(dir, 'overlays', env), { recursive: true });
      writeFileSync(join(dir, 'overlays', env, 'kustomization.yaml'), `resources:\n- ../../base\nnamePrefix: ${env}-\nlabels:\n- pairs: {env: ${env}}\n  includeTemplates: true\n`);
    }
    const overlays = measure(dir, ws.labelEdit);

    console.log(`cluster views: ${ws.files} files, ${ws.documents} documents, ${(ws.bytes / 1024 / 1024).toFixed(1)} MB`);
    for (const [name, f] of [
      ['loose files (1 view)', loose],
      ['one base, three overlays', overlays],
    ] as const) {
      console.log(`  ${name}: ${f.views} view(s), all findings ${fmt(f.initialMs)} (${f.findings} findings), after a base edit ${fmt(f.editMs)} (median of 10), heap +${f.heapMb.toFixed(0)} MB`);
    }
    console.log(
      `  three overlays ÷ loose: all findings ×${(overlays.initialMs / loose.initialMs).toFixed(2)}, edit ×${(overlays.editMs / loose.editMs).toFixed(2)}, heap ×${(overlays.heapMb / loose.heapMb).toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
