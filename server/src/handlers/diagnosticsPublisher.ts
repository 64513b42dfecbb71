/**
 * Publishes diagnostics for every indexed file, open or not. Changes are debounced; a run yields
 * to the event loop between chunks so requests (hover, code actions) stay answered, and is
 * abandoned as soon as a newer change arrives (stale results are never published).
 *
 * A run reads only the files whose diagnostics can have changed since the last completed run:
 * those whose models changed (the index's change log), those whose cross-file results changed
 * (`FindingsService.settle`, from what the rules logged), and those whose findings point into a
 * changed file (related locations are ranges in it). Anything it cannot narrow (the first run,
 * the end of indexing, other settings, a change in the cluster views' grouping) reads every file.
 * The active editor's file goes first, then the open files most recently opened or changed.
 * Only files whose diagnostics changed are sent; a file whose model, findings array and related
 * files are those last published is skipped without converting anything.
 */
import { createHash } from 'node:crypto';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { FileModel } from '../model/fileModel';
import type { ResolvedFinding } from '../rules/runRules';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../shared/src/protocol';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import type { ManifestSet } from '../model/manifestSet';
import type { FindingsMark, FindingsService } from '../service/findingsService';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { toDiagnostic } from './conversions';
import type { Logger } from './runner';

export interface PublisherOptions {
  /**
   * The longest wait after a change, after a quick run. The wait is as long as the last run took,
   * between `minDebounceMs` and this: where a run is quick the diagnostics follow a keystroke at
   * once, and where it is slow keystrokes arriving meanwhile are taken in one run.
   */
  readonly debounceMs: number;
  readonly minDebounceMs?: number;
  /**
   * The longest wait after an open file's edit (`scheduleFast`) following a slow run (one that
   * took more than twice `debounceMs`): then the wait is as long as that run, up to this. A run
   * blocks the server while its cross-file part runs, so a run started between keystrokes delays
   * the next keystroke's fast publish by its length; with the wait that long, a run starts only
   * once typing has paused for that long. Other changes (opens, files on disk) wait as before.
   * Default `debounceMs`.
   */
  readonly slowDebounceMs?: number;
  /**
   * The wait before an edited open file's own diagnostics are published ahead of the cross-file
   * run (`scheduleFast`; notifications arriving meanwhile are taken together). Undefined: no such
   * publish.
   */
  readonly fastMs?: number;
  /** Time slice after which a run yields to pending messages. */
  readonly sliceMs: number;
}

interface Published {
  /** The settings the findings were computed under. */
  readonly settings: NetpolLensSettings;
  /** A digest of the diagnostics sent (the same digest: the same diagnostics; the JSON itself would double what is held). */
  readonly key: string;
  readonly counts: [number, number, number];
  /** What the diagnostics were converted from: the same again means the same diagnostics. */
  readonly file: FileModel;
  readonly findings: readonly ResolvedFinding[];
  readonly related: readonly (FileModel | undefined)[];
  /** The other files `related` are the models of. */
  readonly relatedUris: ReadonlySet<string>;
}

/** What the last completed run published from. */
interface RunMark {
  readonly indexing: boolean;
  /** The index's change-log position. */
  readonly position: number;
  readonly partialFiles: ReadonlySet<string>;
  readonly marks: ReadonlyMap<NetpolLensSettings, FindingsMark>;
}

/** The models of the other files the findings' related locations point into (their ranges depend on them). */
function relatedFiles(findings: readonly ResolvedFinding[], manifests: ManifestSet): (FileModel | undefined)[] {
  const out: (FileModel | undefined)[] = [];
  for (const f of findings) for (const r of f.related ?? []) out.push(manifests.getFile(r.uri));
  return out;
}

function relatedUris(findings: readonly ResolvedFinding[], uri: string): Set<string> {
  const out = new Set<string>();
  for (const f of findings) for (const r of f.related ?? []) if (r.uri !== uri) out.add(r.uri);
  return out;
}

function union(a: Set<string> | 'all', b: ReadonlySet<string> | 'all'): Set<string> | 'all' {
  if (a === 'all' || b === 'all') return 'all';
  for (const x of b) a.add(x);
  return a;
}

/** The wait after a change: as long as the last run took, within the options' bounds (the longest after a quick run before any run). */
export function debounceDelay(lastRunMs: number | undefined, options: Pick<PublisherOptions, 'debounceMs' | 'minDebounceMs' | 'slowDebounceMs'>): number {
  const { debounceMs, minDebounceMs = debounceMs, slowDebounceMs = debounceMs } = options;
  const last = Math.round(lastRunMs ?? debounceMs);
  if (last > 2 * debounceMs) return Math.max(debounceMs, Math.min(slowDebounceMs, last));
  return Math.min(debounceMs, Math.max(minDebounceMs, last));
}

function sameModels(a: readonly (FileModel | undefined)[], b: readonly (FileModel | undefined)[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

export class DiagnosticsPublisher {
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly published = new Map<string, Published>();
  /** Published files whose findings point into each file. */
  private readonly relatedBy = new Map<string, Set<string>>();
  private readonly totals: [number, number, number] = [0, 0, 0];
  private indexing = true;
  private indexProgress = { indexed: 0, total: 0 };
  private readonly idleWaiters: (() => void)[] = [];
  private running = false;
  private last: RunMark | undefined;
  /** How long the last completed run after indexing took (ms; undefined before the first). */
  private lastRunMs: number | undefined;
  /** The active editor's file, when the client says (see ACTIVE_DOCUMENT_NOTIFICATION). */
  private active: string | undefined;
  /** Files opened or changed in the editor, by how recently (higher: later). */
  private readonly touched = new Map<string, number>();
  private touches = 0;
  /** Open files changed since the last fast publish (`scheduleFast`). */
  private readonly fastPending = new Set<string>();
  private fastTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly findings: FindingsService,
    private readonly settings: (uri?: string) => Promise<NetpolLensSettings>,
    private readonly log: Logger,
    private readonly options: PublisherOptions,
    /** The settings of every workspace folder (each judges the workspace its own way). */
    private readonly allSettings: () => Promise<readonly NetpolLensSettings[]> = async () => [await settings()],
  ) {}

  /** The first scan's progress while it runs; undefined once the workspace has been read. */
  get indexingProgress(): { readonly indexed: number; readonly total: number } | undefined {
    return this.indexing ? this.indexProgress : undefined;
  }

  setIndexing(indexing: boolean, indexed: number, total: number): void {
    this.indexing = indexing;
    this.indexProgress = { indexed, total };
    // "Ready" comes from the run that follows the index, with its counts: sent now, it would say
    // 0 errors, 0 warnings before a single cross-file finding was computed.
    if (indexing) this.sendStatus();
  }

  /** The editor opened or changed `uri`: its diagnostics go before other files' (after the active editor's). */
  noteEdited(uri: string): void {
    this.touched.set(uri, ++this.touches);
  }

  /** The editor closed `uri`. */
  noteClosed(uri: string): void {
    this.touched.delete(uri);
    if (this.active === uri) this.active = undefined;
  }

  /** The client's active editor shows `uri` (undefined: none, or not a file of ours): it goes first. */
  setActive(uri: string | undefined): void {
    this.active = uri;
  }

  /** Something changed: recompute after the debounce (see PublisherOptions). */
  schedule(delayMs = this.debounce()): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run(this.generation);
    }, delayMs);
  }

  /**
   * The editor changed the open file `uri`: publish its diagnostics for the new text soon, before
   * the cross-file run that `schedule` starts after its debounce. They are its file-scope findings
   * for the new model, exact, with the cross-file findings last published for it carried through
   * the edit (FindingsService.fastFindings); the cross-file run then publishes the exact result.
   */
  scheduleFast(uri: string): void {
    if (this.options.fastMs === undefined) return;
    this.fastPending.add(uri);
    // The cross-file run may wait longer after a slow run: this file's diagnostics do not wait for it.
    this.schedule(this.debounce(true));
    // Not restarted by each notification: a burst is taken together, and typing never starves it.
    this.fastTimer ??= setTimeout(() => {
      this.fastTimer = undefined;
      void this.publishEdited();
    }, this.options.fastMs);
  }

  /**
   * The fast publish of the open files changed since the last one (what `scheduleFast`'s timer
   * runs; a test calls it to see that publish before the cross-file run).
   */
  async publishEdited(): Promise<void> {
    const uris = [...this.fastPending];
    this.fastPending.clear();
    try {
      // While indexing, the runs publish the file-scope findings alone (cross-file ones would be guesses).
      if (this.indexing) return;
      const manifests = this.index.manifests;
      for (const uri of uris) {
        const settings = await this.settings(uri);
        // A newer change arrived: its own fast publish follows.
        if (this.index.manifests !== manifests) return;
        const file = manifests.getFile(uri);
        const before = this.published.get(uri);
        // Published for this model already (a run got there first), or no longer the editor's.
        if (!file || before?.file === file || !this.index.isOpen(uri)) continue;
        this.send(uri, file, this.findings.fastFindings(uri, manifests, settings, before?.settings === settings ? before : undefined), manifests, settings, before);
      }
    } catch (error) {
      this.log.error(`fast diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      this.resolveIdle();
    }
  }

  /** The wait before a run; `afterEdit` (an open file's edit, with its fast publish): longer after a slow run. */
  private debounce(afterEdit = false): number {
    const { debounceMs, minDebounceMs, slowDebounceMs } = this.options;
    return debounceDelay(this.lastRunMs, { debounceMs, minDebounceMs: minDebounceMs ?? debounceMs, slowDebounceMs: afterEdit ? (slowDebounceMs ?? debounceMs) : debounceMs });
  }

  /** Resolves when no run is scheduled or under way (used by tests and the bench through a request). */
  whenIdle(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private idle(): boolean {
    return !this.timer && !this.running && !this.fastTimer;
  }

  private resolveIdle(): void {
    if (this.idle()) for (const w of this.idleWaiters.splice(0)) w();
  }

  private async run(generation: number): Promise<void> {
    this.running = true;
    const started = performance.now();
    try {
      const manifests = this.index.manifests;
      const position = this.index.changePosition;
      const indexing = this.indexing;
      const last = this.last;
      const models = last === undefined || last.indexing !== indexing ? 'all' : this.index.changedSince(last.position);
      let candidates: Set<string> | 'all' = models === 'all' ? 'all' : new Set(models);
      const marks = new Map<NetpolLensSettings, FindingsMark>();
      if (indexing) {
        // Only file-scope rules run: a file's findings change with its model, and with which files are patches.
        if (last?.partialFiles !== manifests.partialFiles) candidates = 'all';
      } else {
        for (const settings of await this.allSettings()) {
          if (generation !== this.generation) return;
          if (marks.has(settings)) continue;
          const { mark, changed } = this.findings.settle(manifests, settings, last?.marks.get(settings));
          marks.set(settings, mark);
          candidates = union(candidates, changed);
        }
      }
      if (candidates !== 'all' && models !== 'all') for (const uri of models) candidates = union(candidates, this.relatedBy.get(uri) ?? new Set());
      const uris = candidates === 'all' ? [...manifests.files()].map((f) => f.uri) : [...candidates];
      if (candidates === 'all') for (const uri of this.published.keys()) if (!manifests.getFile(uri)) uris.push(uri);
      const rank = (uri: string): number => (uri === this.active ? Number.MAX_SAFE_INTEGER : (this.touched.get(uri) ?? (this.index.isOpen(uri) ? 0 : -1)));
      uris.sort((a, b) => rank(b) - rank(a));
      let sliceStart = Date.now();
      for (const uri of uris) {
        if (generation !== this.generation) return;
        // Settings are cached per workspace folder: this is a map lookup after the first file.
        const settings = await this.settings(uri);
        if (generation !== this.generation) return;
        this.publishFile(uri, manifests, settings);
        if (Date.now() - sliceStart > this.options.sliceMs) {
          await new Promise((r) => setImmediate(r));
          sliceStart = Date.now();
        }
      }
      if (generation !== this.generation) return;
      this.last = { indexing, position, partialFiles: manifests.partialFiles, marks };
      if (!indexing) this.lastRunMs = performance.now() - started;
      this.sendStatus();
      if (!indexing) this.prepareForEdits(generation, marks);
    } catch (error) {
      this.log.error(`diagnostics run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      this.running = false;
      if (generation === this.generation) this.resolveIdle();
    }
  }

  /**
   * Once a run's diagnostics are out: what the next edit's run compares against, which the first
   * run leaves to be made when asked (FindingsService.prepareForEdits). A change that comes first
   * makes it in its own run.
   */
  private prepareForEdits(generation: number, marks: ReadonlyMap<NetpolLensSettings, FindingsMark>): void {
    setImmediate(() => {
      if (generation !== this.generation) return;
      try {
        for (const mark of marks.values()) this.findings.prepareForEdits(mark);
      } catch (error) {
        this.log.error(`preparing for edits failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    });
  }

  private publishFile(uri: string, manifests: ManifestSet, settings: NetpolLensSettings): void {
    const file = manifests.getFile(uri);
    const before = this.published.get(uri);
    if (!file) {
      // The file left the workspace: it loses its diagnostics.
      if (before) {
        this.forget(uri, before);
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      return;
    }
    this.send(uri, file, this.findings.findings(uri, manifests, settings, this.indexing), manifests, settings, before);
  }

  /** Sends `findings` as the diagnostics of `file`, unless they are those last sent. */
  private send(uri: string, file: FileModel, findings: ResolvedFinding[], manifests: ManifestSet, settings: NetpolLensSettings, before: Published | undefined): void {
    const related = relatedFiles(findings, manifests);
    if (before?.file === file && before.findings === findings && before.settings === settings && sameModels(before.related, related)) return;
    const diagnostics: Diagnostic[] = findings.map((f) => toDiagnostic(f, file, manifests));
    const key = createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64');
    if (before?.key === key) {
      this.remember(uri, { ...before, settings, file, findings, related, relatedUris: relatedUris(findings, uri) }, before);
      return;
    }
    const counts: [number, number, number] = [0, 0, 0];
    for (const f of findings) counts[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]++;
    if (diagnostics.length === 0 && !before) return;
    this.remember(uri, { settings, key, counts, file, findings, related, relatedUris: relatedUris(findings, uri) }, before);
    void this.connection.sendDiagnostics({ uri, version: this.index.isOpen(uri) ? file.version : undefined, diagnostics });
  }

  private remember(uri: string, entry: Published, before: Published | undefined): void {
    if (before) this.forget(uri, before);
    this.published.set(uri, entry);
    for (let i = 0; i < 3; i++) this.totals[i] = (this.totals[i] ?? 0) + (entry.counts[i] ?? 0);
    for (const other of entry.relatedUris) {
      const set = this.relatedBy.get(other);
      if (set) set.add(uri);
      else this.relatedBy.set(other, new Set([uri]));
    }
  }

  private forget(uri: string, entry: Published): void {
    this.published.delete(uri);
    for (let i = 0; i < 3; i++) this.totals[i] = (this.totals[i] ?? 0) - (entry.counts[i] ?? 0);
    for (const other of entry.relatedUris) {
      const set = this.relatedBy.get(other);
      set?.delete(uri);
      if (set?.size === 0) this.relatedBy.delete(other);
    }
  }

  private sendStatus(): void {
    const [errors, warnings, others] = this.totals;
    const params: StatusParams = {
      state: this.indexing ? 'indexing' : 'ready',
      indexed: this.indexProgress.indexed,
      total: this.indexProgress.total,
      errors,
      warnings,
      others,
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, params);
  }
}
