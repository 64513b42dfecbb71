/**
 * Pairs in as few words of heap as their key allows, like scalars (`scalarNode.ts`) and maps
 * (`collectionNodes.ts`). Every pair of a map has a key scalar, and nearly every key is a plain
 * word written as itself (`name`, `matchLabels`, a label key): its `end` is its `start` plus its
 * length, and its `type`, `style` and `source` say nothing the string does not. Such a pair keeps
 * the key's string and start instead of a scalar of its own (48 bytes instead of 40 for the pair
 * and 48 for its key: the large bench workspace's kept trees hold 451,000 of them); `key` makes
 * the scalar when read (equal to the one the reader built: same class, fields and offsets, but a
 * new object at each read, so no code keys anything on a key node's identity). Other pairs keep
 * their key scalar.
 *
 * Every reader and tree edit builds its pairs here, so trees built by different paths are alike to
 * the prototype (the reader-equality tests compare them deeply). Code that only compares a key's
 * text reads `pairKey(pair)`, which makes no scalar.
 */
import { scalarNode } from './scalarNode';
import type { YNode, YPair, YScalar } from './yamlTree';

class PlainKeyPair {
  constructor(
    readonly keySource: string,
    readonly keyStart: number,
    readonly value: YNode | undefined,
  ) {}
}
Object.defineProperty(PlainKeyPair.prototype, 'key', {
  get(this: PlainKeyPair): YScalar {
    return scalarNode(this.keySource, this.keySource, 'plain', this.keyStart, this.keyStart + this.keySource.length);
  },
  enumerable: true,
});

class KeyedPair {
  constructor(
    readonly key: YScalar,
    readonly value: YNode | undefined,
  ) {}
}

/** The pair of `key` and `value`, without a scalar of its own for a plain key written as itself. */
export function pairNode(key: YScalar, value: YNode | undefined): YPair {
  const source = key.source;
  if (key.style === 'plain' && key.value === source && key.end === key.start + source.length) return new PlainKeyPair(source, key.start, value) as unknown as YPair;
  return new KeyedPair(key, value);
}

/** `pair` with another value (its key kept as it is held). */
export function withValue(pair: YPair, value: YNode | undefined): YPair {
  return pair instanceof PlainKeyPair ? (new PlainKeyPair(pair.keySource, pair.keyStart, value) as unknown as YPair) : new KeyedPair(pair.key, value);
}

/** The key of `pair` as written (its `key.source`), without making a scalar. */
export function pairKey(pair: YPair): string {
  return pair instanceof PlainKeyPair ? pair.keySource : pair.key.source;
}
