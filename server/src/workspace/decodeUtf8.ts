/**
 * A file's bytes as text, and where they stop being UTF-8. kubectl's YAML and JSON decoders
 * reject such a document (`yaml: invalid leading UTF-8 octet`); decoded leniently the bad bytes
 * became U+FFFD and the document was judged as if it had been written so.
 */

export interface DecodedText {
  readonly text: string;
  /** UTF-16 offset in `text` of the first byte that is not UTF-8 (undefined when all are). */
  readonly invalidUtf8At: number | undefined;
}

const STRICT = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Buffer): DecodedText {
  try {
    return { text: STRICT.decode(bytes), invalidUtf8At: undefined };
  } catch {
    const at = firstInvalidByte(bytes);
    return { text: bytes.toString('utf8'), invalidUtf8At: at < 0 ? undefined : bytes.toString('utf8', 0, at).length };
  }
}

/** Index of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
function firstInvalidByte(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) length = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      length = 3;
      if (c === 0xe0) low = 0xa0; // no overlong forms
      if (c === 0xed) high = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      length = 4;
      if (c === 0xf0) low = 0x90;
      if (c === 0xf4) high = 0x8f; // nothing above U+10FFFF
    } else return i;
    if (i + length > b.length) return i;
    const second = b[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if (((b[i + k] as number) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}
