/** `netpol-lens check [paths…]`: the editor's rules over folders, for CI. */
import type { Severity } from '../../../shared/src/ruleCatalogue';
import { normalizeSettings, type NetpolLensSettings } from '../../../shared/src/settings';
import { SKIP_LABELS, type SkipCode } from '../workspace/skippedFiles';
import { checkInputs, checkRun, type CheckReport, type CliFinding } from './checkReport';
import { UsageError, type CliIo } from './io';
import { loadInputs } from './loadInputs';
import { parseArgs } from './parseArgs';
import { readConfigOption } from './configOption';
import { toSarif } from './sarif';

export const CHECK_HELP = `Usage: netpol-lens check [options] [paths…]

Runs every rule over the YAML/JSON manifests under the paths (default: .). "-" reads a stream of
manifests from standard input: helm template … | netpol-lens check -, kustomize build … |
netpol-lens check -. Findings land on the file and line of each document's "# Source:" comment
(as helm writes them), else on the line of <stdin>. Files nothing is checked in (templates,
files that are not Kubernetes, binary or too large) are listed as skipped, with the reason.

Options:
  --format text|json|sarif   output format (default text; sarif is SARIF 2.1.0)
  --target-version X.Y       Kubernetes version the manifests target (default 1.34)
  --default-namespace NAME   namespace of objects without one (default "default")
  --config FILE              settings: a JSON file of the netpolLens.* settings without the prefix,
                             or a VS Code settings.json (e.g. .vscode/settings.json) as it is
  --rule ID=SEVERITY         set a rule's severity (error|warning|information|hint|off); repeatable
  --whole-cluster            the paths hold the whole cluster (strict selector rules)
  --fail-on error|warning|information|hint|never
                             lowest severity that makes the exit code 1 (default error)
Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage error.
`;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function settingsFrom(values: Map<string, string[]>, flags: Set<string>, cwd: string): NetpolLensSettings {
  const raw = readConfigOption(values, cwd);
  const target = values.get('target-version')?.[0];
  if (target !== undefined) {
    if (!/^\d+\.\d+$/.test(target)) throw new UsageError(`--target-version must look like 1.29, not "${target}"`);
    raw.targetKubernetesVersion = target;
  }
  const ns = values.get('default-namespace')?.[0];
  if (ns !== undefined) raw.defaultNamespace = ns;
  if (flags.has('whole-cluster')) raw.workspaceIsWholeCluster = true;
  const rules: Record<string, unknown> = { ...((raw.rules as Record<string, unknown> | undefined) ?? {}) };
  for (const r of values.get('rule') ?? []) {
    const m = /^([a-z0-9-]+)=(error|warning|information|hint|off|default)$/.exec(r);
    if (!m) throw new UsageError(`--rule expects ID=SEVERITY, got "${r}"`);
    rules[m[1] as string] = m[2];
  }
  raw.rules = rules;
  return normalizeSettings(raw);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 skipped (1 Helm template, 1 not Kubernetes)", or "" when none was. */
function skippedSummary(report: CheckReport): string {
  if (report.skipped.length === 0) return '';
  const byCode = new Map<SkipCode, number>();
  for (const s of report.skipped) byCode.set(s.code, (byCode.get(s.code) ?? 0) + 1);
  const parts = (Object.keys(SKIP_LABELS) as SkipCode[]).flatMap((code) => {
    const n = byCode.get(code);
    return n === undefined ? [] : [plural(n, ...SKIP_LABELS[code])];
  });
  return `, ${report.skipped.length} skipped (${parts.join(', ')})`;
}

function formatText(report: CheckReport): string {
  const { findings } = report;
  const lines = findings.map((f) => `${f.relativePath}:${f.line}:${f.column}: ${f.severity} ${f.ruleId}: ${f.message}`);
  for (const s of report.skipped) lines.push(`${s.relativePath}: skipped: ${s.reason}`);
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  lines.push(
    `${plural(report.checked, 'file', 'files')} checked${skippedSummary(report)}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`,
  );
  return lines.join('\n') + '\n';
}

export async function checkCommand(args: readonly string[], io: CliIo, version: string): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, [
    { name: 'format', takesValue: true, choices: ['text', 'json', 'sarif'] },
    { name: 'target-version', takesValue: true },
    { name: 'default-namespace', takesValue: true },
    { name: 'config', takesValue: true },
    { name: 'rule', takesValue: true, repeatable: true },
    { name: 'whole-cluster', takesValue: false },
    { name: 'fail-on', takesValue: true, choices: ['error', 'warning', 'information', 'hint', 'never'] },
    { name: 'help', takesValue: false },
  ]);
  if (flags.has('help')) {
    await io.out(CHECK_HELP);
    return 0;
  }
  const settings = settingsFrom(values, flags, io.cwd);
  // Each file's file-scope rules run as it is read: its full trees and text go at once.
  const run = checkRun();
  const inputs = await loadInputs(positionals, io, settings, (file) => run.service.prepareFile(file, settings));
  const report = checkInputs(inputs, settings, io.cwd, run);
  for (const r of report.ruleFailures) io.err(`netpol-lens: internal error in rule ${r}\n`);
  const partial = report.partialViews;
  if (partial.length > 0) {
    // Said once: which views, and the first reason of the first; `netpol-lens views` lists them all.
    const first = partial[0] as { name: string; reasons: readonly string[] };
    const which = partial.length === 1 ? first.name : `${partial.length} views (${first.name}${partial.length > 1 ? ', …' : ''})`;
    io.err(`netpol-lens: ${which} may hold objects this folder does not show (${first.reasons[0] ?? ''}${first.reasons.length > 1 || partial.length > 1 ? '; …' : ''}): rules that report something absent (selectors matching nothing, unresolved named ports, unisolated workloads) stand down there; "netpol-lens views" lists why\n`);
  }
  const format = values.get('format')?.[0] ?? 'text';
  // The text report lists skipped files itself; with JSON or SARIF on stdout, people read stderr.
  if (format !== 'text') for (const s of inputs.skipped) io.err(`netpol-lens: skipped ${s.relativePath}: ${s.reason}\n`);
  if (format === 'json') {
    const json = { version, files: report.checked, skippedFiles: report.skipped.length, skipped: report.skipped, partialViews: report.partialViews, findings: report.findings.map(withoutFixes) };
    await io.out(JSON.stringify(json, null, 2) + '\n');
  } else if (format === 'sarif') await io.out(JSON.stringify(toSarif(report, version), null, 2) + '\n');
  else await io.out(formatText(report));

  const failOn = values.get('fail-on')?.[0] ?? 'error';
  if (failOn === 'never') return 0;
  const threshold = ORDER[failOn as Severity];
  return report.findings.some((f) => ORDER[f.severity] <= threshold) ? 1 : 0;
}

/** The JSON report keeps its shape: fixes are carried by SARIF, where code-scanning tools show them. */
function withoutFixes(finding: CliFinding): Omit<CliFinding, 'fixes'> {
  const { fixes: _fixes, ...rest } = finding;
  return rest;
}
