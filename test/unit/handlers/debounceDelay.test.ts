/**
 * The diagnostics publisher waits after a change as long as its last run took, within bounds:
 * quick runs follow a keystroke at once, slow ones take the keystrokes typed meanwhile together.
 * After a run slower than twice the longest wait, the wait is as long as that run (up to
 * `slowDebounceMs`): a run then starts only once typing has paused that long, so it does not
 * block the keystrokes' fast publishes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { debounceDelay } from '../../../server/src/handlers/diagnosticsPublisher';

const options = { debounceMs: 150, minDebounceMs: 25 };

describe('debounce after a change', () => {
  it('is the longest wait before any run has completed', () => {
    assert.equal(debounceDelay(undefined, options), 150);
  });
  it('follows the last run, between the bounds', () => {
    assert.equal(debounceDelay(4, options), 25);
    assert.equal(debounceDelay(61.4, options), 61);
    assert.equal(debounceDelay(900, options), 150);
  });
  it('follows a slow run beyond the longest wait, up to the slow bound', () => {
    const slow = { debounceMs: 75, minDebounceMs: 20, slowDebounceMs: 400 };
    assert.equal(debounceDelay(120, slow), 75, 'a run up to twice the longest wait: the longest wait');
    assert.equal(debounceDelay(150, slow), 75);
    assert.equal(debounceDelay(151, slow), 151);
    assert.equal(debounceDelay(290.4, slow), 290);
    assert.equal(debounceDelay(2_000, slow), 400);
    assert.equal(debounceDelay(2_000, { debounceMs: 75, minDebounceMs: 20 }), 75, 'no slow bound: the longest wait');
  });
  it('is fixed without a lower bound', () => {
    assert.equal(debounceDelay(4, { debounceMs: 150 }), 150);
    assert.equal(debounceDelay(undefined, { debounceMs: 0 }), 0);
  });
});
