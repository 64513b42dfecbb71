/**
 * Policies an edit moved without changing them: a keystroke in a file of thousands of documents
 * moves every document after it, and each moved document is a new tree (offsets are file
 * offsets). A per-policy rule's findings for such a policy are the previous ones moved with the
 * text, when what they were computed from is unchanged: the policy's document and the text around
 * it (a fix reads the lines around the nodes it edits; `detectLayout` reads the file's line-break
 * style), and every offset they hold lies outside the edited region of its file.
 */
import { heldText, heldTextReadBack, type FileModel } from '../../model/fileModel';
import { changeBetween, holdsCrlf } from '../../model/pieceText';
import type { TextChange } from '../../model/textChange';
import type { YMap } from '../../model/yamlTree';
import type { Finding } from '../types';

/** Per file whose model changed: how its text changed, or undefined when findings cannot follow it. */
export type FileMoves = ReadonlyMap<string, TextChange | undefined>;

/** Files the edits changed, from the files two analyses' policies were read from. */
export class FileMovesBuilder {
  private readonly moves = new Map<string, TextChange | undefined>();

  /** The change from `before` to `now` of the file `uri` (computed once per file). */
  change(uri: string, before: FileModel | undefined, now: FileModel | undefined): TextChange | undefined {
    if (before === now) return undefined;
    if (this.moves.has(uri)) return this.moves.get(uri);
    // A text let go is read back (a file just opened: its disk model's); one that changed on disk
    // since gives no change to follow (the file is read whole).
    // (An editor's texts are compared in the pieces that differ, never joined.)
    const old = before && heldTextReadBack(before);
    const text = now && heldTextReadBack(now);
    const change = old !== undefined && text !== undefined && holdsCrlf(old) === holdsCrlf(text) ? changeBetween(old, text) : undefined;
    this.moves.set(uri, change);
    return change;
  }

  get result(): FileMoves {
    return this.moves;
  }
}

/**
 * Whether the document holding `node`, with the text between it and its neighbours, lies outside
 * the edited region of `file` (so the policy's tree and the text its fixes read are unchanged).
 */
export function untouched(file: FileModel, node: YMap, change: TextChange): boolean {
  const docs = file.documents;
  let low = 0;
  let high = docs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((docs[mid]?.start ?? 0) <= node.start) low = mid;
    else high = mid - 1;
  }
  const doc = docs[low];
  if (!doc || node.start < doc.start || node.end > doc.end) return false;
  const from = docs[low - 1]?.end ?? 0;
  const to = docs[low + 1]?.start ?? heldText(file).length;
  return change.newEnd < from || change.start > to;
}

/** Where an offset of the new text was in the old one (outside the edited region). */
export function offsetBefore(change: TextChange, offset: number): number {
  return offset > change.newEnd ? offset - change.newEnd + change.oldEnd : offset;
}

/**
 * Findings moved with the edits of their files (`uri`: the policy's file, where ranges and fix
 * edits are): the same array when no offset moved, undefined when an offset lies in or at the
 * edge of an edited region, or in a changed file whose change is not known.
 */
export function moveFindings(findings: readonly Finding[], uri: string, moves: FileMoves): readonly Finding[] | undefined {
  let failed = false;
  let moved = false;
  const at = (u: string, offset: number): number => {
    if (!moves.has(u)) return offset;
    const change = moves.get(u);
    if (!change || (offset >= change.start && offset <= change.oldEnd)) {
      failed = true;
      return offset;
    }
    if (offset < change.start || change.newEnd === change.oldEnd) return offset;
    moved = true;
    return offset + change.newEnd - change.oldEnd;
  };
  const out = findings.map((f) => ({
    ...f,
    start: at(uri, f.start),
    end: at(uri, f.end),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, start: at(r.uri, r.start), end: at(r.uri, r.end) })) } : {}),
    ...(f.fixes ? { fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: at(uri, e.start), end: at(uri, e.end) })) })) } : {}),
  }));
  if (failed) return undefined;
  return moved ? out : findings;
}

/**
 * The policies of `now` whose node `before` does not know but which are a node of `before` moved
 * by an edit of their file, with the document and the text around it unchanged: new node → old.
 */
export function matchMoved<S extends { readonly uri: string; readonly file: FileModel | undefined }>(
  /** The policies of the changed files, before and now (every policy when those are not known). */
  beforeChanged: Iterable<[YMap, S]>,
  nowChanged: Iterable<[YMap, S]>,
  before: Pick<ReadonlyMap<YMap, S>, 'has'>,
  now: Pick<ReadonlyMap<YMap, S>, 'has'>,
  moves: FileMovesBuilder,
): Map<YMap, YMap> {
  const out = new Map<YMap, YMap>();
  const unmatched = new Map<string, [YMap, S][]>();
  for (const [node, s] of nowChanged) {
    if (before.has(node)) continue;
    const list = unmatched.get(s.uri);
    if (list) list.push([node, s]);
    else unmatched.set(s.uri, [[node, s]]);
  }
  if (unmatched.size === 0) return out;
  // The old nodes of those files that `now` lost, by where they started (undefined: two did).
  const olds = new Map<string, { file: FileModel | undefined; byStart: Map<number, YMap | undefined> }>();
  for (const [node, s] of beforeChanged) {
    if (!unmatched.has(s.uri) || now.has(node)) continue;
    let entry = olds.get(s.uri);
    if (!entry) olds.set(s.uri, (entry = { file: s.file, byStart: new Map() }));
    entry.byStart.set(node.start, entry.byStart.has(node.start) ? undefined : node);
  }
  for (const [uri, list] of unmatched) {
    const old = olds.get(uri);
    for (const [node, s] of list) {
      const change = old && s.file ? moves.change(uri, old.file, s.file) : undefined;
      if (!old || !s.file || !change || !untouched(s.file, node, change)) continue;
      const was = old.byStart.get(offsetBefore(change, node.start));
      if (was && was.end - was.start === node.end - node.start) out.set(node, was);
    }
  }
  return out;
}
