/**
 * The CLI's `--config` file: either the settings without their prefix
 * (`{"targetKubernetesVersion": "1.29"}`), or a VS Code `settings.json` as it is, so CI runs with
 * the settings the team's editors use (`"netpolLens.rules": {…}`, JSON with comments and trailing
 * commas). Keys of other extensions are ignored.
 */

const PREFIX = 'netpolLens.';

/** The raw settings object (not yet normalised); throws a SyntaxError for text that is not JSON(C). */
export function parseSettingsFile(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(stripJsonComments(text.replace(/^\uFEFF/, '')));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SyntaxError('the settings must be a JSON object');
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (!entries.some(([key]) => key.startsWith(PREFIX))) return parsed as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (!key.startsWith(PREFIX)) continue;
    const name = key.slice(PREFIX.length);
    // The one nested setting: `netpolLens.codeLens.enabled` is `codeLensEnabled` in the settings object.
    out[name === 'codeLens.enabled' ? 'codeLensEnabled' : name] = value;
  }
  return out;
}

/** JSONC → JSON: drops `//` and `/* *\/` comments, then trailing commas, leaving strings alone. */
export function stripJsonComments(text: string): string {
  const withoutComments = scan(text, (t, i) => {
    if (t.startsWith('//', i)) {
      const end = t.indexOf('\n', i);
      return (end === -1 ? t.length : end) - i;
    }
    if (t.startsWith('/*', i)) {
      const end = t.indexOf('*/', i + 2);
      return (end === -1 ? t.length : end + 2) - i;
    }
    return 0;
  });
  return scan(withoutComments, (t, i) => (t[i] === ',' && closesNext(t, i + 1) ? 1 : 0));
}

/** Whether the next character after white space closes an object or array. */
function closesNext(text: string, from: number): boolean {
  let j = from;
  while (j < text.length && /\s/.test(text[j] as string)) j++;
  return text[j] === '}' || text[j] === ']';
}

/** Copies `text` but for what `drop` skips (a count of characters from `i`; 0 keeps it), outside strings. */
function scan(text: string, drop: (text: string, i: number) => number): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const skip = drop(text, i);
    if (skip > 0) i += skip;
    else out += text[i++] as string;
  }
  return out;
}
