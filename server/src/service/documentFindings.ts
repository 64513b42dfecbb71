/**
 * The file-scope findings of a file, computed one document at a time, so that an edit of a file of
 * thousands of documents (a rendered bundle) checks only the document it touched: the others get
 * the findings computed for them before, moved by the edit's length when they moved.
 *
 * A file-scope rule reads its document, the text around its nodes and, for fixes, whether the
 * file uses CRLF line breaks (`detectLayout`); the rules marked `wholeFile` read other documents
 * too and run over the whole file every time. So a document's findings are reused when these
 * inputs, recorded with them, are unchanged: the document's text, the text between it and its
 * neighbours (a rule may read just past a node, and the last document's neighbour is the file's
 * end), the line-break style, and the settings. Nothing is invalidated by hand.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { fullDocument, heldText, objectsOfDocument, textReleasable, withDocuments, type DocumentModel, type FileModel } from '../model/fileModel';
import { holdsCrlf } from '../model/pieceText';
import type { K8sObject } from '../model/k8sObject';
import { orNone } from '../collections/none';
import { runRules, sortFindings, type ResolvedFinding } from '../rules/runRules';
import type { Rule, RuleContext } from '../rules/types';

interface DocumentEntry {
  readonly start: number;
  readonly gapBefore: string;
  readonly gapAfter: string;
  readonly findings: readonly ResolvedFinding[];
}

interface FileEntries {
  readonly settings: NetpolLensSettings;
  readonly crlf: boolean;
  /** By document text (documents with the same text: the last one computed). */
  readonly documents: Map<string, DocumentEntry>;
}

export class DocumentFindings {
  private readonly files = new Map<string, FileEntries>();

  constructor(private readonly rules: readonly Rule[]) {}

  /** The file-scope findings of `ctx.file`, in file order. */
  findings(ctx: RuleContext, onError: (rule: Rule, error: unknown) => void): ResolvedFinding[] {
    const { file, settings } = ctx;
    if (file.skipped) return [];
    const perDocument = this.rules.filter((r) => !r.wholeFile);
    const out: ResolvedFinding[] = runRules(ctx, this.rules.filter((r) => r.wholeFile === true), onError);
    // (An editor's text in pieces is read between documents only, never joined.)
    const text = heldText(file);
    const crlf = holdsCrlf(text);
    const before = this.files.get(file.uri);
    const reusable = before && before.settings === settings && before.crlf === crlf ? before.documents : undefined;
    const documents = new Map<string, DocumentEntry>();
    // The objects of a document checked again: on a first read the file's own (shared with the
    // extraction); after an edit that document's alone, the same objects made again, since reading
    // every object of a model whose documents an edit moved copies each one's tree (`relocate`).
    let objects: Map<number, K8sObject[]> | undefined;
    // The context as given, its analysis read only if a rule asks (a spread would make it).
    const { manifests } = ctx;
    // The text after one document is the text before the next: one string for both entries.
    let gapAfter = text.slice(0, file.documents[0]?.start ?? 0);
    file.documents.forEach((doc, i) => {
      const gapBefore = gapAfter;
      gapAfter = text.slice(doc.end, file.documents[i + 1]?.start ?? text.length);
      const known = reusable?.get(doc.text);
      let findings: readonly ResolvedFinding[];
      if (known && known.gapBefore === gapBefore && known.gapAfter === gapAfter) {
        findings = moved(known.findings, doc.start - known.start, file.uri);
      } else {
        // The file-scope rules read every field: they get the full tree of a lean document.
        const full = fullDocument(doc);
        const own = full === doc && !reusable ? ((objects ??= objectsByDocument(file)).get(doc.index) ?? []) : objectsOfDocument(file.uri, full);
        const single = withDocuments(file, [full], own, doc.isKubernetes ? doc.problems : []);
        findings = runRules(
          {
            file: single,
            manifests,
            settings,
            get analysis() {
              return ctx.analysis;
            },
          },
          perDocument,
          onError,
        );
      }
      if (findings.every((f) => inDocument(f, doc, file.uri))) documents.set(doc.text, { start: doc.start, gapBefore, gapAfter, findings: orNone(findings) });
      out.push(...findings);
    });
    // A file read from disk is not edited: its next model is read whole (`buildFileModel`), and
    // entries kept would keep its text, which the model lets go.
    if (textReleasable(file)) this.files.delete(file.uri);
    else this.files.set(file.uri, { settings, crlf, documents });
    return sortFindings(out);
  }

  /** Forgets the files `keep` says are gone. */
  prune(keep: (uri: string) => boolean): void {
    for (const uri of this.files.keys()) if (!keep(uri)) this.files.delete(uri);
  }
}

function objectsByDocument(file: FileModel): Map<number, K8sObject[]> {
  const out = new Map<number, K8sObject[]>();
  for (const o of file.objects) {
    const list = out.get(o.docIndex);
    if (list) list.push(o);
    else out.set(o.docIndex, [o]);
  }
  return out;
}

/** Every offset of the finding (range, related locations in the file, fix edits) lies in the document. */
function inDocument(f: ResolvedFinding, doc: DocumentModel, uri: string): boolean {
  const inside = (start: number, end: number): boolean => start >= doc.start && end <= doc.end;
  return (
    inside(f.start, f.end) &&
    (f.related ?? []).every((r) => r.uri === uri && inside(r.start, r.end)) &&
    (f.fixes ?? []).every((fix) => fix.edits.every((e) => inside(e.start, e.end)))
  );
}

/** The findings of a document that moved by `delta` in its file. */
function moved(findings: readonly ResolvedFinding[], delta: number, uri: string): readonly ResolvedFinding[] {
  if (delta === 0) return findings;
  return findings.map((f) => ({
    ...f,
    start: f.start + delta,
    end: f.end + delta,
    ...(f.related ? { related: f.related.map((r) => (r.uri === uri ? { ...r, start: r.start + delta, end: r.end + delta } : r)) } : {}),
    ...(f.fixes ? { fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) })) } : {}),
  }));
}
