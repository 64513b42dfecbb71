/**
 * Findings per file for the current workspace: file-scope rules are cached per file model, and
 * workspace-scope rules per manifest version; the engine's analysis is built once per version.
 * Shared by the language server and the CLI.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { FileModel } from '../model/fileModel';
import type { ManifestSet } from '../model/manifestSet';
import { ALL_RULES } from '../rules/registry';
import { runRules, type ResolvedFinding } from '../rules/runRules';
import type { Rule } from '../rules/types';

export type RuleErrorHandler = (rule: Rule, error: unknown, uri: string) => void;

export class FindingsService {
  private analysis: WorkspaceAnalysis | undefined;
  private readonly fileRules: readonly Rule[];
  private readonly workspaceRules: readonly Rule[];
  private readonly fileCache = new WeakMap<FileModel, { settings: NetpolLensSettings; findings: ResolvedFinding[] }>();
  private workspaceCache = new Map<string, { file: FileModel; findings: ResolvedFinding[] }>();
  private workspaceCacheVersion = -1;
  private workspaceCacheSettings: NetpolLensSettings | undefined;

  constructor(
    private readonly onRuleError: RuleErrorHandler = () => undefined,
    rules: readonly Rule[] = ALL_RULES,
  ) {
    this.fileRules = rules.filter((r) => r.scope === 'file');
    this.workspaceRules = rules.filter((r) => r.scope === 'workspace');
  }

  /** The engine's view for this manifest version and settings (built once, then reused). */
  analysisFor(manifests: ManifestSet, settings: NetpolLensSettings): WorkspaceAnalysis {
    if (!this.analysis || this.analysis.manifests !== manifests || this.analysis.settings !== settings) {
      this.analysis = new WorkspaceAnalysis(manifests, settings);
    }
    return this.analysis;
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

    if (this.workspaceCacheVersion !== manifests.version || this.workspaceCacheSettings !== settings) {
      this.workspaceCache = new Map();
      this.workspaceCacheVersion = manifests.version;
      this.workspaceCacheSettings = settings;
    }
    let cross = this.workspaceCache.get(uri);
    if (!cross || cross.file !== file) {
      const ctx = { file, manifests, settings, analysis: this.analysisFor(manifests, settings) };
      cross = { file, findings: runRules(ctx, this.workspaceRules, onError) };
      this.workspaceCache.set(uri, cross);
    }
    return [...own.findings, ...cross.findings].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  }
}
