import type { YScalar } from '../../model/yamlTree';
import type { FixData } from '../types';

/**
 * "Quote it": a plain scalar that YAML reads as a number or boolean (`12345`, `true`, `1.0`)
 * where Kubernetes wants a string, written in double quotes as it stands. Safe: the text is kept.
 */
export function quoteScalarFix(scalar: YScalar): FixData[] {
  if (scalar.style !== 'plain' || scalar.source === '') return [];
  return [{ title: `Quote ${scalar.source}`, edits: [{ start: scalar.start, end: scalar.end, newText: JSON.stringify(scalar.source) }], preferred: true, safe: true }];
}
