/**
 * The diagnostics publisher waits after a change as long as its last run took, within bounds:
 * quick runs follow a keystroke at once, slow ones take the keystrokes typed meanwhile together.
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
  it('is fixed without a lower bound', () => {
    assert.equal(debounceDelay(4, { debounceMs: 150 }), 150);
    assert.equal(debounceDelay(undefined, { debounceMs: 0 }), 0);
  });
});
