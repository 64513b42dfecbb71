/**
 * Cross-file findings carried through an edit, for the fast publish that follows a change to an
 * open file before the cross-file run (handlers/diagnosticsPublisher.ts): the findings last
 * published for the file, moved with the text.
 *
 * The rule: a finding is carried when every span it holds — its range, its related locations,
 * its fixes' edits — lies wholly outside the region each file's edits replaced since it was
 * published, not even touching its edge, in the file's text as it was then. A span before the
 * region stays; one after it moves by the edit's length. So the carried range covers the very
 * text the finding was computed over, and never lies outside the new text. A finding with a span
 * in, around or at the edge of the region is dropped (typing at the end of a flagged value changes
 * that value), and so is one pointing into a file whose change cannot be followed (gone, or its
 * line-break style changed): the same as the per-policy findings of a policy an edit only moved
 * (rules/crossFile/movedPolicies.ts), where the policy's document lies outside the region too.
 * What a carried finding says is the last cross-file run's judgement,
 * until the next run publishes the exact result.
 */
import type { FileModel } from '../model/fileModel';
import type { ManifestSet } from '../model/manifestSet';
import { FileMovesBuilder, type FileMoves } from '../rules/crossFile/movedPolicies';
import type { ResolvedFinding } from '../rules/runRules';

/** What was published for a file: its model, its findings, and the model of each related location's file, in order. */
export interface PublishedFindings {
  readonly file: FileModel;
  readonly findings: readonly ResolvedFinding[];
  /** The models the findings' related locations were read in, one per related location in order (undefined: not in the workspace). */
  readonly related: readonly (FileModel | undefined)[];
}

/**
 * The findings of `published` that `keep` selects, carried to the models of `manifests` (`file`:
 * the file's current model), in their order.
 */
export function carriedFindings(
  published: PublishedFindings,
  file: FileModel,
  manifests: ManifestSet,
  keep: (finding: ResolvedFinding) => boolean,
): ResolvedFinding[] {
  const moves = new FileMovesBuilder();
  const uri = file.uri;
  moves.change(uri, published.file, file);
  let k = 0;
  const out: ResolvedFinding[] = [];
  for (const finding of published.findings) {
    for (const r of finding.related ?? []) {
      const then = published.related[k++];
      if (r.uri !== uri) moves.change(r.uri, then, manifests.getFile(r.uri));
    }
    if (!keep(finding)) continue;
    const moved = carried(finding, uri, moves.result);
    if (moved) out.push(moved);
  }
  return out;
}

/** `finding` moved with the edits of its files, or undefined when a span touches an edited region (see above). */
function carried(finding: ResolvedFinding, uri: string, moves: FileMoves): ResolvedFinding | undefined {
  let failed = false;
  const span = <T extends { readonly start: number; readonly end: number }>(s: T, file: string): T => {
    if (!moves.has(file)) return s;
    const change = moves.get(file);
    if (change && s.end < change.start) return s;
    if (change && s.start > change.oldEnd) {
      const delta = change.newEnd - change.oldEnd;
      return delta === 0 ? s : { ...s, start: s.start + delta, end: s.end + delta };
    }
    failed = true;
    return s;
  };
  const out: ResolvedFinding = {
    ...span(finding, uri),
    ...(finding.related ? { related: finding.related.map((r) => span(r, r.uri)) } : {}),
    ...(finding.fixes ? { fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => span(e, uri)) })) } : {}),
  };
  return failed ? undefined : out;
}
