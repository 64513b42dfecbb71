/**
 * The contract between the rules and everything else. A rule reads models (and, for cross-file
 * rules, the workspace analysis) and returns findings with file offsets; it never sees LSP types.
 */
import type { RuleId, Severity } from '../../../shared/src/ruleCatalogue';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { FileModel } from '../model/fileModel';
import type { ManifestSet } from '../model/manifestSet';

/** Replace the text between two offsets of the finding's file. */
export interface TextEditData {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface FixData {
  readonly title: string;
  readonly edits: readonly TextEditData[];
  /** The fix to apply when a user asks for "the" fix (VS Code's preferred quick fix). */
  readonly preferred?: boolean;
  /** Safe to apply without review: included in `source.fixAll.netpolLens`. */
  readonly safe?: boolean;
}

export interface RelatedData {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly message: string;
  /** File offsets of the offending text: as small as says what is wrong. */
  readonly start: number;
  readonly end: number;
  /** When a rule's severity depends on the case (deprecated → warning, removed → error). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedData[];
  readonly fixes?: readonly FixData[];
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

export interface RuleContext {
  readonly file: FileModel;
  readonly manifests: ManifestSet;
  readonly settings: NetpolLensSettings;
  /** The engine's view of the whole workspace, computed once per manifest version. */
  readonly analysis: WorkspaceAnalysis;
}

export interface Rule {
  readonly id: RuleId;
  /** `file`: needs only the file itself; `workspace`: reads other files (re-run on any change). */
  readonly scope: 'file' | 'workspace';
  /**
   * File rules: findings read other documents of the file than their own (the rest are checked
   * one document at a time, so an edit re-checks only the document it touched; see
   * service/documentFindings.ts).
   */
  readonly wholeFile?: boolean;
  check(ctx: RuleContext): Finding[];
  /**
   * Workspace rules: computes the results for the whole analysis, reporting which files' findings
   * differ from the previous analysis's (`WorkspaceAnalysis.carried`), so that `changedSince` can
   * tell which files to read again. A workspace rule without it makes every edit re-read every file.
   */
  prepare?(analysis: WorkspaceAnalysis): void;
  /**
   * Workspace rules: works out what only the next analysis reads (what it compares an edit
   * against) and `prepare` left to be made when first asked, so the first findings go out sooner.
   * Called once the findings are out; an analysis that needs it first makes it itself.
   */
  prepareForEdits?(analysis: WorkspaceAnalysis): void;
}
