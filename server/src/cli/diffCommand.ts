/**
 * `netpol-lens diff`: what a change opens and closes. Between two folders (`--dir1 A --dir2 B`,
 * as netpol-analyzer's `diff`), or between a git revision and the working tree (`--base <ref>`,
 * default HEAD, read with git: nothing checked out or written).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { normalizeSettings } from '../../../shared/src/settings';
import type { ManifestSet } from '../model/manifestSet';
import { uriPath } from '../views/pathIndex';
import { fileUri, loadFolder, uriToPath } from '../workspace/loadFolder';
import type { SkippedFile } from '../workspace/skippedFiles';
import { readConfigOption } from './configOption';
import { closesSomething, opensSomething, type DiffEntry } from '../features/diff/connectivityDiff';
import { diffJson } from './diff/diffJson';
import { diffMarkdown } from './diff/diffMarkdown';
import { DIFF_HEADER, diffLine, workloadsDiffInfo, type DiffLabels } from './diff/diffText';
import { diffInputs, type DiffResult } from '../features/diff/diffViews';
import { GitError, gitTopLevel, readRevision, readWorkingTree, resolveRevision } from './diff/gitRevision';
import { UsageError, type CliIo } from './io';
import { parseArgs } from './parseArgs';
import { FOCUS_HELP, FOCUS_OPTION_SPECS, readFocusOptions, unknownFocusNames } from './focusOptions';
import { focusDiff } from './diff/diffFocus';
import { diffGraph } from '../features/graph/diffGraph';
import { graphDot } from '../features/graph/graphDot';
import { graphSvg } from '../features/graph/graphSvg';

export const DIFF_HELP = `Usage: netpol-lens diff --dir1 A --dir2 B [options]
       netpol-lens diff [--base REF] [options] [paths…]

Lists every pair of workloads (or workload and address range) whose allowed connections differ
between two versions of the manifests, in netpol-analyzer's diff format:

  diff-type: changed|added|removed, source: <peer>, destination: <peer>, <ref1>: <conns>, <ref2>: <conns>[, workloads-diff-info: …]

"added": no connection before, some now; "removed": the reverse; "changed": some in both, not the
same. workloads-diff-info names the workloads that exist on one side only. Nothing is printed when
nothing changed. Folders deployed in several ways (kustomize overlays, alternative bundles: see
"netpol-lens views") are compared view by view, each under a "# <view>" line.

  --dir1 A --dir2 B       compare folder B with folder A (labels dir1, dir2)
  --base REF              compare the working tree under the paths (default .) with git revision
                          REF (default HEAD when no --dir1/--dir2 is given); the old files are read
                          with git ls-tree/cat-file: nothing is checked out or written. The
                          working tree is what git lists there (tracked files and untracked ones
                          that are not ignored). Labels: REF, working-tree.

Options:
  --format txt|json|md|csv|dot|svg
                            output format (default txt). md: one table per namespace, ready for a
                            pull-request comment, with the policy and rule behind each change and
                            where it is written; json adds the same reasons and IPv6 ranges;
                            dot and svg: the changes as a graph (workloads grouped by namespace,
                            added connections green, removed red and dashed, changed amber, with
                            a legend)
  --fail-on never|added|removed|any
                            exit 1 when a change opens a connection (added: a new pair, or new
                            ports on one), closes one (removed), or either (any); default never
${FOCUS_HELP}  --config FILE             settings file (as for check)
  --default-namespace NAME  namespace of objects without one (default "default")
Exit codes: 0 compared (no change matching --fail-on), 1 a change matches --fail-on, 2 usage error
(unknown option, missing folder, not a git work tree, unknown revision).
`;

type FailOn = 'never' | 'added' | 'removed' | 'any';

interface Sides {
  readonly side1: { manifests: ManifestSet; base: string };
  readonly side2: { manifests: ManifestSet; base: string };
  readonly labels: DiffLabels;
  readonly title: string;
  readonly skipped: readonly SkippedFile[];
}

export async function diffCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, [
    { name: 'dir1', takesValue: true },
    { name: 'dir2', takesValue: true },
    { name: 'base', takesValue: true },
    { name: 'format', takesValue: true, choices: ['txt', 'text', 'json', 'md', 'csv', 'dot', 'svg'] },
    ...FOCUS_OPTION_SPECS,
    { name: 'fail-on', takesValue: true, choices: ['never', 'added', 'removed', 'any'] },
    { name: 'config', takesValue: true },
    { name: 'default-namespace', takesValue: true },
    { name: 'help', takesValue: false },
  ]);
  if (flags.has('help')) {
    await io.out(DIFF_HELP);
    return 0;
  }
  const raw = readConfigOption(values, io.cwd);
  const ns = values.get('default-namespace')?.[0];
  if (ns !== undefined) raw.defaultNamespace = ns;
  const settings = normalizeSettings(raw);
  const format = values.get('format')?.[0] ?? 'txt';
  const failOn = (values.get('fail-on')?.[0] ?? 'never') as FailOn;

  const sides = readSides(values, positionals, io, settings);
  for (const s of sides.skipped) io.err(`netpol-lens: skipped ${relativeName(s.path, io.cwd)}: ${s.reason}\n`);
  const families = format === 'json' ? (['ipv4', 'ipv6'] as const) : (['ipv4'] as const);
  const focus = readFocusOptions(values);
  const whole = diffInputs(sides.side1, sides.side2, settings, families);
  const unknown = unknownFocusNames(
    whole.views.flatMap((v) => [v.analysis1, v.analysis2].flatMap((a) => (a ? [a.network] : []))),
    focus,
  );
  if (unknown.length > 0) throw new UsageError(`no workload named ${unknown.map((n) => `"${n}"`).join(', ')} on either side (focus names are name or namespace/name)`);
  const result: DiffResult = { ...whole, views: whole.views.map((v) => ({ ...v, entries: focusDiff(v.entries, focus) })) };
  const fileName = (uri: string): string => relativeName(uriToPath(uri), io.cwd);

  if (format === 'json') await io.out(diffJson(result, sides.labels, fileName));
  else if (format === 'md') await io.out(diffMarkdown(result, { labels: sides.labels, fileName, title: sides.title }));
  else if (format === 'csv') await io.out(diffCsv(result, sides.labels));
  else if (format === 'dot' || format === 'svg') {
    const graphs = result.views.map((v) => diffGraph(v.entries, sides.labels, result.multiView ? viewLine(v).slice(2) : `${sides.labels.ref2} against ${sides.labels.ref1}`));
    await io.out(format === 'dot' ? graphs.map(graphDot).join('') : graphSvg(graphs, { standalone: true }));
  }
  else await io.out(diffTextOutput(result, sides.labels));

  const all = result.views.flatMap((v) => v.entries);
  const failing = all.filter((e) => matchesFailOn(e, failOn));
  if (failing.length > 0) {
    io.err(`netpol-lens: ${failing.length} change${failing.length === 1 ? '' : 's'} ${failOnVerb(failOn)} (--fail-on ${failOn})\n`);
    return 1;
  }
  return 0;
}

function readSides(values: Map<string, string[]>, positionals: readonly string[], io: CliIo, settings: NetpolLensSettings): Sides {
  const dir1 = values.get('dir1')?.[0];
  const dir2 = values.get('dir2')?.[0];
  const base = values.get('base')?.[0];
  if (dir1 !== undefined || dir2 !== undefined) {
    if (dir1 === undefined || dir2 === undefined) throw new UsageError('--dir1 and --dir2 go together');
    if (base !== undefined) throw new UsageError('--base compares with the working tree: use it without --dir1/--dir2');
    if (positionals.length > 0) throw new UsageError(`with --dir1/--dir2, no other path is read (got ${positionals.join(' ')})`);
    const load = (dir: string): { manifests: ManifestSet; base: string; skipped: readonly SkippedFile[] } => {
      const path = resolve(io.cwd, dir);
      if (!existsSync(path)) throw new UsageError(`no such file or folder: ${dir}`);
      const loaded = loadFolder([path], settings);
      return { manifests: loaded.manifests, base: uriPath(fileUri(path)), skipped: loaded.skipped };
    };
    const a = load(dir1);
    const b = load(dir2);
    return {
      side1: a,
      side2: b,
      labels: { ref1: 'dir1', ref2: 'dir2' },
      title: `Connectivity diff: \`${dir2}\` against \`${dir1}\``,
      skipped: [...a.skipped, ...b.skipped],
    };
  }
  const ref = base ?? 'HEAD';
  const roots = (positionals.length > 0 ? positionals : ['.']).map((p) => resolve(io.cwd, p));
  if (positionals.includes('-')) throw new UsageError('diff does not read standard input: name folders, or use --dir1/--dir2');
  try {
    const top = gitTopLevel(existingFolder(roots[0] as string));
    const commit = resolveRevision(top, ref);
    const old = readRevision(top, commit, roots, settings);
    const now = readWorkingTree(top, roots, settings);
    const baseFolder = uriPath(fileUri(roots.length === 1 ? (roots[0] as string) : top));
    return {
      side1: { manifests: old.manifests, base: baseFolder },
      side2: { manifests: now.manifests, base: baseFolder },
      labels: { ref1: ref, ref2: 'working-tree' },
      title: `Connectivity changes against \`${ref}\``,
      skipped: now.skipped,
    };
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`git: ${error.message}`);
    throw error;
  }
}

function matchesFailOn(e: DiffEntry, failOn: FailOn): boolean {
  switch (failOn) {
    case 'never':
      return false;
    case 'added':
      return opensSomething(e);
    case 'removed':
      return closesSomething(e);
    case 'any':
      return true;
  }
}

function failOnVerb(failOn: FailOn): string {
  return failOn === 'added' ? 'open connections' : failOn === 'removed' ? 'close connections' : 'change connections';
}

function viewLine(v: DiffResult['views'][number]): string {
  const kind = v.view.kind === 'kustomize' ? 'kustomize build' : v.view.kind === 'declared' ? 'declared view' : 'loose files';
  const partial = v.view.partial.length > 0 ? ` (partial: ${v.view.partial.join('; ')})` : '';
  return `# ${kind} ${v.view.name}${partial}`;
}

/** netpol-analyzer's text: nothing when nothing changed, else its header and one line per change. */
function diffTextOutput(result: DiffResult, labels: DiffLabels): string {
  const views = result.views.filter((v) => v.entries.length > 0);
  if (views.length === 0) return '';
  const out = [DIFF_HEADER];
  for (const v of views) {
    if (result.multiView) out.push(viewLine(v));
    out.push(...v.entries.map((e) => diffLine(e, labels)));
  }
  return `${out.join('\n')}\n`;
}

/** netpol-analyzer's csv: a header row, then one row per change (a "view" column when there are several views). */
function diffCsv(result: DiffResult, labels: DiffLabels): string {
  const cell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const header = ['diff-type', 'source', 'destination', labels.ref1, labels.ref2, 'workloads-diff-info', ...(result.multiView ? ['view'] : [])];
  const rows = result.views.flatMap((v) =>
    v.entries.map((e) => [e.type, e.src.text, e.dst.text, e.ref1.toString(), e.ref2.toString(), workloadsDiffInfo(e), ...(result.multiView ? [v.view.id] : [])]),
  );
  if (rows.length === 0) return '';
  return [header, ...rows].map((r) => `${r.map(cell).join(',')}\n`).join('');
}

/** The folder itself, or the nearest folder above it that exists (a path may be gone from the working tree). */
function existingFolder(path: string): string {
  let p = path;
  while (!(existsSync(p) && statSync(p).isDirectory()) && dirname(p) !== p) p = dirname(p);
  return p;
}

function relativeName(path: string, cwd: string): string {
  return relative(cwd, path).split('\\').join('/') || path;
}
