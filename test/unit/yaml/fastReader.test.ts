/**
 * The fast reader (`server/src/yaml/fastReader.ts`) against the full one (`parseYamlDocument`):
 * for every document it reads, the tree is the full reader's to the letter — values, sources,
 * styles, offsets, duplicate keys, no problems — and every other document it declines. Checked
 * over every YAML file of the fixtures, the e2e workspaces and the shared conformance inputs, the
 * benchmark's generated workspace, and random mutations of them (what typing does); and it must
 * take the shapes real manifests use, or it buys nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { splitDocuments } from '../../../server/src/model/splitDocuments';
import { toPlain } from '../../../server/src/model/yamlTree';
import { readFast } from '../../../server/src/yaml/fastReader';
import { parseYamlDocument } from '../../../server/src/yaml/parseYamlDocument';
import { generateMonorepo } from '../../bench/monorepo';
import { KEYS, mutate, mutationArb } from '../../support/yamlMutations';
import { YamlShapes } from '../../support/yamlShapes';

const repo = join(__dirname, '..', '..', '..');
const sharedConformance = resolve(process.env.NETPOL_CONFORMANCE_DIR ?? join(repo, '..', 'shared', 'conformance'));

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

const e2eWorkspaces = readdirSync(join(repo, 'test', 'e2e'))
  .filter((n) => n.startsWith('workspace'))
  .map((n) => join(repo, 'test', 'e2e', n));
const corpusFiles = [join(repo, 'test', 'fixtures'), ...e2eWorkspaces].flatMap(yamlFiles);
const corpus = corpusFiles.map((f) => readFileSync(f, 'utf8'));

interface Tally {
  documents: number;
  taken: number;
}

/** Every document of `text`: the fast reader declines or agrees with the full reader. */
function compareDocuments(text: string, where: string, tally: Tally): void {
  for (const slice of splitDocuments(text)) {
    tally.documents++;
    const fast = readFast(slice.text, slice.start);
    if (fast === undefined) continue;
    tally.taken++;
    assert.deepStrictEqual(fast, parseYamlDocument(slice.text, slice.start), `${where}, document ${slice.index}:\n${slice.text.slice(0, 2000)}`);
  }
}

describe('fast reader: the full reader’s tree, or nothing', () => {
  it('every document of the fixtures and the e2e workspaces', () => {
    const tally: Tally = { documents: 0, taken: 0 };
    corpusFiles.forEach((f, i) => compareDocuments(corpus[i] as string, f, tally));
    assert.ok(tally.documents > 500, `the corpus is the repository's YAML (${tally.documents} documents)`);
    // Broken, templated and exotic fixtures are declined; the rest is what the fast reader is for.
    assert.ok(tally.taken > tally.documents * 0.8, `taken ${tally.taken} of ${tally.documents}`);
  });

  it('every document of the shared conformance inputs', (t) => {
    if (!existsSync(sharedConformance)) {
      t.diagnostic(`${sharedConformance} is absent: the conformance inputs are not compared here (CI has them)`);
      return;
    }
    const tally: Tally = { documents: 0, taken: 0 };
    for (const f of yamlFiles(sharedConformance)) compareDocuments(readFileSync(f, 'utf8'), f, tally);
    assert.ok(tally.taken > tally.documents * 0.8, `taken ${tally.taken} of ${tally.documents}`);
  });

  it('the benchmark’s generated workspace: every document taken, and the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-fast-reader-'));
    try {
      generateMonorepo(dir, { files: 80, documents: 400, singleFile: false }, 7);
      const tally: Tally = { documents: 0, taken: 0 };
      for (const f of yamlFiles(dir)) compareDocuments(readFileSync(f, 'utf8'), f, tally);
      assert.equal(tally.taken, tally.documents);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('random documents in the shapes manifests take, comments and blank lines at every indentation', () => {
    const shapes = new YamlShapes(20261207);
    const tally: Tally = { documents: 0, taken: 0 };
    for (let i = 0; i < 4000; i++) compareDocuments(shapes.document(), `generated document ${i}`, tally);
    assert.ok(tally.taken > tally.documents / 2, `taken ${tally.taken} of ${tally.documents}`);
  });

  it('random mutations of the corpus, as typing makes them', () => {
    const tally: Tally = { documents: 0, taken: 0 };
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(mutationArb(KEYS), { minLength: 1, maxLength: 4 }), (which, mutations) => {
        let text = corpus[which] as string;
        for (const m of mutations) text = mutate(text, m);
        compareDocuments(text, `${corpusFiles[which]} mutated by ${JSON.stringify(mutations)}`, tally);
      }),
      { seed: 20261207, numRuns: 1500 },
    );
    assert.ok(tally.taken > 0 && tally.taken < tally.documents, `taken ${tally.taken} of ${tally.documents}`);
  });
});

describe('fast reader: the shapes it takes', () => {
  const take = (text: string): unknown => {
    const fast = readFast(text, 0);
    assert.ok(fast, `taken:\n${text}`);
    assert.deepStrictEqual(fast, parseYamlDocument(text, 0));
    return toPlain(fast.root);
  };

  it('block maps and sequences, compact items, flow collections, quotes and escapes, comments', () => {
    const text = [
      '# leading comment',
      'apiVersion: networking.k8s.io/v1   # trailing',
      'kind: "NetworkPolicy"',
      'spec:',
      '  policyTypes: [Ingress, "Egress"]',
      '  podSelector: {}',
      '  ingress:',
      '  - from:',
      '    - podSelector: {matchLabels: {app: web, tier: \'it\'\'s\'}}',
      '      # a comment between keys',
      '      namespaceSelector:',
      '        matchLabels:',
      '          name: "tab\\there \\u00e9"',
      '    ports:',
      '      - port: 8080',
      '        protocol: TCP',
      '        # trailing comments the parser keeps inside this map',
      '',
    ].join('\n');
    assert.deepEqual(take(text), {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      spec: {
        policyTypes: ['Ingress', 'Egress'],
        podSelector: {},
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web', tier: "it's" } }, namespaceSelector: { matchLabels: { name: 'tab\there é' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }],
      },
    });
  });

  it('the core schema: numbers, booleans and nulls as the yaml package resolves them', () => {
    const words = ['0755', '0o17', '0x1F', '1e3', '-1.50', '.inf', '-.Inf', '.nan', 'yes', 'No', 'on', 'True', 'FALSE', '~', 'null', 'Null', '2001-12-14', '12:30', '+12', '1_000', '0.', '.5'];
    const text = words.map((w, i) => `k${i}: ${w}`).join('\n') + '\nempty:\nlast: x\n';
    take(text);
  });

  it('multi-line plain scalars (long arguments wrapped by serializers), flow values below their key, CRLF line ends', () => {
    assert.deepEqual(take('args:\n- /bin/cp /usr/local/bin/argocd\n  /var/run/argocd\nsel:\n  {}\nlist:\n  [a, b]\n'), {
      args: ['/bin/cp /usr/local/bin/argocd /var/run/argocd'],
      sel: {},
      list: ['a', 'b'],
    });
    assert.deepEqual(take('a: 1\r\nb:\r\n  - x\r\n  - "y"\r\n'), { a: 1, b: ['x', 'y'] });
  });

  it('a key written twice: the last wins, and the pair that lost is listed', () => {
    take('a: 1\nb: 2\na: 3\nm: {x: 1, x: 2}\n');
  });

  it('declines what it leaves to the full reader', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a:\n  <<: {b: 1}\n',
      'a: !!str 1\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: |+\n  text\n',
      'a: "open\n  quote"\n',
      '? complex\n: key\n',
      'a:\n\tb: 1\n',
      '\uFEFFa: 1\n',
      '  a: 1\n',
      'a: b: c\n',
      'a: [1,\n  2]\n',
      'a: 1\nb\n',
      'a:   # a comment on an empty value\nb: 1\n',
      `${'- '.repeat(40)}x\n`,
    ]) {
      assert.equal(readFast(text, 0), undefined, JSON.stringify(text));
    }
  });
});
