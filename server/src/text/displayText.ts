/**
 * How values the user wrote appear in messages (diagnostics, hovers, CLI output). A value is shown
 * as written, but what cannot be seen is made visible: a label key holding a zero-width space is
 * shown as "tier\u200b", not as "tier" followed by nothing. Long values and long lists are cut,
 * so no message grows with the input (one message was 257,884 characters).
 */

/** The longest message a diagnostic carries; longer ones are cut (the rules keep well below). */
export const MAX_MESSAGE_LENGTH = 500;

/** How much of one value a message shows. */
const MAX_VALUE_LENGTH = 80;

// Control and format characters, line and paragraph separators, lone surrogates, and every space
// that is not the ASCII one (a no-break space reads like a space but is not one in a label).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u3164\uffa0]/gu;

function escapeChar(c: string): string {
  switch (c) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default: {
      const code = c.codePointAt(0) ?? 0;
      return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
    }
  }
}

/** `value` with invisible characters escaped and cut to `max` characters (then `…`). */
export function shown(value: string, max = MAX_VALUE_LENGTH): string {
  const chars = [...value];
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
  return cut.replace(INVISIBLE, escapeChar);
}

/** `"value"`: `shown`, in double quotes, with `"` and `\` escaped (as kubectl quotes values). */
export function quoted(value: string, max = MAX_VALUE_LENGTH): string {
  return `"${shown(value.replace(/[\\"]/g, (c) => `\\${c}`), max)}"`;
}

/** `a, b and c`, or `a, b, c and 4 more` past `max` items. */
export function listText(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** `items` joined by `separator`, the first `max` of them, then `… (N more)`. */
export function joinCapped(items: readonly string[], separator: string, max = 8): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)}${separator}… (${items.length - max} more)`;
}

/** A label as selectors print it, `key=value`, each side shown as written. */
export function labelText(key: string, value: string): string {
  return `${shown(key)}=${shown(value)}`;
}

/** A message cut to MAX_MESSAGE_LENGTH characters (the last one `…`). */
export function capMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  return `${message.slice(0, MAX_MESSAGE_LENGTH - 1).replace(/[\ud800-\udbff]$/, '')}…`;
}
