/**
 * Scalar nodes in as few words of heap as their content allows. A workspace holds millions of
 * scalars (every key is one), and V8 gives a plain object eight bytes per field: `type` and
 * `style` are the same for every scalar of a kind, and for most scalars (keys, names, labels)
 * `source` is `value` itself. So a scalar whose value is the string it was written as keeps only
 * `value`, `start` and `end` (48 bytes instead of 72), the others drop `type` (64): the rest is on
 * the prototype, read exactly as an own field.
 *
 * Every reader builds its scalars here, so two trees read from the same text are alike to the
 * prototype (the reader-equality tests compare them deeply). Never copy a scalar with a spread
 * (`{ ...s }` leaves the prototype's fields behind): build a new one with `scalarNode`. `start` and
 * `end` stay own fields, so a node spread as a span (`{ ...span }`, as findings do) keeps them.
 */
import type { ScalarStyle, YScalar } from './yamlTree';

type Value = YScalar['value'];

/** `value` is the string written: `source` is `value`. */
interface TextScalar {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

function textScalarClass(style: ScalarStyle): new (value: string, start: number, end: number) => YScalar {
  class Text implements TextScalar {
    constructor(
      readonly value: string,
      readonly start: number,
      readonly end: number,
    ) {}
  }
  Object.defineProperties(Text.prototype, {
    type: { value: 'scalar', enumerable: true },
    style: { value: style, enumerable: true },
    source: {
      get(this: TextScalar): string {
        return this.value;
      },
      enumerable: true,
    },
  });
  return Text as unknown as new (value: string, start: number, end: number) => YScalar;
}

const TEXT_CLASSES: Readonly<Record<ScalarStyle, new (value: string, start: number, end: number) => YScalar>> = {
  plain: textScalarClass('plain'),
  single: textScalarClass('single'),
  double: textScalarClass('double'),
  block: textScalarClass('block'),
};

class OtherScalar {
  constructor(
    readonly value: Value,
    readonly source: string,
    readonly style: ScalarStyle,
    readonly start: number,
    readonly end: number,
  ) {}
}
Object.defineProperty(OtherScalar.prototype, 'type', { value: 'scalar', enumerable: true });

export function scalarNode(value: Value, source: string, style: ScalarStyle, start: number, end: number): YScalar {
  if (value === source) return new TEXT_CLASSES[style](value, start, end);
  return new OtherScalar(value, source, style, start, end) as unknown as YScalar;
}

/** `s` moved by `delta` (its document moved in the file). */
export function shiftedScalar(s: YScalar, delta: number): YScalar {
  return scalarNode(s.value, s.source, s.style, s.start + delta, s.end + delta);
}
