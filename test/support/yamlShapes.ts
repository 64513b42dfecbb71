/**
 * Random YAML documents in the shapes manifests take, with the details where readers disagree:
 * nested block maps and sequences (compact `- key: value` items, sequences at their key's column),
 * empty values, quoted keys, keys written twice, plain, quoted and multi-line scalars, block
 * scalars, flow collections, and blank and comment lines at every indentation between them.
 * Deterministic for a seed.
 */

const WORDS = ['a', 'b', 'app', '80', '0755', 'true', 'null', '~', '1e3', '-1', 'x y', 'http://x', 'a:b', "'q'", '"d\\n"', '"e"', "'it''s'", '[]', '{}', '[a, b]', '{a: 1, b: [x]}', 'a#b', '-x', '?x', ':x', '.inf', '0x1f', '0o7', '+3', '1.50'];
const KEYS = ['a', 'b', 'c', 'name', 'app', '"q"', "'s'", '1', 'a b', 'true'];

/** A document's lines: a value on its key's line (`inline`, maybe going on below) or a block below it. */
type Written = { readonly inline: string[] } | { readonly block: string[] };

export class YamlShapes {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  document(): string {
    const lines: string[] = [];
    const keys = 1 + this.int(4);
    for (let k = 0; k < keys; k++) lines.push(...this.comments(0), ...this.entry(`${this.pick(KEYS)}:`, this.node(2, 1)));
    lines.push(...this.comments(0), ...this.comments(2));
    const text = lines.join('\n') + (this.chance(0.8) ? '\n' : '');
    return this.chance(0.1) ? text.replace(/\n/g, '\r\n') : text;
  }

  private node(indent: number, depth: number): Written {
    const r = this.next();
    if (depth > 4 || r < 0.45) return { inline: this.scalar(indent) };
    if (r < 0.5) return { inline: [''] };
    const lines: string[] = [];
    const n = 1 + this.int(3);
    if (r < 0.75) {
      const used: string[] = [];
      for (let i = 0; i < n; i++) {
        const key = used.length > 0 && this.chance(0.1) ? this.pick(used) : this.pick(KEYS);
        used.push(key);
        lines.push(...this.comments(indent), ...this.entry(`${' '.repeat(indent)}${key}:`, this.node(indent + 2, depth + 1)));
      }
      return { block: lines };
    }
    // A sequence indented under its key, or at the key's own column.
    const col = this.chance(0.3) ? Math.max(0, indent - 2) : indent;
    for (let i = 0; i < n; i++) {
      const item = this.node(col + 2, depth + 1);
      lines.push(...this.comments(col));
      const first = 'block' in item ? item.block[0] : undefined;
      if (first !== undefined && /^\s*[^-\s#]/.test(first) && this.chance(0.5)) {
        // Compact: the first key of the map on the `-` line.
        lines.push(`${' '.repeat(col)}- ${first.trimStart()}`, ...('block' in item ? item.block.slice(1) : []));
      } else lines.push(...this.entry(`${' '.repeat(col)}-`, item));
    }
    return { block: lines };
  }

  private entry(head: string, value: Written): string[] {
    if ('inline' in value) {
      const [first = '', ...rest] = value.inline;
      return [first === '' ? head : `${head} ${first}`, ...rest];
    }
    return [this.chance(0.1) ? `${head} # on the key's line` : head, ...value.block];
  }

  private scalar(indent: number): string[] {
    const r = this.next();
    if (r < 0.07) {
      const body = Array.from({ length: 1 + this.int(3) }, () =>
        this.chance(0.2) ? ' '.repeat(this.chance(0.5) ? 0 : this.int(6)) : ' '.repeat(indent + 2 + (this.chance(0.1) ? 1 : 0)) + this.pick(['x', 'y z', '# text', 'k: v']),
      );
      return [this.pick(['|', '|-', '>', '>-']), ...body];
    }
    if (r < 0.12) return [this.pick(WORDS), ' '.repeat(indent + 1 + this.int(3)) + this.pick(['more', 'more text'])];
    return [this.pick(WORDS) + (this.chance(0.1) ? '   # trailing' : this.chance(0.05) ? '  ' : '')];
  }

  /** Mostly nothing; else blank lines, lines of blanks, comments at any indentation near `indent`. */
  private comments(indent: number): string[] {
    const out: string[] = [];
    const n = this.chance(0.3) ? 1 + this.int(3) : 1;
    for (let i = 0; i < n; i++) {
      const r = this.next();
      if (r < 0.75) continue;
      if (r < 0.85) out.push('');
      else if (r < 0.9) out.push(' '.repeat(this.int(3)));
      else out.push(`${' '.repeat(Math.max(0, indent + this.int(11) - 5))}# comment`);
    }
    return out;
  }

  private next(): number {
    this.state = (Math.imul(this.state, 1103515245) + 12345) >>> 0;
    return this.state / 0x100000000;
  }

  private int(n: number): number {
    return Math.floor(this.next() * n);
  }

  private chance(p: number): boolean {
    return this.next() < p;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
}
