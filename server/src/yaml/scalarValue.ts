/**
 * A scalar's value as kubectl sends it. The `yaml` package resolves some tags to objects: a
 * `!!binary` scalar to bytes (kubectl sends the decoded bytes as a string, so `!!binary aGk=` is
 * "hi"), a `!!timestamp` to a Date (kubectl keeps the text as written), a merge key to a symbol.
 * None of them may reach a message as `{"type":"Buffer","data":[…]}`.
 */
import type { YScalar } from '../model/yamlTree';

const UTF8 = new TextDecoder('utf-8');

export function scalarValue(raw: unknown, source: string): YScalar['value'] {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  // Go's string(bytes), then JSON: bytes that are not UTF-8 become U+FFFD.
  if (raw instanceof Uint8Array) return UTF8.decode(raw);
  if (typeof raw === 'symbol') return raw.description ?? source;
  return source;
}
