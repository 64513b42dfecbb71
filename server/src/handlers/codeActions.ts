/**
 * Quick fixes come from the data each diagnostic carries; `source.fixAll.netpolLens` applies
 * every safe fix of the document.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from '../../../shared/src/ruleCatalogue';
import { isDiagnosticData, toRange } from './conversions';
import { contentHash } from '../model/contentHash';
import type { FileModel } from '../model/fileModel';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.netpolLens`;

export function quickFixes(params: CodeActionParams, file: FileModel): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix))) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isDiagnosticData(diagnostic.data)) continue;
    const data = diagnostic.data;
    // Ranges refer to the text the diagnostic was computed on; a stale one is refreshed shortly.
    if (data.textHash !== contentHash(file)) continue;
    for (const fix of data.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [params.textDocument.uri]: fix.edits } },
      });
    }
  }
  return actions;
}

export function wantsFixAll(params: CodeActionParams): boolean {
  return params.context.only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.Source)) ?? false;
}

export function fixAllAction(file: FileModel, edit: { start: number; end: number; newText: string }): CodeAction {
  const textEdit: TextEdit = { range: toRange(file.lineIndex, edit.start, edit.end), newText: edit.newText };
  return {
    title: 'Fix all Netpol Lens problems that have a safe fix',
    kind: FIX_ALL_KIND,
    edit: { changes: { [file.uri]: [textEdit] } },
  };
}
