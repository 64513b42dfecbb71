/**
 * How many server crashes are tolerated before the client gives up: at most `maxRestarts`
 * restarts within `windowMs`. A crash that falls outside the window of the oldest one counts
 * afresh, so a server that crashes once an hour keeps being restarted.
 */
export interface CrashBudgetOptions {
  readonly maxRestarts: number;
  readonly windowMs: number;
}

export const DEFAULT_CRASH_BUDGET: CrashBudgetOptions = { maxRestarts: 4, windowMs: 3 * 60 * 1000 };

export class CrashBudget {
  private readonly crashes: number[] = [];

  constructor(readonly options: CrashBudgetOptions = DEFAULT_CRASH_BUDGET) {}

  /** Records a crash at `now` (ms) and says whether the server may be restarted. */
  recordCrash(now: number): 'restart' | 'give-up' {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - (this.crashes[0] ?? now) > this.options.windowMs) this.crashes.shift();
    return this.crashes.length <= this.options.maxRestarts ? 'restart' : 'give-up';
  }

  /** Crashes counted in the current window. */
  get recentCrashes(): number {
    return this.crashes.length;
  }

  /** A restart the user asked for starts with a full budget. */
  reset(): void {
    this.crashes.length = 0;
  }
}
