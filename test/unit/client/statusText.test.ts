/** Status bar wording: starting, indexing n/N, counts of findings, none, stopped. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StatusParams } from '../../../shared/src/protocol';
import { describeStatus } from '../../../client/src/statusText';

const status = (s: Partial<StatusParams>): StatusParams => ({ state: 'ready', indexed: 10, total: 10, errors: 0, warnings: 0, others: 0, ...s });

describe('describeStatus', () => {
  it('shows a spinner while the server starts, before any status arrives', () => {
    const v = describeStatus('starting', undefined);
    assert.equal(v.text, '$(sync~spin) Netpol Lens: starting');
    assert.equal(v.action, 'showOutput');
    assert.equal(describeStatus('running', undefined).text, v.text);
  });

  it('shows indexing progress as n/N', () => {
    const v = describeStatus('running', status({ state: 'indexing', indexed: 12, total: 345, errors: 1 }));
    assert.equal(v.text, '$(sync~spin) Netpol Lens: indexing 12/345');
    assert.match(v.tooltip, /12 of 345 files/);
    assert.match(v.tooltip, /1 error, 0 warnings/);
  });

  it('says indexing without counts until files are found', () => {
    assert.equal(describeStatus('running', status({ state: 'indexing', indexed: 0, total: 0 })).text, '$(sync~spin) Netpol Lens: indexing');
  });

  it('shows errors and warnings with singular and plural', () => {
    assert.equal(describeStatus('running', status({ errors: 2, warnings: 1 })).text, '$(shield) Netpol Lens: 2 errors, 1 warning');
    assert.equal(describeStatus('running', status({ errors: 0, warnings: 3 })).text, '$(shield) Netpol Lens: 0 errors, 3 warnings');
    const v = describeStatus('running', status({ errors: 1, warnings: 0, others: 4 }));
    assert.equal(v.action, 'showProblems');
    assert.match(v.tooltip, /1 error, 0 warnings, 4 other findings in 10 indexed files/);
  });

  it('shows a check when there are no errors or warnings, hints only in the tooltip', () => {
    const v = describeStatus('running', status({ others: 1, total: 1 }));
    assert.equal(v.text, '$(check) Netpol Lens');
    assert.match(v.tooltip, /no errors or warnings in 1 indexed file \(1 other finding\)/);
    assert.equal(v.alarming, false);
  });

  it('offers a restart when the server is stopped, whatever was last reported', () => {
    const v = describeStatus('stopped', status({ errors: 5 }));
    assert.equal(v.text, '$(error) Netpol Lens: stopped');
    assert.equal(v.action, 'restartServer');
    assert.equal(v.alarming, true);
  });
});
