/**
 * Findings per file for the current workspace: file-scope rules are cached per file model, and
 * workspace-scope rules per manifest version; the engine's analysis is built once per version.
 * Shared by the language server and the CLI.
 *
 * Cross-file rules run inside cluster views (views/clusterViews.ts): a file used by several views
 * (a kustomize base under three overlays, a policy beside two alternative bundles) is judged in
 * each, and a finding that holds in some views only names them.
 *
 * Across versions: each new analysis gets what the previous one of the same settings and view
 * computed (AnalysisCarry), so cross-file rules re-check only what an edit can have changed; a
 * file whose model and cross-file results are unchanged gets the very same findings array as
 * before, which lets the publisher skip it without converting anything.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { AnalysisCarry, type ChangedFiles } from '../analysis/analysisCarry';
import { ExtractionCache } from '../analysis/fileExtraction';
import { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { releaseText, type FileModel } from '../model/fileModel';
import { StaleTextError } from '../model/fileText';
import { isKustomizationFile, KUSTOMIZATION_FILE_NAMES } from '../model/kustomize';
import { ManifestSet } from '../model/manifestSet';
import { ALL_RULES } from '../rules/registry';
import { checkRule, configuredSeverity, resolveFindings, sortFindings, type ResolvedFinding } from '../rules/runRules';
import type { Finding, Rule, RuleContext } from '../rules/types';
import { sameShape, ViewBuilder, type ClusterView, type ClusterViews } from '../views/clusterViews';
import { needsCompleteView } from '../views/needsCompleteView';
import { DocumentFindings } from './documentFindings';
import type { FileInView } from '../features/hoverInViews';
import { heldInFamily } from './familyFindings';
import { carriedFindings, type PublishedFindings } from './carriedFindings';
import { mergeViewFindings } from './mergeViewFindings';

export type RuleErrorHandler = (rule: Rule, error: unknown, uri: string) => void;

export class FindingsService {
  /** One analysis per view's manifest set and settings object (one per workspace folder). */
  private analyses = new WeakMap<ManifestSet, Map<NetpolLensSettings, WorkspaceAnalysis>>();
  /** Views per settings object, rebuilt when the manifests change. */
  private readonly viewBuilders = new WeakMap<NetpolLensSettings, ViewBuilder>();
  /** Shared across versions: a new analysis re-extracts only the files that changed. */
  private readonly extraction = new ExtractionCache();
  private readonly fileRules: readonly Rule[];
  /** File-scope findings per document, reused for the documents an edit did not touch. */
  private readonly documentFindings: DocumentFindings;
  private readonly workspaceRules: readonly Rule[];
  private readonly workspaceRuleIds: ReadonlySet<string>;
  /** Handed from each analysis to the next, per settings object and view id. */
  private readonly carries = new WeakMap<NetpolLensSettings, Map<string, AnalysisCarry>>();
  private readonly fileCache = new WeakMap<FileModel, { settings: NetpolLensSettings; findings: ResolvedFinding[] }>();
  /** A file's cross-file findings, valid while the rules return the same arrays for it (see workspaceFindings.ts). */
  private readonly workspaceCache = new WeakMap<FileModel, CrossFileEntry>();

  constructor(
    private readonly onRuleError: RuleErrorHandler = () => undefined,
    rules: readonly Rule[] = ALL_RULES,
  ) {
    this.fileRules = rules.filter((r) => r.scope === 'file');
    this.documentFindings = new DocumentFindings(this.fileRules);
    this.workspaceRules = rules.filter((r) => r.scope === 'workspace');
    this.workspaceRuleIds = new Set(this.workspaceRules.map((r) => r.id));
  }

  /** The cluster views of the workspace (kustomize builds, declared views, loose files). */
  views(manifests: ManifestSet, settings: NetpolLensSettings): ClusterViews {
    let builder = this.viewBuilders.get(settings);
    if (!builder) this.viewBuilders.set(settings, (builder = new ViewBuilder()));
    return builder.build(manifests, settings);
  }

  /** The engine over one view (built once per view version and settings, then reused). */
  analysisOfView(view: ClusterView, settings: NetpolLensSettings): WorkspaceAnalysis {
    let perSettings = this.analyses.get(view.manifests);
    if (!perSettings) this.analyses.set(view.manifests, (perSettings = new Map<NetpolLensSettings, WorkspaceAnalysis>()));
    let analysis = perSettings.get(settings);
    if (!analysis) {
      let carries = this.carries.get(settings);
      if (!carries) this.carries.set(settings, (carries = new Map<string, AnalysisCarry>()));
      let carry = carries.get(view.id);
      if (!carry) carries.set(view.id, (carry = new AnalysisCarry()));
      analysis = new WorkspaceAnalysis(view.manifests, settings, this.extraction, carry);
      perSettings.set(settings, analysis);
    }
    return analysis;
  }

  /**
   * The engine's view for a file (the first cluster view holding `uri`, its family's where the
   * file is one of a family of folders: views/familyViews.ts), or for the workspace's first view
   * when no file is named: what hovers, lenses and commands answer from.
   */
  analysisFor(manifests: ManifestSet, settings: NetpolLensSettings, uri?: string): WorkspaceAnalysis {
    const views = this.views(manifests, settings);
    const view = (uri !== undefined ? views.viewsOf(uri)[0] : undefined) ?? views.views[0];
    if (!view) return this.analysisOfView({ id: 'loose', kind: 'loose', name: 'loose files', root: '', rootPath: '', partial: [], manifests }, settings);
    return this.analysisOfView((uri !== undefined ? views.families.of(view, uri) : undefined) ?? view, settings);
  }

  /**
   * A file as each of its cluster views applies it, with that view's analysis: what hovers and
   * lenses answer from (the view's copy of the file carries the objects as kustomize builds them).
   * A file of a family of folders is answered from its family view (what its findings say too),
   * under the loose view's name. A file in no view (not a manifest, a skipped file) gets the
   * workspace's first view.
   */
  fileInViews(manifests: ManifestSet, settings: NetpolLensSettings, file: FileModel): FileInView[] {
    const clusterViews = this.views(manifests, settings);
    const views = clusterViews.viewsOf(file.uri);
    if (views.length === 0) return [{ view: undefined, analysis: this.analysisFor(manifests, settings), file }];
    return views.map((view) => {
      const family = clusterViews.families.of(view, file.uri);
      const read = family ?? view;
      return { view, ...(family ? { family } : {}), analysis: this.analysisOfView(read, settings), file: read.manifests.getFile(file.uri) ?? file };
    });
  }

  /**
   * Computes every cross-file result of the current version and says which files' findings may
   * differ from those computed at `since` (a mark an earlier call returned): the files whose
   * cross-file results changed, as the rules logged them. Files whose models changed are the
   * caller's to add. 'all' when that cannot be known: the first call, other settings, a change in
   * which views a file belongs to or which files are kustomize patches or unused.
   */
  settle(manifests: ManifestSet, settings: NetpolLensSettings, since: FindingsMark | undefined): { mark: FindingsMark; changed: ChangedFiles } {
    const views = this.views(manifests, settings);
    this.documentFindings.prune((uri) => manifests.getFile(uri) !== undefined);
    const analyses = new Map<string, WorkspaceAnalysis>();
    let changed: Set<string> | 'all' =
      since === undefined || since.settings !== settings || since.partialFiles !== manifests.partialFiles || !sameShape(since.views, views) ? 'all' : new Set<string>();
    for (const view of [...views.views, ...views.families.views]) {
      const analysis = this.analysisOfView(view, settings);
      analyses.set(view.id, analysis);
      for (const rule of this.workspaceRules) {
        if (configuredSeverity(rule.id, settings) === undefined) continue;
        if (!rule.prepare) changed = 'all';
        else {
          try {
            rule.prepare(analysis);
          } catch {
            // Reported when the rule is checked for a file; meanwhile nothing says which files changed.
            changed = 'all';
          }
        }
      }
      if (changed === 'all') continue;
      const before = since?.analyses.get(view.id);
      const viewChanged = before ? before.changedSince() : 'all';
      if (viewChanged === 'all') changed = 'all';
      else for (const uri of viewChanged) changed.add(uri);
    }
    return { mark: { settings, partialFiles: manifests.partialFiles, views, analyses }, changed };
  }

  /**
   * Works out what only the next analysis of each view `mark` holds will read (what it compares
   * an edit against; see `Rule.prepareForEdits`), for a caller whose findings are out.
   */
  prepareForEdits(mark: FindingsMark): void {
    for (const analysis of mark.analyses.values()) {
      for (const rule of this.workspaceRules) {
        if (configuredSeverity(rule.id, mark.settings) === undefined) continue;
        try {
          rule.prepareForEdits?.(analysis);
        } catch {
          // The next analysis meets the same error where it is reported (checkRule).
        }
      }
    }
  }

  /**
   * Makes the file-scope findings of `file` ahead, as each batch of the initial scan is read: they
   * read the file alone (a file-scope rule reads neither the workspace nor its analysis), so
   * `findings` later gives these for this model and settings. Made as files are read, the full
   * trees these rules take and the texts from disk go at once instead of waiting for the whole
   * workspace to be read.
   */
  prepareFile(file: FileModel, settings: NetpolLensSettings): void {
    if (file.skipped) return;
    const alone = new ManifestSet([file], 0);
    let analysis: WorkspaceAnalysis | undefined;
    this.fileScope(file, settings, () => ({
      file,
      manifests: alone,
      settings,
      get analysis(): WorkspaceAnalysis {
        return (analysis ??= new WorkspaceAnalysis(alone, settings));
      },
    }));
  }

  /** The file-scope findings of `file` (cached per model and settings); undefined when its text changed on disk. */
  private fileScope(file: FileModel, settings: NetpolLensSettings, context: () => RuleContext): ResolvedFinding[] | undefined {
    const known = this.fileCache.get(file);
    if (known?.settings === settings) return known.findings;
    const onError = (rule: Rule, error: unknown): void => this.onRuleError(rule, error, file.uri);
    let findings: ResolvedFinding[];
    try {
      findings = this.documentFindings.findings(context(), onError);
    } catch (error) {
      // The file changed on disk since it was indexed: it is being read again (`fileText.ts`).
      if (error instanceof StaleTextError) return undefined;
      throw error;
    }
    this.fileCache.set(file, { settings, findings });
    // What the file-scope rules read is read: a text from disk is read there again when asked.
    releaseText(file);
    return findings;
  }

  /**
   * Findings for `uri` right after an edit, before the cross-file rules have run on it (the fast
   * publish of an edited open file): its file-scope findings for the current model, exactly what
   * `findings` will give (and cached for it), with the cross-file findings of `published` (what
   * was last published for the file, under the same settings) carried through the edits since
   * (carriedFindings.ts). Nothing of the workspace's analysis is computed.
   */
  fastFindings(uri: string, manifests: ManifestSet, settings: NetpolLensSettings, published: PublishedFindings | undefined): ResolvedFinding[] {
    const file = manifests.getFile(uri);
    if (!file || file.skipped) return [];
    let analysis: WorkspaceAnalysis | undefined;
    const analysisOf = (): WorkspaceAnalysis => (analysis ??= this.analysisFor(manifests, settings, uri));
    // File-scope rules read neither the workspace nor its analysis: asked for, it is made (as `findings` makes it).
    const own = this.fileScope(file, settings, () => ({
      file,
      manifests,
      settings,
      get analysis(): WorkspaceAnalysis {
        return analysisOf();
      },
    }));
    if (!own) return [];
    if (manifests.partialFiles.has(uri)) return own.filter((f) => f.ruleId === 'yaml-syntax');
    // Only a file in a kustomization's folder can be unused (views/clusterViews.ts), and only then
    // are the views read: building them reads every object of the file (and copies the trees of
    // the documents an edit moved). Any other file is in a view.
    if (inKustomizationFolder(uri, manifests)) {
      const clusterViews = this.views(manifests, settings);
      if (clusterViews.unused.has(uri)) return own.filter((f) => f.ruleId === 'yaml-syntax');
      if (clusterViews.viewsOf(uri).length === 0) return own;
    }
    if (!published || this.workspaceRules.length === 0) return own;
    const cross = carriedFindings(published, file, manifests, (f) => this.workspaceRuleIds.has(f.ruleId));
    return cross.length === 0 ? own : sortFindings([...own, ...cross]);
  }

  /**
   * Findings for `uri`. With `fileRulesOnly` (while the workspace is still being indexed) the
   * cross-file rules are skipped: judging selectors against half a workspace would be a guess.
   */
  findings(uri: string, manifests: ManifestSet, settings: NetpolLensSettings, fileRulesOnly = false): ResolvedFinding[] {
    const file = manifests.getFile(uri);
    if (!file || file.skipped) return [];
    const onError = (rule: Rule, error: unknown): void => this.onRuleError(rule, error, uri);
    const own = this.fileScope(file, settings, () => ({ file, manifests, settings, analysis: this.analysisFor(manifests, settings, uri) }));
    if (!own) return [];
    // A kustomize patch is a partial object, and a manifest its kustomization does not use is not
    // deployed by it: only their syntax is ours to judge.
    if (manifests.partialFiles.has(uri) || this.views(manifests, settings).unused.has(uri)) return own.filter((f) => f.ruleId === 'yaml-syntax');
    if (fileRulesOnly || this.workspaceRules.length === 0) return own;

    const clusterViews = this.views(manifests, settings);
    const views = clusterViews.viewsOf(uri);
    if (views.length === 0) return own;
    // A loose view's findings in a family's file hold only where its family view has them (familyFindings.ts).
    const families = views.map((v) => (v.kind === 'loose' ? clusterViews.families.of(v, uri) : undefined));
    const familyList = [...new Set(families.filter((f) => f !== undefined))];
    const raw: (readonly Finding[] | undefined)[] = [];
    for (const view of [...views, ...familyList]) {
      const viewFile = view.manifests.getFile(uri) ?? file;
      const ctx = { file: viewFile, manifests: view.manifests, settings, analysis: this.analysisOfView(view, settings) };
      for (const rule of this.workspaceRules) raw.push(view.partial.length > 0 && needsCompleteView(rule.id) ? undefined : checkRule(ctx, rule, onError));
    }
    let cross = this.workspaceCache.get(file);
    // Messages name the views (when a finding holds in some of them): new names, new messages.
    const viewNames = views.length === 1 ? '' : views.map((v) => `${v.kind}:${v.name}`).join('\u0000');
    if (!cross || cross.settings !== settings || cross.viewNames !== viewNames || cross.raw.length !== raw.length || cross.raw.some((r, i) => r !== raw[i])) {
      const rules = this.workspaceRules;
      const resolved = (v: number): ResolvedFinding[] => raw.slice(v * rules.length, (v + 1) * rules.length).flatMap((r, i) => (r ? resolveFindings(rules[i] as Rule, r, settings) : []));
      const perView = views.map((view, v) => {
        const family = families[v];
        const findings = resolved(v);
        return { view, findings: family ? heldInFamily(findings, resolved(views.length + familyList.indexOf(family))) : findings };
      });
      const findings = sortFindings(perView.length === 1 ? (perView[0]?.findings ?? []) : mergeViewFindings(perView, uri));
      cross = { settings, viewNames, raw, findings, own: undefined, merged: [] };
      this.workspaceCache.set(file, cross);
    }
    if (cross.own !== own) {
      cross.own = own;
      cross.merged = cross.findings.length === 0 ? own : sortFindings([...own, ...cross.findings]);
    }
    return cross.merged;
  }
}

/** Whether `uri` is a kustomization or lies beside one (the names kustomize reads). */
function inKustomizationFolder(uri: string, manifests: ManifestSet): boolean {
  const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
  return isKustomizationFile(uri) || KUSTOMIZATION_FILE_NAMES.some((name) => manifests.getFile(folder + name) !== undefined);
}

/** What `settle` computed: the analyses whose results were published. */
export interface FindingsMark {
  readonly settings: NetpolLensSettings;
  readonly partialFiles: ReadonlySet<string>;
  readonly views: ClusterViews;
  readonly analyses: ReadonlyMap<string, WorkspaceAnalysis>;
}

interface CrossFileEntry {
  readonly settings: NetpolLensSettings;
  /** The views the file was judged in, when several (their names appear in messages). */
  readonly viewNames: string;
  /** What each workspace rule returned (undefined: off or failed). */
  readonly raw: readonly (readonly Finding[] | undefined)[];
  readonly findings: ResolvedFinding[];
  /** The file-scope findings `merged` was built with. */
  own: ResolvedFinding[] | undefined;
  merged: ResolvedFinding[];
}
