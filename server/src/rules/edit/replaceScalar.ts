/**
 * Replace a scalar's value (or a key's name) in place, keeping how it was written: the quotes
 * stay, only the text between them changes. Block scalars are replaced whole as a plain scalar.
 */
import type { YScalar } from '../../model/yamlTree';
import type { TextEditData } from '../types';

export function replaceScalar(scalar: YScalar, value: string): TextEditData {
  switch (scalar.style) {
    case 'single':
      return { start: scalar.start + 1, end: scalar.end - 1, newText: value.replace(/'/g, "''") };
    case 'double':
      return { start: scalar.start + 1, end: scalar.end - 1, newText: value.replace(/["\\]/g, (c) => `\\${c}`) };
    case 'plain':
    case 'block':
      return { start: scalar.start, end: scalar.end, newText: value };
  }
}
