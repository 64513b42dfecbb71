/** Findings (file offsets) → LSP diagnostics (positions), and the fix data they carry. */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, docsUrl, type Severity } from '../../../shared/src/ruleCatalogue';
import { contentHash } from '../model/contentHash';
import type { FileModel } from '../model/fileModel';
import type { LineIndex } from '../model/lineIndex';
import type { ManifestSet } from '../model/manifestSet';
import type { ResolvedFinding } from '../rules/runRules';
import type { TextEditData } from '../rules/types';

/** What a diagnostic carries so that code actions need nothing else. */
export interface DiagnosticData {
  readonly uri: string;
  /** Hash of the text the ranges refer to (see model/contentHash.ts). */
  readonly textHash: string;
  readonly fixes: readonly { title: string; preferred: boolean; safe: boolean; edits: TextEdit[] }[];
}

export function toRange(lineIndex: LineIndex, start: number, end: number): Range {
  return { start: lineIndex.positionAt(start), end: lineIndex.positionAt(end) };
}

export function toTextEdits(lineIndex: LineIndex, edits: readonly TextEditData[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(lineIndex, e.start, e.end), newText: e.newText }));
}

function toSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

export function toDiagnostic(finding: ResolvedFinding, file: FileModel, manifests: ManifestSet): Diagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of finding.related ?? []) {
    const other = r.uri === file.uri ? file : manifests.getFile(r.uri);
    if (!other) continue;
    related.push({ location: { uri: r.uri, range: toRange(other.lineIndex, r.start, r.end) }, message: r.message });
  }
  const data: DiagnosticData = {
    uri: file.uri,
    textHash: contentHash(file),
    fixes: (finding.fixes ?? []).map((f) => ({
      title: f.title,
      preferred: f.preferred === true,
      safe: f.safe === true,
      edits: toTextEdits(file.lineIndex, f.edits),
    })),
  };
  const tags: DiagnosticTag[] = [];
  if (finding.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  if (finding.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  return {
    range: toRange(file.lineIndex, finding.start, finding.end),
    severity: toSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    data,
  };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.uri === 'string' && typeof v.textHash === 'string' && Array.isArray(v.fixes);
}
