/**
 * What typing does to a YAML file, and what a hostile file holds: the mutations the fuzz test
 * (`test/unit/fuzz.test.ts`) and the fast reader's differential test apply to real fixtures —
 * truncated mid-word, lines deleted, duplicated, swapped or re-indented, a value replaced by
 * another type, tabs, CRLF, a BOM, a stray `---` or `- `, anchors and aliases, merge keys, deep
 * nesting, alias bombs, documents grown past the size cap.
 */
import fc from 'fast-check';

const SCALARS = [
  '42',
  '-1',
  '0',
  '65536',
  '1.5',
  '1e400',
  '0x1F',
  'true',
  'false',
  'null',
  '~',
  '',
  '[]',
  '{}',
  '[a, 1, {b: c}]',
  '{a: 1, b: [x]}',
  '- x',
  "'{{ x }}'",
  '{{ .Values.x }}',
  '"unterminated',
  "'also",
  '|',
  '>-',
  '*anchor',
  '&anchor value',
  '*a',
  '&a x',
  '[*a, *a]',
  '{<<: *a, from: []}',
  '"tier\u200b"',
  '!!binary aGVsbG8=',
  '!custom x',
  '? complex',
  '10.0.0.0/8',
  '::/0',
  '2001:db8::/129',
  'TCP',
  'http',
  'kube-system',
  'a'.repeat(5000),
  'x '.repeat(3000) + 'y',
  'a' + ' '.repeat(20000) + 'b',
  '\u00e9\u00e8\u4e2d\u6587 \u{1F600}',
  '\u202e\u200b\u0301',
  '\ud800',
  '"\\u0000"',
  '\t',
  '#',
  ': :',
  '{',
  '[',
];

export const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'labels',
  'annotations',
  'spec',
  'podSelector',
  'namespaceSelector',
  'matchLabels',
  'matchExpressions',
  'key',
  'operator',
  'values',
  'policyTypes',
  'ingress',
  'egress',
  'from',
  'to',
  'ports',
  'port',
  'endPort',
  'protocol',
  'ipBlock',
  'cidr',
  'except',
  'items',
  'template',
  'containers',
  'containerPort',
  'selector',
  'targetPort',
  'unknownThing',
  '"quoted key"',
  '? ',
  '<<',
  '- name',
];

const INSERTS = ['\t', '\r\n', '\r', '\n', '\uFEFF', '\n---\n', '---', '...', '- ', ':', ': ', '#', ' ', '  ', '{', '}', '[', ']', ',', '"', "'", '&a ', '*a', '!', '|', '>', '%YAML 1.2\n', '? ', '\u0000', '{{', 'x'];

export type Mutation =
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'deleteLine'; readonly line: number }
  | { readonly op: 'duplicateLine'; readonly line: number }
  | { readonly op: 'swapLines'; readonly a: number; readonly b: number }
  | { readonly op: 'indent'; readonly line: number; readonly delta: number }
  | { readonly op: 'replaceValue'; readonly line: number; readonly value: string }
  | { readonly op: 'replaceKey'; readonly line: number; readonly key: string }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'insertLine'; readonly line: number; readonly text: string }
  | { readonly op: 'tabs'; readonly line: number }
  | { readonly op: 'crlf' }
  | { readonly op: 'bom' }
  // What a YAML power user writes, and what a hostile file holds.
  | { readonly op: 'alias'; readonly from: number; readonly to: number }
  | { readonly op: 'merge'; readonly line: number; readonly inline: boolean }
  | { readonly op: 'nest'; readonly line: number; readonly depth: number; readonly flow: boolean }
  | { readonly op: 'bomb'; readonly line: number }
  | { readonly op: 'grow'; readonly line: number; readonly times: number };

export const mutationArb = (keys: readonly string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('indent' as const), line: fc.nat(), delta: fc.integer({ min: -6, max: 6 }) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('replaceValue' as const), line: fc.nat(), value: fc.constantFrom(...SCALARS) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('replaceKey' as const), line: fc.nat(), key: fc.constantFrom(...keys) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('insertLine' as const),
        line: fc.nat(),
        text: fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom(...keys), fc.constantFrom(...SCALARS)).map(([n, k, v]) => `${' '.repeat(n)}${k}: ${v}`),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('tabs' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('alias' as const), from: fc.nat(), to: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('merge' as const), line: fc.nat(), inline: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), line: fc.nat(), depth: fc.constantFrom(20, 98, 99, 100, 101, 150, 301, 3000), flow: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('bomb' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('grow' as const), line: fc.nat(), times: fc.constantFrom(50, 500, 3000) }) },
  );

/** The `key: value` lines (or `- value` items) of a text: [line index, prefix up to the value, value]. */
function valueLines(lines: readonly string[]): [number, string, string][] {
  const out: [number, string, string][] = [];
  lines.forEach((line, i) => {
    const m = /^(\s*(?:- )?[^\s:#'"-][^:#]*:)([ \t]*)(.*?)(\r?)$/.exec(line);
    if (m) out.push([i, `${m[1] ?? ''}${m[2] === '' ? ' ' : (m[2] ?? ' ')}`, m[3] ?? '']);
  });
  return out;
}

/** 9 strings, then each level 9 aliases of the one before: 9^levels values once expanded. */
function aliasBomb(indent: string, levels: number): string[] {
  const lines = [`${indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let i = 1; i <= levels; i++) lines.push(`${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return lines;
}

export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const li = (n: number): number => n % Math.max(1, lines.length);
  switch (m.op) {
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'deleteLine':
      lines.splice(li(m.line), 1);
      return lines.join('\n');
    case 'duplicateLine': {
      const i = li(m.line);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'swapLines': {
      const a = li(m.a);
      const b = li(m.b);
      const la = lines[a] ?? '';
      lines[a] = lines[b] ?? '';
      lines[b] = la;
      return lines.join('\n');
    }
    case 'indent': {
      const i = li(m.line);
      const line = lines[i] ?? '';
      lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + line : line.replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'replaceValue': {
      // The value of the nearest `key: value` or `- value` line at or after the chosen one.
      for (let k = 0; k < lines.length; k++) {
        const i = li(m.line + k);
        const match = /^(\s*(?:- )?(?:[^\s:#][^:#]*:[ \t]+|- ))(.+?)(\r?)$/.exec(lines[i] ?? '');
        if (match) {
          lines[i] = `${match[1] ?? ''}${m.value}${match[3] ?? ''}`;
          return lines.join('\n');
        }
      }
      return text;
    }
    case 'replaceKey': {
      for (let k = 0; k < lines.length; k++) {
        const i = li(m.line + k);
        const match = /^(\s*(?:- )?)([^\s:#'"-][^:#]*)(:.*)$/.exec(lines[i] ?? '');
        if (match) {
          lines[i] = `${match[1] ?? ''}${m.key}${match[3] ?? ''}`;
          return lines.join('\n');
        }
      }
      return text;
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'insertLine':
      lines.splice(m.line % (lines.length + 1), 0, m.text);
      return lines.join('\n');
    case 'tabs': {
      const i = li(m.line);
      lines[i] = (lines[i] ?? '').replace(/^( +)/, (ws) => '\t'.repeat(Math.max(1, ws.length >> 1)));
      return lines.join('\n');
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return text.startsWith('\uFEFF') ? text : '\uFEFF' + text;
    case 'alias': {
      // An anchor on one value, an alias of it as a later value (or an earlier one: an unknown anchor).
      // Mostly anchor before alias, as people write them; an alias over block content is left out.
      const values = valueLines(lines);
      const a = values[m.from % Math.max(1, values.length)];
      const targets = values.filter((v) => v[2] !== '' && (m.to % 5 === 0 || v[0] > (a?.[0] ?? 0)));
      const b = targets[m.to % Math.max(1, targets.length)];
      if (!a || !b || a[0] === b[0]) return text;
      lines[a[0]] = `${a[1]}&a ${a[2]}`;
      lines[b[0]] = `${b[1]}*a`;
      return lines.join('\n');
    }
    case 'merge': {
      // A merge key at the indentation of a line's key: of the anchor above, or of an inline map.
      const i = li(m.line);
      const indent = /^(\s*)(?:- )?/.exec(lines[i] ?? '')?.[0].replace('-', ' ') ?? '';
      lines.splice(i + 1, 0, `${indent}<<: ${m.inline ? '{podSelector: {matchLabels: {app: web}}, ports: [{port: 80}], from: []}' : '*a'}`);
      return lines.join('\n');
    }
    case 'nest': {
      const values = valueLines(lines);
      const v = values[m.line % Math.max(1, values.length)];
      if (!v) return text;
      if (m.flow) lines[v[0]] = `${v[1]}${'['.repeat(m.depth)}x${']'.repeat(m.depth)}`;
      else {
        const indent = /^\s*/.exec(lines[v[0]] ?? '')?.[0] ?? '';
        lines[v[0]] = `${v[1]}`.replace(/[ \t]+$/, '');
        lines.splice(v[0] + 1, 0, `${indent}  ${'- '.repeat(m.depth)}x`);
      }
      return lines.join('\n');
    }
    case 'bomb': {
      const i = li(m.line);
      const indent = /^\s*/.exec(lines[i] ?? '')?.[0] ?? '';
      lines.splice(i + 1, 0, ...aliasBomb(indent, 7));
      return lines.join('\n');
    }
    case 'grow': {
      // An oversized document: one line written many times (a key repeated, or a list grown).
      const i = li(m.line);
      lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i] ?? ''));
      return lines.join('\n');
    }
  }
}

