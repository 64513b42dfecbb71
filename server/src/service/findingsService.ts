/**
 * Findings per file for the current workspace: file-scope rules are cached per file model, and
 * workspace-scope rules per manifest version; the engine's analysis is built once per version.
 * Shared by the language server and the CLI.
 *
 * Across versions: each new analysis gets what the previous one of the same settings computed
 * (AnalysisCarry), so cross-file rules re-check only what an edit can have changed; a file whose
 * model and cross-file results are unchanged gets the very same findings array as before, which
 * lets the publisher skip it without converting anything.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { AnalysisCarry } from '../analysis/analysisCarry';
import { ExtractionCache } from '../analysis/fileExtraction';
import { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { FileModel } from '../model/fileModel';
import type { ManifestSet } from '../model/manifestSet';
import { ALL_RULES } from '../rules/registry';
import { checkRule, resolveFindings, runRules, sortFindings, type ResolvedFinding } from '../rules/runRules';
import type { Finding, Rule } from '../rules/types';

export type RuleErrorHandler = (rule: Rule, error: unknown, uri: string) => void;

export class FindingsService {
  /** One analysis per settings object (one per workspace folder), for the current manifests. */
  private analyses = new Map<NetpolLensSettings, WorkspaceAnalysis>();
  private analysesOf: ManifestSet | undefined;
  /** Shared across versions: a new analysis re-extracts only the files that changed. */
  private readonly extraction = new ExtractionCache();
  private readonly fileRules: readonly Rule[];
  private readonly workspaceRules: readonly Rule[];
  /** Handed from each analysis to the next, per settings object. */
  private readonly carries = new WeakMap<NetpolLensSettings, AnalysisCarry>();
  private readonly fileCache = new WeakMap<FileModel, { settings: NetpolLensSettings; findings: ResolvedFinding[] }>();
  /** A file's cross-file findings, valid while the rules return the same arrays for it (see workspaceFindings.ts). */
  private readonly workspaceCache = new WeakMap<FileModel, CrossFileEntry>();

  constructor(
    private readonly onRuleError: RuleErrorHandler = () => undefined,
    rules: readonly Rule[] = ALL_RULES,
  ) {
    this.fileRules = rules.filter((r) => r.scope === 'file');
    this.workspaceRules = rules.filter((r) => r.scope === 'workspace');
  }

  /** The engine's view for this manifest version and settings (built once, then reused). */
  analysisFor(manifests: ManifestSet, settings: NetpolLensSettings): WorkspaceAnalysis {
    if (this.analysesOf !== manifests) {
      this.analyses = new Map();
      this.analysesOf = manifests;
    }
    let analysis = this.analyses.get(settings);
    if (!analysis) {
      let carry = this.carries.get(settings);
      if (!carry) this.carries.set(settings, (carry = new AnalysisCarry()));
      analysis = new WorkspaceAnalysis(manifests, settings, this.extraction, carry);
      this.analyses.set(settings, analysis);
    }
    return analysis;
  }

  /**
   * Findings for `uri`. With `fileRulesOnly` (while the workspace is still being indexed) the
   * cross-file rules are skipped: judging selectors against half a workspace would be a guess.
   */
  findings(uri: string, manifests: ManifestSet, settings: NetpolLensSettings, fileRulesOnly = false): ResolvedFinding[] {
    const file = manifests.getFile(uri);
    if (!file || file.skipped) return [];
    const onError = (rule: Rule, error: unknown): void => this.onRuleError(rule, error, uri);
    let own = this.fileCache.get(file);
    if (!own || own.settings !== settings) {
      const ctx = { file, manifests, settings, analysis: this.analysisFor(manifests, settings) };
      own = { settings, findings: runRules(ctx, this.fileRules, onError) };
      this.fileCache.set(file, own);
    }
    // A kustomize patch is a partial object: only its syntax is ours to judge.
    if (manifests.partialFiles.has(uri)) return own.findings.filter((f) => f.ruleId === 'yaml-syntax');
    if (fileRulesOnly || this.workspaceRules.length === 0) return own.findings;

    const ctx = { file, manifests, settings, analysis: this.analysisFor(manifests, settings) };
    const raw = this.workspaceRules.map((rule) => checkRule(ctx, rule, onError));
    let cross = this.workspaceCache.get(file);
    if (!cross || cross.settings !== settings || cross.raw.some((r, i) => r !== raw[i])) {
      const findings = sortFindings(raw.flatMap((r, i) => (r ? resolveFindings(this.workspaceRules[i] as Rule, r, settings) : [])));
      cross = { settings, raw, findings, own: undefined, merged: [] };
      this.workspaceCache.set(file, cross);
    }
    if (cross.own !== own.findings) {
      cross.own = own.findings;
      cross.merged = cross.findings.length === 0 ? own.findings : sortFindings([...own.findings, ...cross.findings]);
    }
    return cross.merged;
  }
}

interface CrossFileEntry {
  readonly settings: NetpolLensSettings;
  /** What each workspace rule returned (undefined: off or failed). */
  readonly raw: readonly (readonly Finding[] | undefined)[];
  readonly findings: ResolvedFinding[];
  /** The file-scope findings `merged` was built with. */
  own: ResolvedFinding[] | undefined;
  merged: ResolvedFinding[];
}
