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
  /** The document whose objects this one's are moved copies of, until they are made (`takeMovedFrom`). */
  #from: DocumentModel | undefined;

  constructor(source: DocumentModel, slice: DocumentSlice, problems: readonly ParseProblem[], from: DocumentModel | undefined) {
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
    this.#from = from;
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

  /** The document to take objects from: this one's `from` while its own objects are not made. */
  get objectsFrom(): DocumentModel {
    return this.#from ?? this;
  }

  takeFrom(): DocumentModel | undefined {
    const from = this.#from;
    this.#from = undefined;
    return from;
  }
}

/**
 * For the first reader of a moved document's objects: the document (of an earlier version, same
 * text) whose objects they are moved copies of, once; undefined for any other document.
 */
export function takeMovedFrom(doc: DocumentModel): DocumentModel | undefined {
  return doc instanceof MovedDocument ? doc.takeFrom() : undefined;
}

/**
 * The document at the place of `slice`, which holds the same text as `doc`. `follows`: `doc` is
 * this document of the previous version (not another document of the same text), so its objects
 * are this one's objects moved.
 */
export function relocate(doc: DocumentModel, slice: DocumentSlice, follows: boolean): DocumentModel {
  const shift = slice.start - doc.start;
  const problems = doc.problems.length === 0 ? doc.problems : doc.problems.map((p) => ({ ...p, start: p.start + shift, end: p.end + shift }));
  const moved = doc instanceof MovedDocument;
  return new MovedDocument(moved ? doc.origin : doc, slice, problems, follows ? (moved ? doc.objectsFrom : doc) : undefined);
}
