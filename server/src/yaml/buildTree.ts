/**
 * The `yaml` package's document turned into the server's tree (`model/yamlTree.ts`) the way
 * kubectl decodes it (go-yaml v2 behind sigs.k8s.io/yaml):
 *
 * - an alias is the anchored node itself (shared, so it keeps the anchor's offsets); an alias to
 *   no anchor, or to a value that contains the alias, is an error kubectl reports too;
 * - a merge key (`<<: *defaults`, `<<: [*a, *b]`, `<<: {…}`) adds the pairs of the merged maps;
 *   keys are applied in the order written and the last one wins, so keys written after `<<` win
 *   over merged ones, and among several merged maps the first one wins;
 * - a key written twice keeps its last value; the pair that lost is listed in `overridden`.
 *
 * The tree is bounded: deeper than MAX_TREE_DEPTH, or more than MAX_EXPANDED_NODES nodes once
 * every alias is counted in full (an alias bomb), and the document is not read at all. Each
 * anchored node is built once, so building costs what the text costs, whatever the aliases.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { scalarNode } from '../model/scalarNode';
import { ownValue } from '../model/ownString';
import { ownWord } from './commonWords';
import { mapNode, seqNode } from '../model/collectionNodes';
import { pairNode } from '../model/pairNode';
import {
  MAX_EXPANDED_NODES,
  MAX_TREE_DEPTH,
  type ParseProblem,
  type ScalarStyle,
  type YMap,
  type YNode,
  type YPair,
  type YScalar,
} from '../model/yamlTree';
import { EffectivePairs } from './effectivePairs';
import { scalarValue } from './scalarValue';

export interface BuiltTree {
  readonly root: YNode | undefined;
  readonly problems: readonly ParseProblem[];
  /** The document uses aliases or merge keys: some nodes stand at more than one place. */
  readonly expanded: boolean;
}

/** Thrown to abandon a document beyond the tree's bounds. */
class LimitExceeded extends Error {
  constructor(readonly problem: ParseProblem) {
    super(problem.message);
  }
}

interface Metrics {
  /** Levels from this node down (a scalar is 1). */
  readonly height: number;
  /** Nodes under and including this one, every alias counted in full. */
  readonly size: number;
}

const SCALAR_METRICS: Metrics = { height: 1, size: 1 };

export const TOO_DEEP_MESSAGE = `This document nests more than ${MAX_TREE_DEPTH} levels deep. Netpol Lens reads at most ${MAX_TREE_DEPTH} levels (a limit of this tool, not of YAML or Kubernetes), so it does not check this document.`;
const TOO_BIG_MESSAGE =
  `Its aliases expand this document to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} values. Netpol Lens reads at most that many ` +
  '(a limit of this tool), so it does not check this document; kubectl too rejects documents whose aliases expand much further ("document contains excessive aliasing").';

/**
 * `text` is what the parser read; `toOriginal` maps its offsets to the document's own text when the
 * parser read a copy with white space inserted (`lenientText.ts`).
 */
export function buildTree(doc: Document.Parsed, text: string, offset: number, toOriginal: (n: number) => number = identity): BuiltTree {
  const builder = new TreeBuilder(doc, text, offset, toOriginal);
  try {
    const root = doc.contents === null ? undefined : builder.node(doc.contents, 1);
    return { root, problems: builder.problems, expanded: builder.expanded };
  } catch (error) {
    if (error instanceof LimitExceeded) return { root: undefined, problems: [error.problem], expanded: builder.expanded };
    throw error;
  }
}

class TreeBuilder {
  readonly problems: ParseProblem[] = [];
  expanded = false;
  private readonly metrics = new WeakMap<YNode, Metrics>();
  /** Anchored nodes already built, and the ones being built (an alias to one of those is a cycle). */
  private readonly anchored = new Map<unknown, YNode | undefined>();
  private readonly building = new Set<unknown>();
  /** Every anchor of the document, by name, in text order. */
  private readonly anchors: ReadonlyMap<string, readonly { readonly start: number; readonly node: unknown }[]>;

  constructor(
    doc: Document.Parsed,
    private readonly text: string,
    private readonly offset: number,
    private readonly toOriginal: (n: number) => number,
  ) {
    this.anchors = anchorsOf(doc);
  }

  /** A parser offset as a file offset. */
  private at(n: number): number {
    return this.offset + this.toOriginal(n);
  }

  /** `depth`: the level this node stands at (the root is 1). */
  node(node: unknown, depth: number): YNode | undefined {
    if (node === null || node === undefined) return undefined;
    if (isAlias(node)) return this.alias(node, depth);
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return undefined;
    if (depth > MAX_TREE_DEPTH) throw new LimitExceeded(this.limit(TOO_DEEP_MESSAGE, 'TOO_DEEP', node.range));
    const anchoredNode = typeof node.anchor === 'string' && node.anchor !== '';
    if (anchoredNode) this.building.add(node);
    let built: YNode | undefined;
    if (isScalar(node)) built = this.scalar(node);
    else if (isMap(node)) built = this.map(node, depth);
    else built = this.seq(node, depth);
    if (anchoredNode) {
      this.building.delete(node);
      this.anchored.set(node, built);
    }
    return built;
  }

  private alias(alias: Alias, depth: number): YNode | undefined {
    this.expanded = true;
    const target = this.anchorBefore(alias);
    const range = alias.range;
    if (target === undefined) {
      this.problems.push(this.syntax(`Unknown anchor "${alias.source}": no &${alias.source} stands before this alias`, 'UNKNOWN_ANCHOR', range));
      return undefined;
    }
    if (this.building.has(target)) {
      this.problems.push(this.syntax(`The alias *${alias.source} stands inside the value of its own anchor, which would contain itself`, 'RECURSIVE_ALIAS', range));
      return undefined;
    }
    const built = this.anchored.has(target) ? this.anchored.get(target) : this.node(target, depth);
    if (built === undefined) return undefined;
    const m = this.metricsOf(built);
    if (depth - 1 + m.height > MAX_TREE_DEPTH) throw new LimitExceeded(this.limit(TOO_DEEP_MESSAGE, 'TOO_DEEP', range));
    return built;
  }

  /**
   * The node of the last anchor of the alias's name that stands before it, as YAML resolves
   * aliases. (`Alias.resolve` of the `yaml` package searches the whole document for each alias: a
   * file of 27,000 aliases took minutes.)
   */
  private anchorBefore(alias: Alias): unknown {
    const list = this.anchors.get(alias.source);
    const at = alias.range?.[0] ?? 0;
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    let found: unknown;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const entry = list[mid] as { start: number; node: unknown };
      if (entry.start < at) {
        found = entry.node;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }

  private scalar(node: Scalar): YScalar {
    const range = node.range ?? [0, 0, 0];
    const source = typeof node.source === 'string' ? node.source : String(scalarValue(node.value, '') ?? '');
    const value = scalarValue(node.value, source);
    // An unclosed quote: read as plain, so edits replace the scalar whole, opening quote included.
    const style = styleOf(node.type);
    const unclosed = (style === 'single' || style === 'double') && !quoteClosed(this.text.slice(range[0], range[1]), style === 'single' ? "'" : '"');
    // The parser's strings are views into the text: trees keep copies of their own.
    const own = ownWord(source);
    return scalarNode(ownValue(value, source, own), own, unclosed ? 'plain' : style, this.at(range[0]), this.at(range[1]));
  }

  private map(node: YAMLMap, depth: number): YMap {
    const range = node.range ?? [0, 0, 0];
    const collected = new EffectivePairs();
    const set = (pair: YPair, merged: boolean): void => collected.set(pair, merged);
    for (const item of node.items) {
      if (!isPair(item)) continue;
      if (isMergeKey(item.key)) {
        this.expanded = true;
        for (const pair of this.merged(item.value, depth, item.key)) set(pair, true);
        continue;
      }
      const keyNode = isAlias(item.key) ? this.node(item.key, depth + 1) : isScalar(item.key) ? this.scalar(item.key) : undefined;
      if (keyNode?.type !== 'scalar') continue;
      // Recovery junk: a pair with no key text and no value (a half-typed `&a ` or `? ` line).
      // It holds nothing to check; kept, it read as a field named `` (unknown-field said so).
      if (item.value === null && keyNode.source === '' && (keyNode.value === null || keyNode.value === '')) continue;
      set(pairNode(keyNode, this.node(item.value, depth + 1)), false);
    }
    const { pairs, overridden } = collected.result();
    let height = 1;
    let size = 1;
    for (const p of pairs) {
      const m = p.value ? this.metricsOf(p.value) : SCALAR_METRICS;
      height = Math.max(height, 1 + m.height);
      size += 1 + m.size;
    }
    const map = mapNode(node.flow === true, pairs, this.at(range[0]), this.at(range[1]), overridden);
    return this.measured(map, height, size, range);
  }

  /** The pairs a merge key adds, in the order to apply them (the winning ones last). */
  private merged(value: unknown, depth: number, key: unknown): YPair[] {
    // Built in text order (an anchor in one item may serve an alias in the next), applied last first.
    const items: unknown[] = isSeq(value) ? value.items : [value];
    const builtItems = items.map((item) => ({ item, built: this.node(item, depth + 1) })).reverse();
    const out: YPair[] = [];
    for (const { item, built } of builtItems) {
      // An alias that resolved to nothing was reported already.
      if (built === undefined && isAlias(item)) continue;
      if (built?.type !== 'map') {
        const at = (item as { range?: [number, number, number] } | null)?.range ?? (key as { range?: [number, number, number] }).range;
        this.problems.push(this.syntax('A merge key (<<) takes a map, an alias of a map, or a list of them: kubectl fails with "map merge requires map or sequence of maps as the value"', 'BAD_MERGE', at));
        continue;
      }
      for (const p of built.pairs) {
        const m = p.value ? this.metricsOf(p.value) : SCALAR_METRICS;
        if (depth + m.height > MAX_TREE_DEPTH) throw new LimitExceeded(this.limit(TOO_DEEP_MESSAGE, 'TOO_DEEP', (key as { range?: [number, number, number] }).range));
        out.push(p);
      }
    }
    return out;
  }

  private seq(node: YAMLSeq, depth: number): YNode {
    const range = node.range ?? [0, 0, 0];
    const items: YNode[] = [];
    let height = 1;
    let size = 1;
    for (const item of node.items) {
      const built = this.node(item, depth + 1);
      if (!built) continue;
      items.push(built);
      const m = this.metricsOf(built);
      height = Math.max(height, 1 + m.height);
      size += m.size;
    }
    return this.measured(seqNode(node.flow === true, items, this.at(range[0]), this.at(range[1])), height, size, range);
  }

  private measured<T extends YNode>(node: T, height: number, size: number, range: readonly number[] | undefined): T {
    if (size > MAX_EXPANDED_NODES) throw new LimitExceeded(this.limit(TOO_BIG_MESSAGE, 'TOO_MANY_NODES', range));
    this.metrics.set(node, { height, size });
    return node;
  }

  private metricsOf(node: YNode): Metrics {
    return this.metrics.get(node) ?? SCALAR_METRICS;
  }

  private span(range: readonly number[] | null | undefined): { start: number; end: number } {
    const clamp = (n: number): number => this.at(Math.max(0, Math.min(n, this.text.length)));
    const start = range?.[0] ?? 0;
    return { start: clamp(start), end: clamp(Math.max(start, range?.[1] ?? start)) };
  }

  private syntax(message: string, code: string, range: readonly number[] | null | undefined): ParseProblem {
    return { message, code, kind: 'syntax', ...this.span(range) };
  }

  private limit(message: string, code: string, range: readonly number[] | null | undefined): ParseProblem {
    // The first line of the node: a whole deep document would be one huge squiggle.
    const { start, end } = this.span(range);
    const lineEnd = this.text.indexOf('\n', Math.max(0, Math.min(range?.[0] ?? 0, this.text.length)));
    return { message, code, kind: 'limit', start, end: lineEnd < 0 ? end : Math.min(end, this.at(lineEnd)) };
  }
}

function identity(n: number): number {
  return n;
}

/** The anchored nodes of a document by anchor name, each list in text order (one walk). */
function anchorsOf(doc: Document.Parsed): Map<string, { start: number; node: unknown }[]> {
  const out = new Map<string, { start: number; node: unknown }[]>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node) || typeof node.anchor !== 'string' || node.anchor === '') return;
      const list = out.get(node.anchor) ?? [];
      list.push({ start: node.range?.[0] ?? 0, node });
      out.set(node.anchor, list);
    },
  });
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

/** `<<` written plain (or tagged `!!merge`): a quoted `"<<"` is an ordinary key. */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  return typeof key.value === 'symbol' || key.tag === 'tag:yaml.org,2002:merge' || (key.type === 'PLAIN' && key.value === '<<');
}

function styleOf(type: Scalar['type']): ScalarStyle {
  switch (type) {
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'QUOTE_SINGLE':
      return 'single';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL':
      return 'block';
    default:
      return 'plain';
  }
}

/**
 * Whether a quoted scalar as written (`raw`, from its opening quote) ends with its closing quote.
 * A half-typed `"abc` runs to the end of the document: its range then ends on content, not on a
 * quote, and an edit "between the quotes" would cut the wrong character or run backwards.
 */
function quoteClosed(raw: string, quote: string): boolean {
  for (let i = 1; i < raw.length; i++) {
    const c = raw[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && raw[i + 1] === "'") i++;
      else return raw.slice(i + 1).trim() === '';
    }
  }
  return false;
}
