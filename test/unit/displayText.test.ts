/**
 * Values in messages as the user wrote them, with what cannot be seen made visible, and no message
 * that grows with the input.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSettings } from '../../shared/src/settings';
import { WorkspaceAnalysis } from '../../server/src/analysis/workspaceAnalysis';
import { buildFileModel } from '../../server/src/model/fileModel';
import { ManifestSet } from '../../server/src/model/manifestSet';
import { ALL_RULES } from '../../server/src/rules/registry';
import { runRules, type ResolvedFinding } from '../../server/src/rules/runRules';
import { capMessage, joinCapped, listText, MAX_MESSAGE_LENGTH, quoted, shown } from '../../server/src/text/displayText';

function check(text: string): ResolvedFinding[] {
  const file = buildFileModel('file:///m.yaml', text, 1);
  const manifests = new ManifestSet([file], 1);
  const settings = normalizeSettings({});
  return runRules({ file, manifests, settings, analysis: new WorkspaceAnalysis(manifests, settings) }, ALL_RULES);
}

describe('displayText', () => {
  it('escapes invisible and control characters, and keeps visible text as written', () => {
    assert.equal(shown('tier\u200b'), 'tier\\u200b');
    assert.equal(shown('a\u0000b\u0007c\u007f'), 'a\\u0000b\\u0007c\\u007f');
    assert.equal(shown('line\nbreak\ttab'), 'line\\nbreak\\ttab');
    assert.equal(shown('no\u00a0break \u202eevil'), 'no\\u00a0break \\u202eevil');
    assert.equal(shown('\ud800x'), '\\ud800x');
    assert.equal(shown('\ufeffbom'), '\\ufeffbom');
    assert.equal(shown('café 中文 \u{1F600} e\u0301'), 'café 中文 \u{1F600} e\u0301');
  });

  it('quotes as kubectl does and cuts long values', () => {
    assert.equal(quoted('say "hi" \\ bye'), '"say \\"hi\\" \\\\ bye"');
    assert.equal(quoted('x'.repeat(200)), `"${'x'.repeat(80)}…"`);
  });

  it('lists end with "and N more"; messages are capped', () => {
    assert.equal(listText(['a', 'b', 'c']), 'a, b and c');
    assert.equal(listText(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3), 'a, b, c and 4 more');
    assert.equal(joinCapped(['a=1', 'b=2', 'c=3'], ',', 2), 'a=1,b=2,… (1 more)');
    const capped = capMessage('y'.repeat(10_000));
    assert.equal(capped.length, MAX_MESSAGE_LENGTH);
    assert.ok(capped.endsWith('…'));
  });
});

const POLICY = (spec: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
${spec}`;

describe('messages built from what the file holds', () => {
  it('a label key with a zero-width space is shown with it escaped', () => {
    const found = check(POLICY('  podSelector: {matchLabels: {"tier\u200b": web}}\n'));
    const message = found.find((f) => f.ruleId === 'selector-invalid')?.message ?? '';
    assert.match(message, /^"tier\\u200b" is not a valid label key/);
    assert.ok(!message.includes('\u200b'), message);
  });

  it('a !!binary value is shown as the text kubectl sends, never as a Buffer in JSON', () => {
    const found = check(POLICY('  podSelector: {}\n  ingress:\n  - ports: [{protocol: !!binary SUNNUA==, port: 80}]\n'));
    const message = found.find((f) => f.ruleId === 'protocol-invalid')?.message ?? '';
    assert.match(message, /"ICMP"/);
    assert.doesNotMatch(message, /Buffer|"data"/);
  });

  it('no message is longer than a few hundred characters, however big the selector', () => {
    const labels = Array.from({ length: 5000 }, (_, i) => `label${i}: value${i}`).join(', ');
    const text = `${POLICY(`  podSelector: {matchLabels: {${labels}}}\n  policyTypes: [Ingress]\n`)}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: a, image: x}]}
`;
    const found = check(text);
    const nothing = found.find((f) => f.ruleId === 'policy-selects-nothing');
    assert.ok(nothing, 'policy-selects-nothing is reported');
    assert.match(nothing.message, /label0=value0,.*… \(4994 more\)/);
    for (const f of found) assert.ok(f.message.length <= MAX_MESSAGE_LENGTH, `${f.ruleId}: ${f.message.length} characters`);
  });
});
