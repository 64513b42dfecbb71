/**
 * Hovers on policies the API server would reject or that do not mean what they seem: an empty
 * peer, rules of a direction the policy does not govern, an invalid CIDR, an invalid protocol,
 * a port given as a list. Each says what happens instead of throwing or staying silent. A workload
 * allowed by very many rules gets a hover of readable length.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { WorkspaceAnalysis } from '../../../server/src/analysis/workspaceAnalysis';
import { hoverAt } from '../../../server/src/features/hover';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: solo
  namespace: ns
  labels: {app: solo}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: odd
  namespace: ns
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
  - from:
    - {}
    - ipBlock: {cidr: 10.0.0.0/33}
    ports:
    - protocol: tcp
      port: 80
    - port: [80]
  egress:
  - ports:
    - port: 53
`;

const file = buildFileModel('file:///odd.yaml', TEXT, 1);
const analysis = new WorkspaceAnalysis(new ManifestSet([file], 1), DEFAULT_SETTINGS);
const hover = (needle: string, shift = 1): string | undefined => hoverAt(analysis, file, TEXT.indexOf(needle) + shift)?.markdown;

describe('hover edge cases', () => {
  it('an empty peer matches nothing', () => {
    assert.match(hover('- {}', 2) ?? '', /^⚠ \*\*The API server rejects this policy: it is never in force\.\*\* `peer-invalid`/);
    assert.match(hover('- {}', 2) ?? '', /^\*\*Peer `ingress\[0\]\.from\[0\]`\*\* is empty: it matches nothing/m);
  });

  it('an invalid CIDR matches nothing', () => {
    assert.match(hover('cidr: 10') ?? '', /`10\.0\.0\.0\/33` is not a valid CIDR: this peer matches nothing/);
  });

  it('an invalid protocol and a port given as a list match nothing', () => {
    assert.match(hover('protocol: tcp') ?? '', /^\*\*Matches nothing\*\*: protocol `tcp` is not one of TCP, UDP, SCTP/m);
    assert.match(hover('port: [80]') ?? '', /^\*\*Matches nothing\*\*/m);
  });

  it('rules of a direction the policy does not govern are called ignored', () => {
    assert.match(hover('port: 53') ?? '', /^\*\*Ignored\*\*: \[ns\/odd\]\(file:\/\/\/odd\.yaml#L11\) does not list `Egress` in its policyTypes/m);
  });

  it('while the workspace is still being read, the first line says the answer may change', () => {
    const offset = file.text.indexOf('name: solo');
    const partial = hoverAt(analysis, file, offset, { indexed: 40, total: 1200 })?.markdown ?? '';
    assert.match(partial, /^_Still reading the workspace \(40\/1200 files\): this answer may change\._\n\n\*\*Pod ns\/solo\*\*/);
    assert.doesNotMatch(hoverAt(analysis, file, offset)?.markdown ?? '', /Still reading/);
  });

  it('a Pod is a workload, and its hover shows the empty peer as matching nothing', () => {
    const md = hover('name: solo') ?? '';
    assert.match(md, /^\*\*Pod ns\/solo\*\* — ingress: isolated · egress: all allowed/);
    assert.match(md, /from an empty peer, which matches nothing/);
  });
});

describe('a workload many rules allow', () => {
  const policies = Array.from(
    { length: 30 },
    (_, i) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p${i}
  namespace: ns
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
  - from:
    - ipBlock: {cidr: 10.${i}.0.0/16}
`,
  );
  const text = ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  namespace: ns\n', ...policies].join('---\n');
  const many = buildFileModel('file:///many.yaml', text, 1);
  const md = hoverAt(new WorkspaceAnalysis(new ManifestSet([many], 1), DEFAULT_SETTINGS), many, text.indexOf('name: solo') + 1)?.markdown ?? '';

  it('lists 4 allowed peers per direction, then says how many more there are and where all are listed', () => {
    assert.equal(md.split('\n').filter((l) => l.startsWith('- from addresses')).length, 4);
    assert.match(md, /\n- and 26 more: \*\*Netpol Lens: Show connectivity matrix\*\* or \*\*Explain traffic…\*\* lists every one, as do the hovers on the rules\n/);
    assert.match(md, /\*\*Ingress\*\* — isolated by 30 policies/);
  });
});
