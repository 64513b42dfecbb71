/**
 * Where things stand in a block-style YAML text: columns, line boundaries, where a node's content
 * really ends (block collections' ranges run on over trailing comments and blank lines), and the
 * file's own indentation habits, so that inserted text looks as if the author wrote it.
 */
import { isMap, isSeq, type YMap, type YNode } from '../../model/yamlTree';

/** Column (UTF-16 units from the line start) of an offset. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line holding `offset` (its newline included); a position just past a newline stays. */
export function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** The end of a node's own text: the last scalar or flow bracket, not the comments after it. */
export function contentEnd(node: YNode): number {
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    if (isMap(node)) {
      const last = node.pairs[node.pairs.length - 1];
      if (last) return last.value ? Math.max(last.key.end, contentEnd(last.value)) : last.key.end;
    } else {
      const last = node.items[node.items.length - 1];
      if (last) return contentEnd(last);
    }
  }
  return node.end;
}

/** A key and its value, from the key to the value's own end. */
export function pairContentEnd(pair: { readonly key: YNode; readonly value: YNode | undefined }): number {
  return pair.value ? Math.max(pair.key.end, contentEnd(pair.value)) : pair.key.end;
}

export interface YamlLayout {
  /** Columns a nested map is indented by. */
  readonly indent: number;
  /** Columns a block sequence's dash stands right of its key (0: `key:\n- a`, 2: `key:\n  - a`). */
  readonly seqIndent: number;
  /** The line break the file uses. */
  readonly newline: '\n' | '\r\n';
}

/** The layout of a document, read from its first nested map and first block sequence under a key. */
export function detectLayout(text: string, root: YNode | undefined): YamlLayout {
  let indent: number | undefined;
  let seqIndent: number | undefined;
  const visit = (node: YNode | undefined, depth: number): void => {
    if (!node || depth > 12 || (indent !== undefined && seqIndent !== undefined)) return;
    if (isMap(node)) {
      for (const pair of node.pairs) {
        const v = pair.value;
        if (isMap(v) && !v.flow && v.pairs[0] && indent === undefined && lineStartOf(text, v.start) !== lineStartOf(text, pair.key.start)) {
          indent = columnOf(text, v.pairs[0].key.start) - columnOf(text, pair.key.start);
        }
        if (isSeq(v) && !v.flow && v.items[0] && seqIndent === undefined && lineStartOf(text, v.start) !== lineStartOf(text, pair.key.start)) {
          seqIndent = columnOf(text, v.start) - columnOf(text, pair.key.start);
        }
        visit(v, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  visit(root, 0);
  return {
    indent: indent !== undefined && indent > 0 ? indent : 2,
    seqIndent: seqIndent !== undefined && seqIndent >= 0 ? seqIndent : 0,
    newline: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** Column of a block map's keys. */
export function mapColumn(text: string, map: YMap): number | undefined {
  const first = map.pairs[0];
  return first ? columnOf(text, first.key.start) : undefined;
}
