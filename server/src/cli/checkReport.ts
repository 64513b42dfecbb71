/** The findings of a folder, in the shape every CLI format prints (1-based lines and columns). */
import { relative } from 'node:path';
import type { Severity } from '../../../shared/src/ruleCatalogue';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { FindingsService } from '../service/findingsService';
import { loadFolder, uriToPath, type SkippedFile } from '../workspace/loadFolder';

export interface CliFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  /** Relative to the working directory, with forward slashes (SARIF artifact URIs, text output). */
  readonly relativePath: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly related: readonly { relativePath: string; line: number; column: number; message: string }[];
}

export interface CheckReport {
  readonly findings: readonly CliFinding[];
  readonly skipped: readonly SkippedFile[];
  readonly files: number;
  readonly ruleFailures: readonly string[];
  /** Views that may hold more than the folder shows: rules about what is absent stand down in them. */
  readonly partialViews: readonly { readonly name: string; readonly reasons: readonly string[] }[];
}

export function checkPaths(paths: readonly string[], settings: NetpolLensSettings, cwd: string): CheckReport {
  const { manifests, skipped } = loadFolder(paths, settings);
  const ruleFailures: string[] = [];
  const service = new FindingsService((rule, error, uri) => ruleFailures.push(`${rule.id} on ${uriToPath(uri)}: ${String(error)}`));
  const rel = (p: string): string => relative(cwd, p).split('\\').join('/') || p;
  const findings: CliFinding[] = [];
  const files = [...manifests.files()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
  for (const file of files) {
    const path = uriToPath(file.uri);
    for (const f of service.findings(file.uri, manifests, settings)) {
      const s = file.lineIndex.positionAt(f.start);
      const e = file.lineIndex.positionAt(f.end);
      findings.push({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        path,
        relativePath: rel(path),
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        related: (f.related ?? []).map((r) => {
          const other = manifests.getFile(r.uri);
          const p = other ? other.lineIndex.positionAt(r.start) : { line: 0, character: 0 };
          return { relativePath: rel(uriToPath(r.uri)), line: p.line + 1, column: p.character + 1, message: r.message };
        }),
      });
    }
  }
  const partialViews = service
    .views(manifests, settings)
    .views.filter((v) => v.partial.length > 0)
    .map((v) => ({ name: v.kind === 'kustomize' ? `kustomize build ${v.name}` : v.name, reasons: v.partial }));
  return { findings, skipped, files: manifests.size, ruleFailures, partialViews };
}
