/** The client's crash budget: 4 restarts within 3 minutes, then give up; old crashes age out. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CrashBudget, DEFAULT_CRASH_BUDGET } from '../../../client/src/crashBudget';

const MINUTE = 60_000;

describe('CrashBudget', () => {
  it('restarts four times within the window and gives up on the fifth crash', () => {
    const budget = new CrashBudget();
    const verdicts = [0, 10_000, 20_000, 30_000, 40_000].map((t) => budget.recordCrash(t));
    assert.deepEqual(verdicts, ['restart', 'restart', 'restart', 'restart', 'give-up']);
    assert.equal(budget.recentCrashes, DEFAULT_CRASH_BUDGET.maxRestarts + 1);
  });

  it('forgets crashes older than the window', () => {
    const budget = new CrashBudget();
    for (const t of [0, 1, 2, 3]) assert.equal(budget.recordCrash(t * MINUTE), 'restart');
    // The crash at minute 0 is more than 3 minutes before this one: four crashes remain in the window.
    assert.equal(budget.recordCrash(3 * MINUTE + 1), 'restart');
    assert.equal(budget.recentCrashes, 4);
  });

  it('a server that crashes every few minutes is always restarted', () => {
    const budget = new CrashBudget();
    for (let i = 0; i < 20; i++) assert.equal(budget.recordCrash(i * 4 * MINUTE), 'restart');
    assert.equal(budget.recentCrashes, 1);
  });

  it('reset gives a full budget back', () => {
    const budget = new CrashBudget({ maxRestarts: 1, windowMs: MINUTE });
    assert.equal(budget.recordCrash(0), 'restart');
    assert.equal(budget.recordCrash(1), 'give-up');
    budget.reset();
    assert.equal(budget.recordCrash(2), 'restart');
  });
});
