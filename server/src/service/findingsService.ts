/**
 * Findings per file for the current workspace: file-scope rules are cached per file model, and
 * workspace-scope rules per manifest version; the engine's analysis is built once per version.
 * Shared by the language server and the CLI.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { ExtractionCache } from '../analysis/fileExtraction';
import { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { FileModel } from '../model/fileModel';
import type { ManifestSet } from '../model/manifestSet';
import { ALL_RULES } from '../rules/registry';
import { runRules, type ResolvedFinding } from '../rules/runRules';
import type { Rule } from '../rules/types';

export type RuleErrorHandler = (rule: Rule, error: unknown, uri: string) => void;

export class FindingsService {
  /** One analysis per settings object (one per workspace folder), for the current manifests. */
  private analyses = new Map<NetpolLensSettings, WorkspaceAnalysis>();
  private analysesOf: ManifestSet | undefined;
  /** Shared across versions: a new analysis re-extracts only the files that changed. */
  private readonly extraction = new ExtractionCache();
  private readonly fileRules: readonly Rule[];
  private readonly workspaceRules: readonly Rule[];
  private readonly fileCache = new WeakMap<FileModel, { settings: NetpolLensSettings; findings: ResolvedFinding[] }>();
  /** Cross-file findings per settings object and uri, for one manifest version. */
  private workspaceCache = new Map<NetpolLensSettings, Map<string, { file: FileModel; findings: ResolvedFinding[] }>>();
  private workspaceCacheVersion = -1;

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
      analysis = new WorkspaceAnalysis(manifests, settings, this.extraction);
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

    if (this.workspaceCacheVersion !== manifests.version) {
      this.workspaceCache = new Map();
      this.workspaceCacheVersion = manifests.version;
    }
    let perUri = this.workspaceCache.get(settings);
    if (!perUri) {
      perUri = new Map();
      this.workspaceCache.set(settings, perUri);
    }
    let cross = perUri.get(uri);
    if (!cross || cross.file !== file) {
      const ctx = { file, manifests, settings, analysis: this.analysisFor(manifests, settings) };
      cross = { file, findings: runRules(ctx, this.workspaceRules, onError) };
      perUri.set(uri, cross);
    }
    return [...own.findings, ...cross.findings].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  }
}
