/**
 * A view's manifest set, made from the last one of the same view when only a few of its files
 * changed (`with`), not anew. A set made anew has no parent, so its analysis joins every file
 * again and compares every file with the last analysis'; a set made by `with` says which files
 * differ (`changesSince`), and the analysis patches what the last one computed. In istio (265
 * views), an edit rebuilt every view's join: 2–4 s of CPU per keystroke, 40 % of it garbage.
 */
import type { FileModel } from '../model/fileModel';
import { ManifestSet } from '../model/manifestSet';

/** Beyond this many changed files, a set is made anew (the analysis would join again anyway). */
const MAX_CHANGED = 16;

interface Made {
  readonly files: readonly FileModel[];
  readonly set: ManifestSet;
}

export class ViewSets {
  private last = new Map<string, Made>();
  private next = new Map<string, Made>();

  /** The set of view `id` holding `files` (listed in a stable order: compared with the last list entry by entry). */
  of(id: string, files: readonly FileModel[], version: number): ManifestSet {
    const set = derived(this.last.get(id), files) ?? new ManifestSet(files, version);
    this.next.set(id, { files, set });
    return set;
  }

  /** Ends a computation of the views: the sets made since are the ones the next reuses. */
  done(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

/** The last set with the files changed since, when the list differs only in models of the same uris. */
function derived(previous: Made | undefined, files: readonly FileModel[]): ManifestSet | undefined {
  if (!previous || previous.files.length !== files.length) return undefined;
  const changed: FileModel[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as FileModel;
    const before = previous.files[i] as FileModel;
    if (before === f) continue;
    if (before.uri !== f.uri || changed.length === MAX_CHANGED) return undefined;
    changed.push(f);
  }
  let set = previous.set;
  for (const f of changed) set = set.with(f);
  return set;
}
