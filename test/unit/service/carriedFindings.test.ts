/**
 * The fast publish after an edit carries the cross-file findings last published for the file
 * through the edit: a finding every offset of which (range, related locations, fix edits) lies
 * outside the replaced region, not at its edge, is kept (moved by the edit's length when after
 * it); any other is dropped, as is one pointing into another file whose change cannot be followed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFileModel, type FileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';
import type { ResolvedFinding } from '../../../server/src/rules/runRules';
import type { RelatedData } from '../../../server/src/rules/types';
import { carriedFindings, type PublishedFindings } from '../../../server/src/service/carriedFindings';

const A = 'file:///ws/a.yaml';
const B = 'file:///ws/b.yaml';
const BEFORE = 'aaaa bbbb cccc dddd\n';
// "bbbb" (5–9) becomes "bXXbb": the region replaced is 6–6 in the old text, 6–8 in the new one.
const AFTER = 'aaaa bXXbbb cccc dddd\n';
const OTHER = 'kind: Other\nname: x\n';

function finding(message: string, start: number, end: number, extra: { related?: RelatedData[]; fixEdits?: [number, number][] } = {}): ResolvedFinding {
  return {
    ruleId: 'policy-selects-nothing',
    severity: 'warning',
    message,
    start,
    end,
    ...(extra.related ? { related: extra.related } : {}),
    ...(extra.fixEdits ? { fixes: [{ title: 'fix', edits: extra.fixEdits.map(([s, e]) => ({ start: s, end: e, newText: 'x' })) }] } : {}),
  };
}

/** What was published for `a` at BEFORE: the models its related locations were read in, in order. */
function published(a: FileModel, b: FileModel | undefined, findings: ResolvedFinding[]): PublishedFindings {
  return { file: a, findings, related: findings.flatMap((f) => (f.related ?? []).map((r) => (r.uri === A ? a : b))) };
}

/** `bNow`: the other file's model now (undefined: unchanged; null: gone). */
function carry(findings: ResolvedFinding[], bNow?: FileModel | null): ResolvedFinding[] {
  const before = buildFileModel(A, BEFORE, 1);
  const bBefore = buildFileModel(B, OTHER, 1);
  const now = buildFileModel(A, AFTER, 2);
  const manifests = new ManifestSet(bNow === null ? [now] : [now, bNow ?? bBefore], 2);
  return carriedFindings(published(before, bBefore, findings), now, manifests, () => true);
}

describe('cross-file findings carried through an edit', () => {
  it('keeps a finding before the edited region where it was, and moves one after it by the edit length', () => {
    const out = carry([finding('before', 0, 4), finding('after', 10, 14)]);
    assert.deepEqual(
      out.map((f) => [f.message, f.start, f.end, AFTER.slice(f.start, f.end)]),
      [
        ['before', 0, 4, 'aaaa'],
        ['after', 12, 16, 'cccc'],
      ],
    );
  });

  it('drops a finding inside the edited region or touching its edge', () => {
    assert.deepEqual(carry([finding('inside', 5, 9), finding('ends at the edit', 2, 6), finding('starts at the edit', 6, 9)]), []);
  });

  it('moves related locations and fix edits in the file with it, and drops the finding when one of them touches the region', () => {
    const related: RelatedData[] = [{ uri: A, start: 15, end: 19, message: 'there' }];
    const out = carry([finding('moved with related', 0, 4, { related, fixEdits: [[10, 14]] }), finding('related in the edit', 0, 4, { related: [{ uri: A, start: 5, end: 9, message: 'x' }] }), finding('fix in the edit', 0, 4, { fixEdits: [[6, 7]] })]);
    assert.equal(out.length, 1);
    const [kept] = out;
    assert.deepEqual(kept?.related?.map((r) => AFTER.slice(r.start, r.end)), ['dddd']);
    assert.deepEqual(kept?.fixes?.[0]?.edits.map((e) => AFTER.slice(e.start, e.end)), ['cccc']);
  });

  it('keeps related locations in another file while that file is unchanged, moves them with its edit, and drops the finding when it is gone', () => {
    const related: RelatedData[] = [{ uri: B, start: 12, end: 16, message: 'the other' }];
    assert.deepEqual(carry([finding('same other file', 0, 4, { related })]).map((f) => f.related?.[0]?.start), [12]);
    const edited = buildFileModel(B, '# added\n' + OTHER, 2);
    assert.deepEqual(carry([finding('other file edited before it', 0, 4, { related })], edited).map((f) => edited.text.slice(f.related?.[0]?.start, f.related?.[0]?.end)), ['name']);
    const editedAt = buildFileModel(B, 'kind: Other\nnaXme: x\n', 2);
    assert.deepEqual(carry([finding('other file edited at it', 0, 4, { related })], editedAt), []);
    assert.deepEqual(carry([finding('other file gone', 0, 4, { related })], null), []);
  });

  it('carries only the findings the caller keeps (the cross-file ones), in their order', () => {
    const before = buildFileModel(A, BEFORE, 1);
    const now = buildFileModel(A, AFTER, 2);
    const findings = [finding('one', 0, 4), { ...finding('file-scope', 10, 14), ruleId: 'ipblock-invalid-cidr' as const }, finding('two', 15, 19)];
    const out = carriedFindings(published(before, undefined, findings), now, new ManifestSet([now], 2), (f) => f.ruleId === 'policy-selects-nothing');
    assert.deepEqual(out.map((f) => f.message), ['one', 'two']);
  });
});
