/**
 * Values handed from one WorkspaceAnalysis to the next of the same settings: the latest value
 * computed under each key. A value carries the inputs it was computed from, and whoever reads it
 * compares those with the new analysis's inputs to decide what it may reuse — nothing here is
 * ever invalidated by hand, and a stale value is only ever a slower start, never a wrong answer.
 * One per settings object (server) or per run (CLI).
 */
export class AnalysisCarry {
  private readonly values = new Map<string, unknown>();

  get(key: string): unknown {
    return this.values.get(key);
  }

  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }
}
