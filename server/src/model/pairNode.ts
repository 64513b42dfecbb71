/**
 * Pairs in as few words of heap as their key and value allow, like scalars (`scalarNode.ts`) and
 * maps (`collectionNodes.ts`). Every pair of a map has a key scalar, and nearly every key is a
 * plain word written as itself (`name`, `matchLabels`, a label key): its `end` is its `start` plus
 * its length, and its `type`, `style` and `source` say nothing the string does not. Such a pair
 * keeps the key's string and start instead of a scalar of its own (48 bytes instead of 40 for the
 * pair and 48 for its key: the large bench workspace's kept trees hold 451,000 of them), and when
 * its value is such a plain text too (a name, a label value, a namespace: about half of them), the
 * value's string and start as well (56 bytes instead of 136). `key` and `value` make the scalar
 * when read: equal to the one the reader built (same class, fields and offsets) but a new object
 * at each read, so nothing may key on such a scalar's identity, and code comparing a node with a
 * pair's value reads the value once. Other keys and values are held as given.
 *
 * Every reader and tree edit builds its pairs here, so trees built by different paths are alike to
 * the prototype (the reader-equality tests compare them deeply). Code that only compares a key's
 * text reads `pairKey`, and a walk looking for collections asks `holdsPlainText`: neither makes a
 * scalar.
 */
import { scalarNode } from './scalarNode';
import type { YNode, YPair, YScalar } from './yamlTree';

/** A plain scalar whose value is its text and whose span is that text: its string and start give it back. */
function isPlainText(s: YScalar): boolean {
  const source = s.source;
  return s.style === 'plain' && s.value === source && s.end === s.start + source.length;
}

function plainText(source: string, start: number): YScalar {
  return scalarNode(source, source, 'plain', start, start + source.length);
}

/** `key` of a pair holding its key's string and start. */
const PLAIN_KEY: PropertyDescriptor = {
  get(this: { readonly keySource: string; readonly keyStart: number }): YScalar {
    return plainText(this.keySource, this.keyStart);
  },
  enumerable: true,
};

class PlainKeyPair {
  constructor(
    readonly keySource: string,
    readonly keyStart: number,
    readonly value: YNode | undefined,
  ) {}
}
Object.defineProperty(PlainKeyPair.prototype, 'key', PLAIN_KEY);

class PlainPair {
  constructor(
    readonly keySource: string,
    readonly keyStart: number,
    readonly valueSource: string,
    readonly valueStart: number,
  ) {}
}
Object.defineProperties(PlainPair.prototype, {
  key: PLAIN_KEY,
  value: {
    get(this: PlainPair): YScalar {
      return plainText(this.valueSource, this.valueStart);
    },
    enumerable: true,
  },
});

class KeyedPair {
  constructor(
    readonly key: YScalar,
    readonly value: YNode | undefined,
  ) {}
}

function plainKeyed(keySource: string, keyStart: number, value: YNode | undefined): YPair {
  const pair = value?.type === 'scalar' && isPlainText(value) ? new PlainPair(keySource, keyStart, value.source, value.start) : new PlainKeyPair(keySource, keyStart, value);
  return pair as unknown as YPair;
}

/** The pair of `key` and `value`, without scalars of their own for plain texts written as themselves. */
export function pairNode(key: YScalar, value: YNode | undefined): YPair {
  return isPlainText(key) ? plainKeyed(key.source, key.start, value) : new KeyedPair(key, value);
}

/** `pair` with another value (its key kept as it is held). */
export function withValue(pair: YPair, value: YNode | undefined): YPair {
  return pair instanceof PlainKeyPair || pair instanceof PlainPair ? plainKeyed(pair.keySource, pair.keyStart, value) : new KeyedPair(pair.key, value);
}

/** Whether `pair`'s value is a plain text scalar, made when read (a walk looking for collections can pass it by). */
export function holdsPlainText(pair: YPair): boolean {
  return pair instanceof PlainPair;
}

/** The key of `pair` as written (its `key.source`), without making a scalar. */
export function pairKey(pair: YPair): string {
  return pair instanceof PlainKeyPair || pair instanceof PlainPair ? pair.keySource : pair.key.source;
}
