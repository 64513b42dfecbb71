/**
 * Render plain values (what a fix inserts: strings, numbers, maps, lists) as YAML text, in block
 * style at a given column following the file's layout, or in flow style for flow collections.
 * Strings are written plain when YAML would read them back as the same string, else double-quoted.
 */
import type { YamlLayout } from './yamlLayout';

export type PlainValue = string | number | boolean | null | readonly PlainValue[] | { readonly [key: string]: PlainValue };

/** A value written as-is (a scalar copied from the source with its quotes). */
export interface VerbatimValue {
  readonly verbatim: string;
}

export type RenderValue = PlainValue | VerbatimValue | readonly RenderValue[] | { readonly [key: string]: RenderValue };

function isVerbatim(v: RenderValue): v is VerbatimValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as VerbatimValue).verbatim === 'string' && Object.keys(v).length === 1;
}

const PLAIN_SAFE = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/;
const SPECIAL = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\.inf|\.nan)|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/i;

export function renderScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  return PLAIN_SAFE.test(value) && !SPECIAL.test(value) ? value : JSON.stringify(value);
}

function entries(v: RenderValue): [string, RenderValue][] | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || isVerbatim(v)) return undefined;
  return Object.entries(v as { readonly [key: string]: RenderValue });
}

/** Flow style: `{a: 1, b: [x, y]}`. */
export function renderFlow(value: RenderValue): string {
  if (isVerbatim(value)) return value.verbatim;
  if (Array.isArray(value)) return `[${(value as readonly RenderValue[]).map(renderFlow).join(', ')}]`;
  const map = entries(value);
  if (map) return `{${map.map(([k, v]) => `${renderScalar(k)}: ${renderFlow(v)}`).join(', ')}}`;
  return renderScalar(value as string | number | boolean | null);
}

function isEmptyCollection(v: RenderValue): boolean {
  if (Array.isArray(v)) return v.length === 0;
  const map = entries(v);
  return map !== undefined && map.length === 0;
}

/**
 * The entries of a map in block style, keys at `column`, each line ending with the layout's line
 * break. Empty collections are written `{}` / `[]`.
 */
export function renderBlockMap(value: { readonly [key: string]: RenderValue }, column: number, layout: YamlLayout): string {
  return blockLines(value, column, layout)
    .map((l) => l + layout.newline)
    .join('');
}

/** One block sequence item with its dash at `column`, each line ending with the layout's line break. */
export function renderBlockSeqItem(value: RenderValue, column: number, layout: YamlLayout): string {
  return seqLines([value], column, layout)
    .map((l) => l + layout.newline)
    .join('');
}

function blockLines(value: RenderValue, column: number, layout: YamlLayout): string[] {
  const pad = ' '.repeat(column);
  const map = entries(value);
  if (map) {
    const out: string[] = [];
    for (const [k, v] of map) {
      const key = `${pad}${renderScalar(k)}:`;
      if (isVerbatim(v) || isEmptyCollection(v) || (!Array.isArray(v) && entries(v) === undefined)) {
        out.push(`${key} ${renderFlow(v)}`);
      } else if (Array.isArray(v)) {
        out.push(key, ...seqLines(v as readonly RenderValue[], column + layout.seqIndent, layout));
      } else {
        out.push(key, ...blockLines(v, column + layout.indent, layout));
      }
    }
    return out;
  }
  if (Array.isArray(value)) return seqLines(value as readonly RenderValue[], column, layout);
  return [`${pad}${renderFlow(value)}`];
}

function seqLines(items: readonly RenderValue[], column: number, layout: YamlLayout): string[] {
  const pad = ' '.repeat(column);
  const out: string[] = [];
  for (const item of items) {
    if (isVerbatim(item) || isEmptyCollection(item) || (!Array.isArray(item) && entries(item) === undefined)) {
      out.push(`${pad}- ${renderFlow(item)}`);
      continue;
    }
    // The item's content starts two columns right of its dash; its first line shares the dash line.
    const lines = blockLines(item, column + 2, layout);
    const [first, ...rest] = lines;
    out.push(`${pad}- ${(first ?? '').slice(column + 2)}`, ...rest);
  }
  return out;
}
