/**
 * Ports are worded one way wherever a user reads them in the editor: a matrix cell, its
 * explanation, the compare view and the hover all say `all ports` (and `TCP 80, 443 · UDP 53`),
 * while the CLI's netpol-analyzer-compatible listing (and the matrix's export of it) keeps
 * netpol-analyzer's `All Connections`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { WorkspaceAnalysis } from '../../../server/src/analysis/workspaceAnalysis';
import { connectivityMatrixData } from '../../../server/src/features/connectivityMatrixData';
import { explainTraffic } from '../../../server/src/features/explainTraffic';
import { hoverAt } from '../../../server/src/features/hover';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';
import { MATRIX_LEGEND } from '../../../client/src/commands/matrixHtml';

const TEXT = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec:
  containers: [{name: c, image: postgres}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: web}}
    ports: [{port: 5432}, {port: 53, protocol: UDP}]
`;

const file = buildFileModel('file:///shop.yaml', TEXT, 1);
const analysis = new WorkspaceAnalysis(new ManifestSet([file], 1), DEFAULT_SETTINGS);
const matrix = connectivityMatrixData(analysis);
const cell = (src: string, dst: string): string | undefined => {
  const index = (name: string): number => matrix.workloads.findIndex((w) => w.name === name);
  return matrix.cells.find((c) => c.src === index(src) && c.dst === index(dst))?.ports;
};

describe('port wording', () => {
  it('an unrestricted pair: the cell, its explanation and the hover say all ports', () => {
    assert.equal(cell('db', 'web'), 'all ports');
    const x = explainTraffic(analysis, { source: { workload: 'shop/db' }, destination: { workload: 'shop/web' } });
    assert.equal(x.summary, 'Allowed: shop/db → shop/web on all ports');
    assert.doesNotMatch(JSON.stringify(matrix.cells), /Connections/);
  });

  it('a restricted pair: the cell reads as the explanation and the hover do', () => {
    assert.equal(cell('web', 'db'), 'TCP 5432 · UDP 53');
    const x = explainTraffic(analysis, { source: { workload: 'shop/web' }, destination: { workload: 'shop/db' } });
    assert.equal(x.summary, 'Allowed: shop/web → shop/db on TCP 5432 · UDP 53');
    const md = hoverAt(analysis, file, TEXT.indexOf('name: db') + 7)?.markdown ?? '';
    assert.match(md, /on TCP 5432 · UDP 53 — /);
  });

  it('the legend explains all ports; the exported listing keeps netpol-analyzer\'s words', () => {
    assert.match(MATRIX_LEGEND, /all ports<\/em>: every port and protocol/);
    assert.ok(matrix.listing.includes('shop/db[Pod] => shop/web[Pod] : All Connections'), matrix.listing.join('\n'));
  });
});
