/**
 * Typing in a file of many documents (a rendered bundle): the model of an edit reuses the split,
 * line index, parse and objects of the documents the edit did not touch, and the findings service
 * reuses their file-scope findings (moved with them) and their extraction. Property: after any
 * sequence of keystrokes, deletions and pastes anywhere in such a file (document markers, comments
 * and line breaks included), the model is the one a fresh read of the text gives, and a long-lived
 * service and publisher give every file exactly the findings a fresh service computes, offsets
 * included. Typed as a string (the model finds the change by comparing texts) and through the
 * editor's store (`EditorTexts`: the text in pieces, the change as the editor sent it).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { buildFileModel, type FileModel } from '../../../server/src/model/fileModel';
import { splitDocuments } from '../../../server/src/model/splitDocuments';
import { FindingsService } from '../../../server/src/service/findingsService';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { EditorTexts } from '../../../server/src/workspace/editorTexts';
import type { PieceText } from '../../../server/src/model/pieceText';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseAnnotations } from '../../support/annotations';
import { recordingPublisher } from '../../support/recordingPublisher';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'rules');

/** Every document of the rule fixtures: each holds what some rule reports (or must not). */
const POOL: readonly string[] = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.yaml'))
  .sort()
  .flatMap((p) => splitDocuments(parseAnnotations(readFileSync(join(FIXTURES, p), 'utf8')).text).map((d) => d.text));

const BUNDLE = 'file:///ws/bundle.yaml';
const OTHER = 'file:///ws/other.yaml';

const bundleArb = fc.array(fc.nat(POOL.length - 1), { minLength: 3, maxLength: 10 }).map((picks) => picks.map((i) => POOL[i] as string).join('---\n'));

type Edit = { at: number; remove: number; insert: string };

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 5, max: 200 }) }),
  insert: fc.oneof(
    fc.constantFrom('', '1', 'x', ' ', ':', '/', '#', '\n', '\r\n', '-', '---\n', '\n---\n', '...\n', '  - ', 'app: web\n', '&a ', '*a'),
    fc.nat(POOL.length - 1).map((i) => `---\n${POOL[i] as string}`),
  ),
});

function applyEdit(text: string, edit: Edit): string {
  const { at, end } = editRange(text, edit);
  return text.slice(0, at) + edit.insert + text.slice(end);
}

/** Where an edit applies; never between the `\r` and `\n` of a line break (no editor position is there). */
function editRange(text: string, edit: Edit): { at: number; end: number } {
  const inBreak = (o: number): boolean => text[o - 1] === '\r' && text[o] === '\n';
  let at = Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
  if (inBreak(at)) at--;
  let end = Math.min(text.length, at + edit.remove);
  if (inBreak(end)) end--;
  return { at, end: Math.max(at, end) };
}

/** How the editor's text reaches the index: a string, or the store's pieces (short ones: many per bundle). */
type Typing = 'string' | 'editor';

function typist(typing: Typing, initial: string): (text: string, edit: Edit, version: number) => string | PieceText {
  if (typing === 'string') return (text, edit) => applyEdit(text, edit);
  const store = new EditorTexts(64);
  store.didOpen(BUNDLE, 'yaml', 1, initial);
  return (text, edit, version) => {
    const { at, end } = editRange(text, edit);
    const lines = TextDocument.create(BUNDLE, 'yaml', 1, text);
    const typed = store.didChange(BUNDLE, version, [{ range: { start: lines.positionAt(at), end: lines.positionAt(end) }, text: edit.insert }]);
    return (typed as { text: PieceText }).text;
  };
}

/** What a model says, offsets included (not which objects it reused); `lines`: its line index too. */
function modelView(model: FileModel, withLines: boolean): unknown {
  const lines = [];
  if (withLines) for (let line = 0; line < model.lineIndex.lineCount; line++) lines.push(model.lineIndex.lineStart(line));
  return {
    documents: model.documents.map((d) => ({ ...d, root: d.root })),
    objects: model.objects,
    problems: model.problems,
    skipped: model.skipped,
    lines,
  };
}

describe('editing a file of many documents', () => {
  for (const typing of ['string', 'editor'] as const) {
    it(`the model of each edit is a fresh read, and a long-lived service and publisher give every file what a fresh service does (typed as ${typing === 'string' ? 'a string' : "the editor's pieces"})`, async () => {
      await typingHoldsToFreshReads(typing);
    });
  }
});

async function typingHoldsToFreshReads(typing: Typing): Promise<void> {
  {
    const settings = DEFAULT_SETTINGS;
    const failOnError = (): FindingsService => new FindingsService((rule, error) => assert.fail(`${rule.id} threw: ${String(error)}`));
    await fc.assert(
      fc.asyncProperty(bundleArb, bundleArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), async (initial, other, edits) => {
        const index = new WorkspaceIndex();
        index.setDiskTexts([
          { uri: BUNDLE, text: initial },
          { uri: OTHER, text: other },
        ]);
        const service = failOnError();
        const published = recordingPublisher(index, settings, failOnError());
        let text = initial;
        let version = 1;
        const type = typist(typing, initial);
        index.openDocument(BUNDLE, text, version);
        for (const [k, edit] of edits.entries()) {
          const typed = type(text, edit, ++version);
          text = applyEdit(text, edit);
          const model = index.changeDocument(BUNDLE, typed, version);
          const step = `edit ${k} ${JSON.stringify(edit)}\n${text}`;
          // Every other edit leaves the line index unbuilt, as keystrokes faster than diagnostics do.
          const settle = k % 2 === 1 || k === edits.length - 1;
          assert.deepEqual(modelView(model, settle), modelView(buildFileModel(BUNDLE, text, version), settle), step);
          if (!settle) continue;
          assert.equal(model.text, text, step);
          const manifests = index.manifests;
          const fresh = failOnError();
          for (const f of manifests.files()) assert.deepEqual(service.findings(f.uri, manifests, settings), fresh.findings(f.uri, manifests, settings), `${step}: ${f.uri}`);
          // Its own diagnostics first (the cross-file ones carried through the edits), then the run's.
          await published.fast(BUNDLE, step);
          await published.settle();
          published.assertFresh(step);
        }
      }),
      { numRuns: 30 },
    );
  }
}
