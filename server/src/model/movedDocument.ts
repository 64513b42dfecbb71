import type { DocumentModel } from './fileModel';
import type { DocumentSlice } from './splitDocuments';
import { shiftTree } from './shiftTree';
import type { ParseProblem, YNode } from './yamlTree';

/**
 * A document an edit only moved (same text, another place in its file). Its tree, offsets moved,
 * is copied when first read: a document moved by keystrokes that no diagnostics run reads in
 * between is copied once, from the last document whose tree was made (so no chain of versions is
 * held either). A class, not an object literal with a getter: a keystroke near the top of a
 * bundle of 5,000 documents makes one per later document, and a literal's accessor made each
 * about a hundred times dearer.
 */
class MovedDocument implements DocumentModel {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly textHash: number;
  readonly problems: readonly ParseProblem[];
  readonly isKubernetes: boolean;
  readonly templated: boolean;
  readonly expanded: boolean;
  readonly lean: boolean;
  /** The document whose tree this one's is a moved copy of, until that copy is made. */
  #source: DocumentModel | undefined;
  #root: YNode | undefined;

  constructor(source: DocumentModel, slice: DocumentSlice, problems: readonly ParseProblem[]) {
    this.index = slice.index;
    this.start = slice.start;
    this.end = slice.end;
    this.text = source.text;
    this.textHash = source.textHash;
    this.problems = problems;
    this.isKubernetes = source.isKubernetes;
    this.templated = source.templated;
    this.expanded = source.expanded;
    this.lean = source.lean;
    this.#source = source;
  }

  get root(): YNode | undefined {
    const source = this.#source;
    if (source) {
      const from = source.root;
      this.#root = from ? shiftTree(from, this.start - source.start, source.expanded) : undefined;
      this.#source = undefined;
    }
    return this.#root;
  }

  /** The document to copy the tree from: this one's source while its own copy is not made. */
  get origin(): DocumentModel {
    return this.#source ?? this;
  }
}

/** The document at the place of `slice`, which holds the same text as `doc`. */
export function relocate(doc: DocumentModel, slice: DocumentSlice): DocumentModel {
  const shift = slice.start - doc.start;
  const problems = doc.problems.length === 0 ? doc.problems : doc.problems.map((p) => ({ ...p, start: p.start + shift, end: p.end + shift }));
  return new MovedDocument(doc instanceof MovedDocument ? doc.origin : doc, slice, problems);
}
