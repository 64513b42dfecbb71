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
  /** Each file's index in `files`, made on the first `swap` and handed on (a swap keeps the order). */
  positions?: ReadonlyMap<string, number>;
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

  /**
   * The set of view `id` as it was last made (`before`), with each of the `changed` files it holds
   * replaced by `modelOf` it: the very same set when none is, else derived by `with`. Undefined
   * when `before` is not the set last made for `id` (the caller computes the views afresh).
   */
  swap(id: string, before: ManifestSet, changed: Iterable<string>, modelOf: (uri: string) => FileModel): ManifestSet | undefined {
    const last = this.last.get(id);
    if (last?.set !== before || this.next.has(id)) return undefined;
    const replace = new Map<string, FileModel>();
    for (const uri of changed) {
      const held = before.getFile(uri);
      if (!held) continue;
      const model = modelOf(uri);
      if (model !== held) replace.set(uri, model);
    }
    if (replace.size === 0) {
      this.next.set(id, last);
      return before;
    }
    let set = before;
    for (const f of replace.values()) set = set.with(f);
    const positions = last.positions ?? new Map(last.files.map((f, i) => [f.uri, i]));
    const files = last.files.slice();
    for (const [uri, f] of replace) files[positions.get(uri) as number] = f;
    this.next.set(id, { files, set, positions });
    return set;
  }

  /** Forgets the sets made since the last `done` (a computation given up). */
  abandon(): void {
    this.next = new Map();
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
