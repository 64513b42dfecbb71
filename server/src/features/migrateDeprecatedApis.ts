/**
 * "Migrate all deprecated APIs": every `deprecated-api-version` finding of the workspace that
 * carries a fix, applied in one pass per file (its preferred fix, else its first). The fixes come
 * from the findings' data, as the quick fixes do; this only gathers them.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import type { ManifestSet } from '../model/manifestSet';
import { applyEdits } from '../rules/applyEdits';
import type { TextEditData } from '../rules/types';
import type { FindingsService } from '../service/findingsService';
import { minimalEdit } from '../service/fixAll';

export const DEPRECATED_API_RULE = 'deprecated-api-version';

export interface FileMigration {
  readonly uri: string;
  /** One edit turning the file into its migrated text. */
  readonly edit: TextEditData;
  /** Findings fixed in the file. */
  readonly fixes: number;
}

export function migrateDeprecatedApis(
  manifests: ManifestSet,
  settingsOf: (uri: string) => NetpolLensSettings,
  findings: FindingsService,
  ruleId = DEPRECATED_API_RULE,
): FileMigration[] {
  const out: FileMigration[] = [];
  const uris = [...manifests.files()].map((f) => f.uri).sort();
  for (const uri of uris) {
    const file = manifests.getFile(uri);
    if (!file || file.skipped) continue;
    const edits: TextEditData[] = [];
    let fixed = 0;
    for (const f of findings.findings(uri, manifests, settingsOf(uri))) {
      if (f.ruleId !== ruleId) continue;
      const fix = f.fixes?.find((x) => x.preferred === true) ?? f.fixes?.[0];
      if (!fix) continue;
      edits.push(...fix.edits);
      fixed++;
    }
    if (edits.length === 0) continue;
    const { text, applied } = applyEdits(file.text, edits);
    if (applied === 0 || text === file.text) continue;
    out.push({ uri, edit: minimalEdit(file.text, text), fixes: fixed });
  }
  return out;
}
