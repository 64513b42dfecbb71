/**
 * Values handed from one WorkspaceAnalysis to the next of the same settings: the latest value
 * computed under each key. A value carries the inputs it was computed from, and whoever reads it
 * compares those with the new analysis's inputs to decide what it may reuse — nothing here is
 * ever invalidated by hand, and a stale value is only ever a slower start, never a wrong answer.
 * One per settings object and view (server) or per run (CLI).
 *
 * Each analysis gets a serial number, and the values move forward only: an older analysis that
 * computes a key after a newer one did keeps its value to itself. Whoever derives a value from
 * the previous one may log which files' results differ between the two (`noteChanged`); the union
 * of what was logged after a serial is what can differ from what was computed at that serial, so
 * the publisher re-sends only those files.
 */
export type ChangedFiles = ReadonlySet<string> | 'all';

interface Carried {
  readonly serial: number;
  readonly value: unknown;
}

/** How many analyses' logs are kept; a reader further behind is told 'all'. */
const LOG_LIMIT = 16;
/** An analysis that changed more files than this logs 'all' (reading every file costs about the same, and holds nothing). */
const URIS_LIMIT = 2_000;

export class AnalysisCarry {
  private readonly values = new Map<string, Carried>();
  private serials = 0;
  /** Per analysis serial, the files whose cross-file results it changed (ascending serials). */
  private readonly log: { serial: number; uris: Set<string> | 'all' }[] = [];
  /** Serials at or below this were dropped from the log. */
  private forgottenUpTo = 0;

  /** A serial for a new analysis: higher than every earlier one. */
  nextSerial(): number {
    return ++this.serials;
  }

  get(key: string): unknown {
    return this.values.get(key)?.value;
  }

  /** Keeps `value` as the latest of `key` unless a newer analysis already computed one; returns whether it was kept. */
  set(key: string, value: unknown, serial = this.serials): boolean {
    const current = this.values.get(key);
    if (current && current.serial > serial) return false;
    this.values.set(key, { serial, value });
    return true;
  }

  /** The analysis `serial` changed the results of these files (or of any file) against the previous value. */
  noteChanged(serial: number, uris: Iterable<string> | 'all'): void {
    let entry = this.log.find((e) => e.serial === serial);
    if (!entry) {
      entry = { serial, uris: new Set() };
      this.log.push(entry);
      this.log.sort((a, b) => a.serial - b.serial);
      while (this.log.length > LOG_LIMIT) this.forgottenUpTo = Math.max(this.forgottenUpTo, this.log.shift()?.serial ?? 0);
    }
    if (uris === 'all') entry.uris = 'all';
    else if (entry.uris !== 'all') {
      for (const u of uris) entry.uris.add(u);
      if (entry.uris.size > URIS_LIMIT) entry.uris = 'all';
    }
  }

  /** Files whose results may differ from what the analysis `serial` computed (values it computed are in the log up to it). */
  changedSince(serial: number): ChangedFiles {
    if (serial < this.forgottenUpTo) return 'all';
    const out = new Set<string>();
    for (const e of this.log) {
      if (e.serial <= serial) continue;
      if (e.uris === 'all') return 'all';
      for (const u of e.uris) out.add(u);
    }
    return out;
  }
}
