import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import type { FindingsService } from '../service/findingsService';
import { fixAllText, minimalEdit } from '../service/fixAll';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { fixAllAction, quickFixes, wantsFixAll } from './codeActions';

export function codeActionsHandler(
  params: CodeActionParams,
  index: WorkspaceIndex,
  findings: FindingsService,
  settings: NetpolLensSettings,
): CodeAction[] {
  const uri = params.textDocument.uri;
  const file = index.get(uri);
  if (!file) return [];
  const actions = quickFixes(params, file);
  if (wantsFixAll(params)) {
    const after = fixAllText(uri, index.manifests, settings, findings);
    if (after !== undefined) actions.push(fixAllAction(file, minimalEdit(file.text, after)));
  }
  return actions;
}
