/**
 * A file as the server sees it: its documents, the Kubernetes objects in them, and the problems
 * found while reading. Building one never throws.
 */
import { readFast } from '../yaml/fastReader';
import { parseYamlDocument } from '../yaml/parseYamlDocument';
import { parsesInFull, type K8sObject } from './k8sObject';
import { mayBeJsonStream, splitJsonStream } from './jsonStream';
import { contentHash, fnv1a, textHash } from './contentHash';
import { FileText, type DiskTexts } from './fileText';
import { LineIndex } from './lineIndex';
import { scanHeader, scanMetadataNames, splitDocuments, splitDocumentsAfterEdit, type DocumentSlice, type HeaderField } from './splitDocuments';
import { textChange, type TextChange } from './textChange';
import { NONE, orNone } from '../collections/none';
import { getMap, getScalar, getSeq, getString, isMap, type ParseProblem, type YMap, type YNode, type YScalar } from './yamlTree';
import { scalarNode } from './scalarNode';
import { relocate, takeMovedFrom } from './movedDocument';
import { ownString, withStringPool, type StringPool } from './ownString';
import { leanRoot } from './leanTree';
import { hasTemplatedField } from './templatedFields';
import { isTestAssertion } from './testAssertion';
import { hasTemplateAction, scanTemplateSyntax, type TemplateSyntax } from './templateSyntax';
import { flat, type PieceText, type TextSource } from './pieceText';

export type SkipReason = 'helm-template' | 'test-assertion' | 'binary' | 'too-large' | 'not-yaml';

export interface DocumentModel {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** The document's text; kept to reuse the parse when an edit leaves this document unchanged. */
  readonly text: string;
  /** A hash of `text` (see contentHash.ts: the file's hash is made of its documents'). */
  readonly textHash: number;
  /** Full tree, when the document was parsed in full. */
  readonly root: YNode | undefined;
  readonly problems: readonly ParseProblem[];
  /** True when the document looks like a Kubernetes object (has apiVersion and kind). */
  readonly isKubernetes: boolean;
  /**
   * True when template syntax shapes the document (`replicas: {{ .Values.n }}`, a name or label
   * holding `{{`): it means something only once rendered, so nothing is read from it.
   */
  readonly templated: boolean;
  /**
   * The document uses aliases or merge keys: a node of the tree may stand for text at several
   * places, so no edit is computed from it (see `runRules`).
   */
  readonly expanded: boolean;
  /**
   * `root` is the lean tree (`leanTree.ts`): fields only the file-scope rules read are left out;
   * `fullDocument` gives the full one.
   */
  readonly lean: boolean;
}

export interface FileModel {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly documents: readonly DocumentModel[];
  readonly objects: readonly K8sObject[];
  /** Syntax problems of documents that look like Kubernetes objects (others stay silent). */
  readonly problems: readonly ParseProblem[];
  readonly skipped: SkipReason | undefined;
  /** How many documents were parsed in full this time (the rest were reused or header-only). */
  readonly parsedDocuments: number;
}

export interface BuildOptions {
  /** The previous model of the same file: unchanged documents reuse its parse. */
  readonly previous?: FileModel | undefined;
  readonly isJson?: boolean;
  /**
   * The text is rendered output (the documents of one `# Source:` of a `helm template` stream):
   * a chart `templates/` path does not make it a template.
   */
  readonly rendered?: boolean;
  /**
   * Files larger than this many bytes (UTF-8) are skipped as `too-large`, open in an editor or
   * not: one policy for every file (`netpolLens.maxFileSizeKb`). Reading a 20 MB file took the
   * server to gigabytes of memory and minutes of CPU, and every request waited.
   */
  readonly maxBytes?: number;
  /**
   * UTF-16 offset of the first byte of the file on disk that was not UTF-8 (see
   * `workspace/decodeUtf8`): the document holding it is rejected by kubectl, so it gets that
   * syntax problem only.
   */
  readonly invalidUtf8At?: number | undefined;
  /**
   * The text was read from disk, and can be read there again: it may be let go once the file is
   * read (`releaseText`). Without it, the model keeps its text (an editor's).
   */
  readonly disk?: DiskTexts | undefined;
  /** Equal strings of the trees as one copy (`ownString.ts`): a pool shared by the files of a scan. */
  readonly strings?: StringPool | undefined;
}

/** Whether `text` takes more than `maxBytes` bytes in UTF-8 (without encoding it). */
export function exceedsBytes(text: string | PieceText, maxBytes: number): boolean {
  // A UTF-16 unit takes one to three bytes: most texts are decided without counting.
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return (typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : text.byteLength) > maxBytes;
}

/**
 * A Helm (or other Go-template) file: template actions on lines of their own (`{{- if …}}`,
 * `{{ include … | nindent 4 }}`) shape the YAML itself, possibly across documents, and a chart's
 * `templates/` folder holds nothing else (unless it is `helm template --output-dir` output, which
 * keeps the `# Source:` comments). `{{ }}` inside a string — a ConfigMap value, a `|` block, a
 * PrometheusRule's `"{{ $labels.pod }}"` — is text and makes nothing a template; where it stands
 * for a key or a whole value only that document is left out (`readDocument`). A file with no
 * top-level `apiVersion`/`kind` is not Kubernetes (a GitHub workflow, `.goreleaser.yaml`, an
 * Alertmanager config), never a Helm template, whatever braces it holds.
 */
const CHART_TEMPLATES = /\/templates\/[^/]*$/;
const RENDERED = /^# Source: /m;
const KUBERNETES_HEADER = /^\uFEFF?(apiVersion|kind)[ \t]*:/m;

/** `hasAction`: whether the text holds a template action (`hasTemplateAction`). */
function isTemplateFile(uri: string, text: string | PieceText, hasAction: boolean, syntax: TemplateSyntax, rendered: boolean): boolean {
  // Every way to a template needs an action: a text without one is read without the whole text.
  if (!hasAction) return false;
  if (!KUBERNETES_HEADER.test(flat(text))) return false;
  if (syntax.lineActions.length > 0) return true;
  return !rendered && CHART_TEMPLATES.test(uri) && !RENDERED.test(flat(text));
}

function holdsTemplateAction(text: string | PieceText): boolean {
  return typeof text === 'string' ? hasTemplateAction(text) : text.holdsTemplateAction;
}

function holdsNul(text: string | PieceText): boolean {
  return typeof text === 'string' ? text.includes('\u0000') : text.holdsNul;
}

const NO_TEMPLATE_SYNTAX: TemplateSyntax = { lineActions: NONE, inlineActions: NONE };

/** A file with nothing read from it: skipped for `reason`, or empty. */
export function emptyFileModel(uri: string, text: string, version: number, skipped: SkipReason | undefined, lineIndex = new LineIndex(text)): FileModel {
  return { uri, version, text, lineIndex, documents: NONE, objects: NONE, problems: NONE, skipped, parsedDocuments: 0 };
}

/**
 * `text`: a string, or an editor's `PieceText`; made from the previous model's text by a change it
 * records (`PieceText.madeFrom`), it is read around that change without the whole text being made.
 */
export function buildFileModel(uri: string, text: string | PieceText, version: number, options: BuildOptions = {}): FileModel {
  return withStringPool(options.strings, () => {
    const model = readFile(uri, text, version, options);
    // A scan's models are all read (no keystroke's model skipped): their objects now, their
    // strings from the pool.
    if (options.strings) void model.objects;
    return model;
  });
}

function readFile(uri: string, text: string | PieceText, version: number, options: BuildOptions): FileModel {
  const given = options.previous?.uri === uri ? options.previous : undefined;
  // The editor's change, when `text` records it as made from the previous model's very text.
  const held = given && !options.disk ? texts.get(given)?.held : undefined;
  const known = typeof text === 'string' ? undefined : text.changeFrom(held);
  // The previous model's text, to reuse what lies away from the change: when it was let go, read
  // back from disk (checked) for an editor's model (a file being opened), never for another disk
  // model (a change on disk: the disk holds the new text, and the file is read whole).
  const previousText: TextSource | undefined = known ? held : given && !options.disk ? textReadBack(given) : undefined;
  const previous = previousText === undefined ? undefined : given;
  // Documents of a model whose text can be let go read their text through it: an editor's model
  // takes them as moved copies holding their own text (and their objects' state, `relocate`).
  const copyReused = previous !== undefined && textReleasable(previous);
  const source = new FileText(text, uri, options.disk);
  // An edit: what lies away from it keeps its line breaks, its split and its parse.
  const change = previous && previousText !== undefined ? textChange(previousText, text, known) : undefined;
  const lineIndex = new LineIndex(text, previous && change ? { previous: previous.lineIndex, change } : undefined);
  const empty = (skipped: SkipReason | undefined): FileModel => emptyFileModel(uri, flat(text), version, skipped, lineIndex);
  if (options.maxBytes !== undefined && exceedsBytes(text, options.maxBytes)) return empty('too-large');
  if (holdsNul(text)) return empty('binary');
  const hasAction = holdsTemplateAction(text);
  const syntax = hasAction ? scanTemplateSyntax(flat(text)) : NO_TEMPLATE_SYNTAX;
  if (isTemplateFile(uri, text, hasAction, syntax, options.rendered ?? false)) return empty('helm-template');
  if (isTestAssertion(uri)) return empty('test-assertion');
  // In a file that is no template, actions still mark the documents they stand in.
  const actions = [...syntax.lineActions, ...syntax.inlineActions].sort((a, b) => a - b);

  const stream = mayBeJsonStream(text) ? splitJsonStream(flat(text)) : undefined;
  const isJson = stream !== undefined || (options.isJson ?? /\.json$/i.test(uri));
  const slices: DocumentSlice[] =
    stream ??
    (isJson
      ? [{ index: 0, start: 0, end: text.length, text: flat(text) }]
      : change && previous && splitAsYaml.has(previous)
        ? splitDocumentsAfterEdit(text, previous.documents, change)
        : splitDocuments(flat(text)));
  const reusable = previousDocuments(slices, previous?.documents ?? NONE, change);

  const documents: DocumentModel[] = [];
  const problems: ParseProblem[] = [];
  let parsed = 0;
  let nextAction = 0;
  for (const slice of slices) {
    while (nextAction < actions.length && (actions[nextAction] as number) < slice.start) nextAction++;
    const templated = nextAction < actions.length && (actions[nextAction] as number) < slice.end;
    const found = reusable(slice);
    const reused = found?.doc;
    let doc: DocumentModel;
    if (reused && reused.templated === templated) {
      doc = reused.start === slice.start && reused.index === slice.index && !copyReused ? reused : relocate(reused, slice, found.follows);
    } else {
      doc = readDocument(slice, isJson, templated, source);
      if (doc.root !== undefined || doc.problems.length > 0) parsed++;
    }
    const badByte = options.invalidUtf8At;
    if (badByte !== undefined && slice.start <= badByte && badByte < slice.end) doc = notUtf8(doc, badByte, source);
    documents.push(doc);
    if (doc.isKubernetes) problems.push(...doc.problems);
  }
  const model = readModel(uri, version, source, lineIndex, documents, orNone(problems), parsed);
  if (!stream && !isJson) splitAsYaml.add(model);
  return model;
}

/**
 * The model of documents read: a class, its getters on the prototype (an object literal with
 * getters made two closures, their scope and a property array per model: 3.5 MB over the large
 * bench workspace's 5,000 files), the text with `texts`, nothing else of `buildFileModel`'s scope.
 * Its objects are made when first read: the models of keystrokes typed before the next
 * diagnostics run are never read, so the trees of the documents they moved are never copied (see
 * `relocate`). A private field, so a copy or comparison sees a model's own fields only.
 */
class ReadFileModel implements FileModel {
  readonly skipped = undefined;
  #objects: readonly K8sObject[] | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly lineIndex: LineIndex,
    readonly documents: readonly DocumentModel[],
    readonly problems: readonly ParseProblem[],
    readonly parsedDocuments: number,
  ) {}

  get text(): string {
    return (texts.get(this) as FileText).text;
  }

  get objects(): readonly K8sObject[] {
    return (this.#objects ??= this.documents.flatMap((d) => documentObjects(this.uri, d, d)));
  }
}

function readModel(uri: string, version: number, source: FileText, lineIndex: LineIndex, documents: readonly DocumentModel[], problems: readonly ParseProblem[], parsed: number): FileModel {
  const model = new ReadFileModel(uri, version, lineIndex, documents, problems, parsed);
  texts.set(model, source);
  return model;
}

/**
 * The previous document holding the same text as a slice, or undefined. Around an edit the slices
 * are the previous documents in order, those after it moved by the edit's length: they are paired
 * from both ends by comparing strings the split shares (a pointer each), and only the slices
 * between are looked up by text, among the previous documents between. A document rejected for
 * its bytes is read again: the same text typed in an editor is UTF-8.
 */
function previousDocuments(slices: readonly DocumentSlice[], before: readonly DocumentModel[], change: TextChange | undefined): (slice: DocumentSlice) => { readonly doc: DocumentModel; readonly follows: boolean } | undefined {
  const reusable = (d: DocumentModel | undefined): DocumentModel | undefined => (d && !d.problems.some((p) => p.code === INVALID_UTF8) ? d : undefined);
  const paired = (d: DocumentModel | undefined): { doc: DocumentModel; follows: boolean } | undefined => {
    const doc = reusable(d);
    return doc && { doc, follows: true };
  };
  let head = 0;
  let tail = 0;
  if (change) {
    const delta = change.newEnd - change.oldEnd;
    const limit = Math.min(slices.length, before.length);
    const same = (s: DocumentSlice | undefined, d: DocumentModel | undefined, shift: number): boolean => s !== undefined && d !== undefined && s.text === d.text && s.start === d.start + shift && s.end === d.end + shift;
    while (head < limit && same(slices[head], before[head], 0)) head++;
    while (tail < limit - head && same(slices[slices.length - 1 - tail], before[before.length - 1 - tail], delta)) tail++;
  }
  let byText: Map<string, DocumentModel> | undefined;
  return (slice) => {
    if (slice.index < head) return paired(before[slice.index]);
    const fromEnd = slices.length - 1 - slice.index;
    if (fromEnd < tail) return paired(before[before.length - 1 - fromEnd]);
    if (!byText) {
      byText = new Map();
      for (let i = head; i < before.length - tail; i++) {
        const d = reusable(before[i]);
        if (d) byText.set(d.text, d);
      }
    }
    const doc = byText.get(slice.text);
    return doc && { doc, follows: false };
  };
}

/** The text of each model `buildFileModel` made. */
const texts = new WeakMap<FileModel, FileText>();

/** The model's text as it is held (an editor's pieces are not joined): for readers of a part of it. */
export function heldText(model: FileModel): TextSource {
  return texts.get(model)?.held ?? model.text;
}

/**
 * The model with only `documents` (a file-scope rule run on one document). An editor's text in
 * pieces is joined only if a rule reads it (a spread would join it); any other text is copied.
 */
export function withDocuments(model: FileModel, documents: readonly DocumentModel[], objects: readonly K8sObject[], problems: readonly ParseProblem[]): FileModel {
  const source = texts.get(model);
  if (!source || typeof source.held === 'string' || source.held === undefined) return { uri: model.uri, version: model.version, text: model.text, lineIndex: model.lineIndex, documents, objects, problems, skipped: model.skipped, parsedDocuments: model.parsedDocuments };
  const part: FileModel = {
    uri: model.uri,
    version: model.version,
    get text(): string {
      return source.text;
    },
    lineIndex: model.lineIndex,
    documents,
    objects,
    problems,
    skipped: model.skipped,
    parsedDocuments: model.parsedDocuments,
  };
  texts.set(part, source);
  return part;
}

/** The model's text when it is in memory (no disk read); undefined when it was let go. */
export function textInMemory(model: FileModel): string | undefined {
  const source = texts.get(model);
  return source ? source.inMemory : model.text;
}

/**
 * The model's text, read back from disk when it was let go; undefined when the disk no longer holds
 * it (nothing reported: a caller comparing versions meets the text a change on disk replaced).
 */
export function textReadBack(model: FileModel): string | undefined {
  const source = texts.get(model);
  return source ? source.readBack() : model.text;
}

/** `textReadBack`, but an editor's text in pieces is given as it is held (not joined). */
export function heldTextReadBack(model: FileModel): TextSource | undefined {
  return texts.get(model)?.held ?? textReadBack(model);
}

/**
 * Whether the model's text is `text`: the very text it was made from, or equal to it (a text that
 * records a change from the model's text is compared around that change only).
 */
export function hasText(model: FileModel, text: string | PieceText): boolean {
  const held = texts.get(model)?.held;
  if (held === text) return true;
  const known = typeof text === 'string' ? undefined : text.changeFrom(held);
  if (held !== undefined && known) {
    const change = textChange(held, text, known);
    return change.start === change.oldEnd && change.start === change.newEnd;
  }
  return model.text === flat(text);
}

/** Whether the model's text may be let go (`releaseText`): it was read from disk and can be read there again. */
export function textReleasable(model: FileModel): boolean {
  return texts.get(model)?.releasable === true;
}

/**
 * Lets the text of a model read from disk go, once what is made from it is made: its objects,
 * its line index, its content hash. Later readers of `text` read it from disk again (checked).
 */
export function releaseText(model: FileModel): void {
  const source = texts.get(model);
  if (!source?.releasable || source.inMemory === undefined) return;
  void model.objects;
  model.lineIndex.compact();
  const hash = contentHash(model);
  const documents = model.documents;
  source.release((text) => textHash(text, documents) === hash);
}

/** A document with its text: a slice of the model's text, read when asked when that can be let go. */
function withText(fields: Omit<DocumentModel, 'text'>, text: string, source: FileText): DocumentModel {
  if (!source.releasable) return { ...fields, text };
  return Object.assign(Object.create(DISK_DOCUMENT) as { readonly text: string }, fields, { source });
}

/**
 * The prototype of the documents of a model whose text can be let go: `text` is a slice of the
 * model's, read when asked. On a prototype, not a getter in each object literal: that is a closure
 * per document, and V8 gives each object holding its own one a shape of its own (14 MB over the
 * large bench workspace's 25,000 documents). A spread leaves the getter behind: copies name `text`.
 */
const DISK_DOCUMENT: object = Object.defineProperty({}, 'text', {
  get(this: { readonly source: FileText; readonly start: number; readonly end: number }): string {
    return this.source.text.slice(this.start, this.end);
  },
  enumerable: true,
});

/** Models whose documents are `splitDocuments` of their text: the next edit can split only around itself. */
const splitAsYaml = new WeakSet<FileModel>();

function readDocument(slice: DocumentSlice, isJson: boolean, templated: boolean, source: FileText): DocumentModel {
  // Template syntax where structure stands: what the document means is known only once rendered.
  if (templated) return templatedDocument(slice, source);
  const header = isJson ? undefined : scanHeader(slice);
  if (header?.kind?.value.includes('{{') || header?.apiVersion?.value.includes('{{')) return templatedDocument(slice, source);
  const fullParse = isJson || !header || header.flowStyle || (header.kind !== undefined && parsesInFull(header.apiVersion?.value, header.kind.value, slice.text));
  const looksKubernetes = header !== undefined && header.kind !== undefined && header.apiVersion !== undefined;
  if (!fullParse) {
    return withText({ index: slice.index, start: slice.start, end: slice.end, textHash: fnv1a(slice.text), root: undefined, problems: NONE, isKubernetes: looksKubernetes, templated: false, expanded: false, lean: false }, slice.text, source);
  }
  const { problems, expanded, ...read } = readTree(slice.text, slice.start);
  let root = read.root;
  // A name, label, selector or port holding `{{` cannot be rendered output: the API server rejects it.
  if (slice.text.includes('{{') && hasTemplatedField(root)) return templatedDocument(slice, source);
  const isKubernetes = isMap(root) ? getScalar(root, 'kind') !== undefined && getScalar(root, 'apiVersion') !== undefined : looksKubernetes;
  // kubectl rejects a document it cannot read whole: what the parser recovered is a guess, and
  // findings on it were noise beside the syntax error. The document keeps its problems only.
  if (problems.length > 0) root = undefined;
  // Keep the lean tree (`leanTree.ts`); the full one waits for the file-scope rules.
  const lean = expanded || fullTrees ? root : leanRoot(root);
  const doc = withText({ index: slice.index, start: slice.start, end: slice.end, textHash: fnv1a(slice.text), root: lean, problems: orNone(problems), isKubernetes, templated: false, expanded, lean: lean !== root }, slice.text, source);
  if (lean !== root && root !== undefined) pendingFull.set(doc, root);
  return doc;
}

/** The document's tree as the readers give it (a problem, if any, leaves a recovered tree). */
function readTree(text: string, start: number): { root: YNode | undefined; problems: readonly ParseProblem[]; expanded: boolean } {
  // The fast reader takes the shapes manifests use and gives the full reader's tree; it declines
  // the rest (anchors, tags, anything the full reader reports a problem in), read in full.
  let read = readFast(text, start) ?? parseYamlDocument(text, start);
  // kubectl's YAML parser accepts TABs as whitespace where YAML 1.2 forbids them (seen in real
  // manifests). A TAB and a space are both one UTF-16 unit, so replacing them keeps every offset.
  if (read.problems.some((p) => p.code === 'TAB_AS_INDENT') || (read.problems.length > 0 && /^[ ]*\t/m.test(text))) {
    const retry = parseYamlDocument(text.replace(/^[ \t]+/gm, (ws) => ws.replace(/\t/g, ' ')), start);
    if (retry.problems.length === 0) read = retry;
  }
  return read;
}

/**
 * Full trees of documents read lately whose model keeps the lean tree, until the file-scope rules
 * take them (`fullDocument`); a document read again needs none (its text gives the tree again).
 */
const pendingFull = new WeakMap<DocumentModel, YNode>();

/** Test hook: models built inside `fn` keep full trees (to hold lean trees to the full ones). */
let fullTrees = false;
export function withFullTrees<T>(fn: () => T): T {
  const before = fullTrees;
  fullTrees = true;
  try {
    return fn();
  } finally {
    fullTrees = before;
  }
}

/**
 * The document with its full tree, for the readers of every field (the file-scope rules): the
 * document itself unless its model keeps a lean tree. The full tree of a document just read is
 * handed over once; later ones are read again from the document's text, at its offset.
 */
export function fullDocument(doc: DocumentModel): DocumentModel {
  if (!doc.lean) return doc;
  let root = pendingFull.get(doc);
  if (root) pendingFull.delete(doc);
  else root = readTree(doc.text, doc.start).root;
  return { ...doc, text: doc.text, root };
}

function templatedDocument(slice: DocumentSlice, source: FileText): DocumentModel {
  return withText({ index: slice.index, start: slice.start, end: slice.end, textHash: fnv1a(slice.text), root: undefined, problems: NONE, isKubernetes: false, templated: true, expanded: false, lean: false }, slice.text, source);
}

const INVALID_UTF8 = 'INVALID_UTF8';

/** The document holding a byte that is not UTF-8: kubectl cannot decode it, so it is not read. */
function notUtf8(doc: DocumentModel, at: number, source: FileText): DocumentModel {
  const problem: ParseProblem = {
    message: 'This document is not valid UTF-8 (the byte here, shown as \ufffd, is not): kubectl cannot decode it ("yaml: invalid leading UTF-8 octet"). Save the file as UTF-8',
    code: INVALID_UTF8,
    kind: 'syntax',
    start: at,
    end: at + 1,
  };
  const { text, ...fields } = doc;
  return withText({ ...fields, root: undefined, problems: [problem, ...doc.problems], lean: false }, text, source);
}

/** The objects of one document (of a full tree from `fullDocument`: made anew, not kept). */
export function objectsOfDocument(uri: string, doc: DocumentModel): readonly K8sObject[] {
  return objectsOf(uri, doc, doc);
}

/**
 * The file's objects as the full trees give them, in the order of `objects` (the same objects
 * where no document keeps a lean tree): for a kustomize patch that writes fields lean trees leave out.
 */
export function fullObjects(model: FileModel): readonly K8sObject[] {
  if (!model.documents.some((d) => d.lean)) return model.objects;
  return model.documents.flatMap((d) => (d.lean ? objectsOf(model.uri, fullDocument(d), d) : documentObjects(model.uri, d, d)));
}

/** The objects of each document model, made once (a reused document keeps its objects; each names its file). */
const objectsByDocument = new WeakMap<DocumentModel, readonly K8sObject[]>();

/** Objects made for `uri` (a document without objects is none of any file's). */
function objectsIn(objects: readonly K8sObject[] | undefined, uri: string): readonly K8sObject[] | undefined {
  return objects && (objects.length === 0 || objects[0]?.uri === uri) ? objects : undefined;
}

function documentObjects(uri: string, doc: DocumentModel, slice: DocumentSlice): readonly K8sObject[] {
  const known = objectsIn(objectsByDocument.get(doc), uri);
  if (known) return known;
  const from = takeMovedFrom(doc);
  const objects = objectsOf(uri, doc, slice);
  objectsByDocument.set(doc, objects);
  const was = from && objectsIn(objectsByDocument.get(from), uri);
  if (was?.length === objects.length) objects.forEach((o, i) => movedObjects.set(o, was[i] as K8sObject));
  return objects;
}

/** Objects of a moved document → the same objects of the document it moved from, until asked once. */
const movedObjects = new WeakMap<K8sObject, K8sObject>();

/**
 * The object of an earlier version that `obj` is a moved copy of (the same document text, in the
 * same file, moved by an edit before it), for the first reader only: what is made from an
 * object's text alone (its extraction) can be taken from that object. Asked once, so no object
 * keeps an earlier version's tree alive once it has been read.
 */
export function takeMovedObject(obj: K8sObject): K8sObject | undefined {
  const was = movedObjects.get(obj);
  if (was) movedObjects.delete(obj);
  return was;
}

function headerScalar(field: HeaderField | undefined): YScalar | undefined {
  if (!field) return undefined;
  const value = ownString(field.value);
  return scalarNode(value, value, 'plain', field.start, field.end);
}

function objectsOf(uri: string, doc: DocumentModel, slice: DocumentSlice): K8sObject[] {
  // A document that could not be read (a syntax error, a limit of the reader) holds no object:
  // kubectl would apply nothing of it, so nothing of it enters the analysis.
  if (doc.problems.length > 0) return [];
  if (doc.root === undefined) {
    if (!doc.isKubernetes) return [];
    const header = scanHeader(slice);
    if (!header.kind) return [];
    const names = scanMetadataNames(slice);
    const apiVersionNode = headerScalar(header.apiVersion);
    const kindNode = headerScalar(header.kind) as YScalar;
    return [
      {
        uri,
        docIndex: doc.index,
        itemIndex: undefined,
        apiVersion: apiVersionNode?.value as string | undefined,
        kind: kindNode.value as string,
        apiVersionNode,
        kindNode,
        name: names.name && ownString(names.name.value),
        namespace: names.namespace && ownString(names.namespace.value),
        node: undefined,
        start: doc.start,
        end: doc.end,
      },
    ];
  }
  if (!isMap(doc.root)) return [];
  const top = objectFromMap(uri, doc.index, undefined, doc.root, undefined, undefined);
  if (!top) return [];
  const items = top.kind === 'List' || top.kind.endsWith('List') ? getSeq(doc.root, 'items') : undefined;
  if (!items) return [top];
  // `kind: List` and typed lists (`PodList`): items may omit kind (then the list's element kind).
  const impliedKind = top.kind === 'List' ? undefined : top.kind.slice(0, -'List'.length);
  const out: K8sObject[] = [];
  items.items.forEach((item, i) => {
    if (!isMap(item)) return;
    const obj = objectFromMap(uri, doc.index, i, item, impliedKind, top.apiVersion);
    if (obj) out.push(obj);
  });
  return out;
}

function objectFromMap(
  uri: string,
  docIndex: number,
  itemIndex: number | undefined,
  map: YMap,
  impliedKind: string | undefined,
  impliedApiVersion: string | undefined,
): K8sObject | undefined {
  const kind = getString(map, 'kind') ?? impliedKind;
  if (!kind) return undefined;
  const apiVersion = getString(map, 'apiVersion') ?? impliedApiVersion;
  if (itemIndex === undefined && apiVersion === undefined) return undefined;
  const metadata = getMap(map, 'metadata');
  return new ParsedObject(uri, docIndex, itemIndex, apiVersion, kind, getString(metadata, 'name'), getString(metadata, 'namespace'), map);
}

/**
 * An object read from a tree. The spans of its `apiVersion` and `kind` are read from the tree
 * when asked (getters on the prototype): held, they were two scalars per object, as a plain pair
 * gives its value as a new scalar at each read (1.8 MB over the large bench workspace's 16,000
 * objects read in full). A copy with another tree names its fields (`withNode` in the kustomize
 * transforms): a spread would leave the getters behind.
 */
class ParsedObject implements K8sObject {
  readonly start: number;
  readonly end: number;

  constructor(
    readonly uri: string,
    readonly docIndex: number,
    readonly itemIndex: number | undefined,
    readonly apiVersion: string | undefined,
    readonly kind: string,
    readonly name: string | undefined,
    readonly namespace: string | undefined,
    readonly node: YMap,
  ) {
    this.start = node.start;
    this.end = node.end;
  }

  get apiVersionNode(): YScalar | undefined {
    return getScalar(this.node, 'apiVersion');
  }

  get kindNode(): YScalar | undefined {
    return getScalar(this.node, 'kind');
  }
}
