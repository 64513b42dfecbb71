/** The findings of the inputs, in the shape every CLI format prints (1-based lines and columns). */
import type { Severity } from '../../../shared/src/ruleCatalogue';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { isKustomizationFile } from '../model/kustomize';
import { FindingsService } from '../service/findingsService';
import { uriToPath } from '../workspace/loadFolder';
import { uncheckedFile } from '../workspace/skippedFiles';
import { displayName, type CliInputs, type NamedSkip } from './loadInputs';

export interface CliFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** On disk: the absolute path; from a stream: the `# Source:` path or `<stdin>`. */
  readonly path: string;
  /** Relative to the working directory, with forward slashes (SARIF artifact URIs, text output). */
  readonly relativePath: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** For a finding in a `# Source:` file of a stream: the line in the stream itself. */
  readonly streamLine?: number;
  readonly related: readonly { relativePath: string; line: number; column: number; message: string }[];
  /** The quick fixes, as edits of the finding's file (1-based; end exclusive). Not for streams: their text is no file on disk. */
  readonly fixes?: readonly CliFix[];
}

export interface CliFix {
  readonly title: string;
  readonly preferred: boolean;
  readonly edits: readonly { readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number; readonly newText: string }[];
}

export type ReportedSkip = NamedSkip;

export interface CheckReport {
  readonly findings: readonly CliFinding[];
  /** Files nothing was checked in, by path: not read (templates, binary, too large) or not Kubernetes. */
  readonly skipped: readonly ReportedSkip[];
  /** Files something was checked in. */
  readonly checked: number;
  readonly ruleFailures: readonly string[];
  /** Views that may hold more than the folder shows: rules about what is absent stand down in them. */
  readonly partialViews: readonly { readonly name: string; readonly reasons: readonly string[] }[];
}

/** The findings service of a check, with the rule failures it meets (named once the inputs are known). */
export interface CheckRun {
  readonly service: FindingsService;
  readonly failures: readonly { readonly ruleId: string; readonly uri: string; readonly error: unknown }[];
}

export function checkRun(): CheckRun {
  const failures: { ruleId: string; uri: string; error: unknown }[] = [];
  return { service: new FindingsService((rule, error, uri) => failures.push({ ruleId: rule.id, uri, error })), failures };
}

/**
 * With `run`, the service the files were handed to as they were read (`FindingsService.prepareFile`:
 * their file-scope findings are made, their full trees and texts gone).
 */
export function checkInputs(inputs: CliInputs, settings: NetpolLensSettings, cwd: string, run: CheckRun = checkRun()): CheckReport {
  const { manifests } = inputs;
  const { service } = run;
  const rel = (uri: string): string => displayName(inputs, uri, cwd);
  const findings: CliFinding[] = [];
  const skipped: ReportedSkip[] = [...inputs.skipped];
  let checked = 0;
  const files = [...manifests.files()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
  // The file-scope rules first: they take each workload's full tree, which its model holds only
  // until then (\`model/leanTree.ts\`), so the cross-file analysis never shares the heap with them.
  for (const file of files) if (!file.skipped) service.findings(file.uri, manifests, settings, true);
  for (const file of files) {
    const stream = inputs.streamFiles.get(file.uri);
    const path = stream ? stream.name : uriToPath(file.uri);
    // Files not read are listed by whoever read them; here: those read with nothing to check.
    if (file.skipped) continue;
    const unchecked = uncheckedFile(file, path, !stream && isKustomizationFile(path));
    if (unchecked) {
      skipped.push({ ...unchecked, relativePath: rel(file.uri) });
      continue;
    }
    checked++;
    for (const f of service.findings(file.uri, manifests, settings)) {
      const s = file.lineIndex.positionAt(f.start);
      const e = file.lineIndex.positionAt(f.end);
      const streamLine = stream?.rendered ? stream.streamLines[s.line] : undefined;
      findings.push({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        path,
        relativePath: rel(file.uri),
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        ...(streamLine !== undefined && streamLine >= 0 ? { streamLine: streamLine + 1 } : {}),
        ...(!stream && (f.fixes ?? []).length > 0
          ? {
              fixes: (f.fixes ?? []).map((fix) => ({
                title: fix.title,
                preferred: fix.preferred === true,
                edits: fix.edits.map((edit) => {
                  const from = file.lineIndex.positionAt(edit.start);
                  const to = file.lineIndex.positionAt(edit.end);
                  return { line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1, newText: edit.newText };
                }),
              })),
            }
          : {}),
        related: (f.related ?? []).map((r) => {
          const other = manifests.getFile(r.uri);
          const p = other ? other.lineIndex.positionAt(r.start) : { line: 0, character: 0 };
          return { relativePath: rel(r.uri), line: p.line + 1, column: p.character + 1, message: r.message };
        }),
      });
    }
  }
  skipped.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  const partialViews = service
    .views(manifests, settings)
    .views.filter((v) => v.partial.length > 0)
    .map((v) => ({ name: v.kind === 'kustomize' ? `kustomize build ${v.name}` : v.name, reasons: v.partial }));
  const ruleFailures = run.failures.map((f) => `${f.ruleId} on ${displayName(inputs, f.uri, cwd)}: ${String(f.error)}`);
  return { findings, skipped, checked, ruleFailures, partialViews };
}
