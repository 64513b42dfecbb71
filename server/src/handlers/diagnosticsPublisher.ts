/**
 * Publishes diagnostics for every indexed file, open or not. Changes are debounced; a run
 * computes open files first, yields to the event loop between chunks so requests (hover, code
 * actions) stay answered, and is abandoned as soon as a newer change arrives (stale results are
 * never published). Only files whose diagnostics changed are sent; a file whose model, findings
 * array and related files are those last published is skipped without converting anything (the
 * findings service hands out the same array while nothing changed for the file).
 */
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { FileModel } from '../model/fileModel';
import type { ResolvedFinding } from '../rules/runRules';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../shared/src/protocol';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import type { ManifestSet } from '../model/manifestSet';
import type { FindingsService } from '../service/findingsService';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { toDiagnostic } from './conversions';
import type { Logger } from './runner';

export interface PublisherOptions {
  readonly debounceMs: number;
  /** Time slice after which a run yields to pending messages. */
  readonly sliceMs: number;
}

interface Published {
  readonly key: string;
  readonly counts: [number, number, number];
  /** What the diagnostics were converted from: the same again means the same diagnostics. */
  readonly file: FileModel;
  readonly findings: readonly ResolvedFinding[];
  readonly related: readonly (FileModel | undefined)[];
}

/** The models of the other files the findings' related locations point into (their ranges depend on them). */
function relatedFiles(findings: readonly ResolvedFinding[], manifests: ManifestSet): (FileModel | undefined)[] {
  const out: (FileModel | undefined)[] = [];
  for (const f of findings) for (const r of f.related ?? []) out.push(manifests.getFile(r.uri));
  return out;
}

function sameModels(a: readonly (FileModel | undefined)[], b: readonly (FileModel | undefined)[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

export class DiagnosticsPublisher {
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly published = new Map<string, Published>();
  private indexing = true;
  private indexProgress = { indexed: 0, total: 0 };
  private readonly idleWaiters: (() => void)[] = [];
  private running = false;

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly findings: FindingsService,
    private readonly settings: (uri?: string) => Promise<NetpolLensSettings>,
    private readonly log: Logger,
    private readonly options: PublisherOptions,
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

  /** Something changed: recompute after the debounce. */
  schedule(delayMs = this.options.debounceMs): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run(this.generation);
    }, delayMs);
  }

  /** Resolves when no run is scheduled or under way (used by tests and the bench through a request). */
  whenIdle(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async run(generation: number): Promise<void> {
    this.running = true;
    try {
      const manifests = this.index.manifests;
      const uris = [...manifests.files()].map((f) => f.uri);
      uris.sort((a, b) => Number(this.index.isOpen(b)) - Number(this.index.isOpen(a)));
      let sliceStart = Date.now();
      for (const uri of uris) {
        if (generation !== this.generation) return;
        // Settings are cached per workspace folder: this is a map lookup after the first file.
        const settings = await this.settings(uri);
        if (generation !== this.generation) return;
        this.publishFile(uri, settings);
        if (Date.now() - sliceStart > this.options.sliceMs) {
          await new Promise((r) => setImmediate(r));
          sliceStart = Date.now();
        }
      }
      if (generation !== this.generation) return;
      // Files that left the workspace lose their diagnostics.
      for (const uri of [...this.published.keys()]) {
        if (!manifests.getFile(uri)) {
          this.published.delete(uri);
          void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        }
      }
      this.sendStatus();
    } catch (error) {
      this.log.error(`diagnostics run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      this.running = false;
      if (!this.timer && generation === this.generation) {
        for (const w of this.idleWaiters.splice(0)) w();
      }
    }
  }

  private publishFile(uri: string, settings: NetpolLensSettings): void {
    const manifests = this.index.manifests;
    const file = manifests.getFile(uri);
    if (!file) return;
    const findings = this.findings.findings(uri, manifests, settings, this.indexing);
    const before = this.published.get(uri);
    const related = relatedFiles(findings, manifests);
    if (before?.file === file && before.findings === findings && sameModels(before.related, related)) return;
    const diagnostics: Diagnostic[] = findings.map((f) => toDiagnostic(f, file, manifests));
    const key = JSON.stringify(diagnostics);
    if (before?.key === key) {
      this.published.set(uri, { ...before, file, findings, related });
      return;
    }
    const counts: [number, number, number] = [0, 0, 0];
    for (const f of findings) counts[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]++;
    if (diagnostics.length === 0 && !before) return;
    this.published.set(uri, { key, counts, file, findings, related });
    void this.connection.sendDiagnostics({ uri, version: this.index.isOpen(uri) ? file.version : undefined, diagnostics });
  }

  private sendStatus(): void {
    let errors = 0;
    let warnings = 0;
    let others = 0;
    for (const { counts } of this.published.values()) {
      errors += counts[0];
      warnings += counts[1];
      others += counts[2];
    }
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
