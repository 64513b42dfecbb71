/**
 * Apply every safe fix of a file, re-analysing between passes (a fix can make room for another,
 * as ESLint's fix-all does). Returns the new text, or undefined when nothing changes.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { buildFileModel } from '../model/fileModel';
import type { ManifestSet } from '../model/manifestSet';
import { applyEdits } from '../rules/applyEdits';
import type { TextEditData } from '../rules/types';
import type { FindingsService } from './findingsService';

const MAX_PASSES = 5;

export function fixAllText(
  uri: string,
  manifests: ManifestSet,
  settings: NetpolLensSettings,
  findings: FindingsService,
  onlyRules?: ReadonlySet<string>,
): string | undefined {
  const original = manifests.getFile(uri);
  if (!original) return undefined;
  let current = manifests;
  let file = original;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits: TextEditData[] = [];
    for (const f of findings.findings(uri, current, settings)) {
      if (onlyRules && !onlyRules.has(f.ruleId)) continue;
      const fix = f.fixes?.find((x) => x.safe === true && x.preferred === true) ?? f.fixes?.find((x) => x.safe === true);
      if (fix) edits.push(...fix.edits);
    }
    if (edits.length === 0) break;
    const { text, applied } = applyEdits(file.text, edits);
    if (applied === 0 || text === file.text) break;
    file = buildFileModel(uri, text, file.version + 1, { previous: file });
    current = current.with(file);
  }
  return file.text === original.text ? undefined : file.text;
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEditData {
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}
