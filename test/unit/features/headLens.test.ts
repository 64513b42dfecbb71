/**
 * The "vs HEAD" lens's wording: what the uncommitted changes open and close, singular and plural
 * right, and whether other changed files are part of the count.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { headLensTitle } from '../../../server/src/features/headLens';

describe('"vs HEAD" lens title', () => {
  it('says what opens and what closes, the noun once', () => {
    assert.equal(headLensTitle({ opened: 3, closed: 1 }, 0), 'vs HEAD: opens 3 paths, closes 1');
    assert.equal(headLensTitle({ opened: 1, closed: 2 }, 0), 'vs HEAD: opens 1 path, closes 2');
  });

  it('one side only: that side, with its noun in the right number', () => {
    assert.equal(headLensTitle({ opened: 1, closed: 0 }, 0), 'vs HEAD: opens 1 path');
    assert.equal(headLensTitle({ opened: 2, closed: 0 }, 0), 'vs HEAD: opens 2 paths');
    assert.equal(headLensTitle({ opened: 0, closed: 1 }, 0), 'vs HEAD: closes 1 path');
    assert.equal(headLensTitle({ opened: 0, closed: 4 }, 0), 'vs HEAD: closes 4 paths');
  });

  it('edits that change nothing say so', () => {
    assert.equal(headLensTitle({ opened: 0, closed: 0 }, 0), 'vs HEAD: no change in connectivity');
  });

  it('names the other changed files the count includes', () => {
    assert.equal(headLensTitle({ opened: 1, closed: 0 }, 1), 'vs HEAD (this file and 1 other): opens 1 path');
    assert.equal(headLensTitle({ opened: 0, closed: 0 }, 3), 'vs HEAD (this file and 3 others): no change in connectivity');
  });
});
