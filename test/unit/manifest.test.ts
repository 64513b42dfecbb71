/**
 * package.json against the code: settings ↔ `NetpolLensSettings` and its defaults, one severity
 * setting and one docs page per catalogue rule, commands ↔ the client's registrations, and the
 * packaging fields the Marketplace and code-server rely on.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeIngressControllers } from '../../shared/src/ingressControllers';
import { RULES } from '../../shared/src/ruleCatalogue';
import { ALL_RULES } from '../../server/src/rules/registry';
import { DEFAULT_SETTINGS, normalizeSettings, type NetpolLensSettings } from '../../shared/src/settings';
import { ALL_COMMANDS } from '../../client/src/commands/allCommands';
import { CLIENT_ONLY_SETTINGS, SEVERITY_SETTINGS, configurationProperties, settingKey, syncManifest } from '../../scripts/manifestConfiguration';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface ManifestProperty {
  readonly type?: string;
  readonly default?: unknown;
  readonly scope?: string;
  readonly enum?: readonly string[];
  readonly markdownDescription?: unknown;
  readonly description?: unknown;
  readonly properties?: Readonly<Record<string, ManifestProperty>>;
  readonly additionalProperties?: unknown;
}
const properties = configurationProperties(pkg) as unknown as Readonly<Record<string, ManifestProperty>>;
const fields = Object.keys(DEFAULT_SETTINGS) as (keyof NetpolLensSettings)[];

/** The object VS Code hands the server for section `netpolLens` when `key` is set to `value`. */
function sectionWith(key: string, value: unknown): Record<string, unknown> {
  const path = key.split('.').slice(1);
  const last = path.pop() ?? '';
  const section: Record<string, unknown> = {};
  let at = section;
  for (const part of path) {
    const inner: Record<string, unknown> = {};
    at[part] = inner;
    at = inner;
  }
  at[last] = value;
  return section;
}

/** A valid value of the setting's type that differs from its default. */
function otherValue(field: keyof NetpolLensSettings): unknown {
  const d: unknown = DEFAULT_SETTINGS[field];
  if (field === 'rules') return { 'yaml-syntax': 'off' };
  if (field === 'clusters') return { dev: ['envs/dev/**'] };
  if (field === 'ingressControllers') return normalizeIngressControllers([{ name: 'edge', namespaces: ['edge'], podLabels: { app: 'edge' }, ingressClassNames: ['edge'] }]);
  if (typeof d === 'boolean') return !d;
  if (typeof d === 'number') return d + 1;
  if (typeof d === 'string') return field === 'targetKubernetesVersion' ? '1.20' : `${d}-other`;
  if (Array.isArray(d)) return ['other/**'];
  throw new Error(`no test value for ${field}`);
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('manifest: configuration', () => {
  it('has exactly one setting per settings field, plus the client-only ones', () => {
    const expected = [...fields.map(settingKey), ...CLIENT_ONLY_SETTINGS].sort();
    assert.deepEqual(Object.keys(properties).sort(), expected);
  });

  it('defaults equal DEFAULT_SETTINGS and types match', () => {
    for (const field of fields) {
      const p = properties[settingKey(field)];
      assert.ok(p, settingKey(field));
      assert.deepEqual(p.default, DEFAULT_SETTINGS[field], `${settingKey(field)} default`);
      const type = jsonType(DEFAULT_SETTINGS[field]);
      assert.ok(p.type === type || (type === 'integer' && p.type === 'number'), `${settingKey(field)}: type ${p.type}, default is ${type}`);
    }
  });

  it('each setting reaches its field through the server normalizer', () => {
    for (const field of fields) {
      const value = otherValue(field);
      const normalized = normalizeSettings(sectionWith(settingKey(field), value));
      assert.deepEqual(normalized[field], value, `${settingKey(field)} → ${field}`);
    }
  });

  it('every setting has a markdownDescription and analysis settings are resource-scoped', () => {
    for (const [key, p] of Object.entries(properties)) {
      assert.equal(typeof p.markdownDescription, 'string', `${key} markdownDescription`);
      assert.ok((p.markdownDescription as string).length > 20, `${key} markdownDescription is too short`);
      assert.equal(p.description, undefined, `${key}: use markdownDescription only`);
      if (!(CLIENT_ONLY_SETTINGS as readonly string[]).includes(key)) assert.equal(p.scope, 'resource', `${key} scope`);
    }
    assert.equal(pkg.contributes.configuration.title, 'Netpol Lens');
  });

  it('netpolLens.rules has one severity setting per catalogue rule, in sync with scripts/syncManifest.ts', () => {
    const rules = properties['netpolLens.rules'];
    assert.ok(rules);
    assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), RULES.map((r) => r.id).sort());
    assert.equal(rules.additionalProperties, false);
    const { pkg: synced, missing } = syncManifest(pkg);
    assert.deepEqual(missing, []);
    assert.deepEqual(synced, pkg, 'package.json is out of date: run `node --import tsx scripts/syncManifest.ts`');
  });

  it('every severity the manifest offers is accepted by the server', () => {
    const offered = properties['netpolLens.rules']?.properties?.['yaml-syntax']?.enum ?? [];
    assert.deepEqual(offered, [...SEVERITY_SETTINGS]);
    for (const severity of offered) {
      assert.equal(normalizeSettings({ rules: { 'yaml-syntax': severity } }).rules['yaml-syntax'], severity, severity);
    }
  });

  it('trace.server offers the levels vscode-languageclient reads', () => {
    assert.deepEqual(properties['netpolLens.trace.server']?.enum, ['off', 'messages', 'verbose']);
  });
});

describe('manifest: rule docs', () => {
  // Every rule that can emit a diagnostic has the page the diagnostic links to. Catalogue ids not
  // implemented yet (reserved, so their severity settings stay stable) get theirs with the rule.
  it('every registered rule has docs/rules/<id>.md (linked from its diagnostics)', () => {
    const missing = ALL_RULES.map((r) => r.id).filter((id) => !existsSync(join(root, 'docs', 'rules', `${id}.md`)));
    assert.deepEqual(missing, [], `rules without a docs page: ${missing.join(', ')}`);
  });
});

describe('manifest: commands', () => {
  const contributed = (pkg.contributes.commands as { command: string; title: string; category?: string }[]).map((c) => c.command);
  const clientSource = sourceFiles(join(root, 'client', 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  it('every command has a title and the category "Netpol Lens"', () => {
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'Netpol Lens', c.command);
      assert.ok(typeof c.title === 'string' && c.title.length > 0, c.command);
      assert.match(c.command, /^netpolLens\.[a-zA-Z]+$/);
    }
  });

  it('every contributed command is registered by the client, and every registered one is contributed', () => {
    for (const id of contributed) assert.ok(clientSource.includes(`'${id}'`), `${id} is contributed but not in client/src`);
    assert.deepEqual(ALL_COMMANDS.map((c) => c.id).sort(), [...contributed].sort());
  });

  it('menus only refer to contributed commands', () => {
    const menus = (pkg.contributes.menus ?? {}) as Record<string, { command: string }[]>;
    for (const [menu, entries] of Object.entries(menus)) {
      for (const e of entries) assert.ok(contributed.includes(e.command), `${menu}: ${e.command}`);
    }
  });
});

describe('manifest: packaging', () => {
  it('targets VS Code 1.91 to 1.100 and matches @types/vscode', () => {
    const range = pkg.engines.vscode as string;
    const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
    assert.ok(m, range);
    const [major, minor] = [Number(m[1]), Number(m[2])];
    assert.ok(major === 1 && minor <= 100, `${range} must allow code-server 4.100 (VS Code 1.100)`);
    const types = JSON.parse(readFileSync(join(root, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')).version as string;
    const [tMajor, tMinor] = types.split('.').map(Number);
    assert.ok(tMajor === major && (tMinor ?? 0) <= minor, `@types/vscode ${types} is newer than engines.vscode ${range}`);
  });

  it('activates on YAML, attaches to the yaml language, and supports untrusted workspaces', () => {
    assert.ok(pkg.activationEvents.includes('onLanguage:yaml'));
    assert.equal(pkg.contributes.languages, undefined, 'no new language id: we attach to yaml');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.main, './dist/client.js');
  });

  it('the grammar is an injection into source.yaml that exists with the declared scope', () => {
    assert.equal(pkg.contributes.grammars.length, 1);
    for (const g of pkg.contributes.grammars) {
      assert.deepEqual(g.injectTo, ['source.yaml']);
      assert.equal(g.language, undefined);
      const grammar = JSON.parse(readFileSync(join(root, g.path), 'utf8'));
      assert.equal(grammar.scopeName, g.scopeName);
      assert.match(grammar.injectionSelector, /source\.yaml/);
    }
  });

  it('the icon is a 128x128 PNG', () => {
    const png = readFileSync(join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });

  it('has the files vsce needs: LICENSE (Apache-2.0), CHANGELOG, README', () => {
    assert.equal(pkg.license, 'Apache-2.0');
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
    for (const f of ['CHANGELOG.md', 'README.md']) assert.ok(existsSync(join(root, f)), f);
  });

  it('packages MARKETPLACE.md as the extension page: what it does, then install and configure, with pictures shipped inside the VSIX', () => {
    const script = pkg.scripts?.package ?? '';
    assert.match(script, /vsce package .*--readme-path MARKETPLACE\.md/);
    // No rewriting to the repository's web address: relative pictures resolve inside the VSIX.
    assert.match(script, /--no-rewrite-relative-links/);
    const page = readFileSync(join(root, 'MARKETPLACE.md'), 'utf8');
    const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings.slice(0, 3), ['What it does', 'Install', 'Configure']);
    assert.doesNotMatch(page, /npm (ci|install|run|test)/, 'no build-from-source steps for end users');
    const shipped = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(shipped.includes('!MARKETPLACE.md') && !shipped.includes('!README.md'), 'one README in the VSIX');
    const images = [...page.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');
    assert.ok(images.length >= 4);
    for (const image of images) {
      assert.doesNotMatch(image, /^[a-z]+:/, `${image} is a path inside the VSIX, not a web address`);
      assert.ok(existsSync(join(root, image)), image);
      assert.ok(shipped.includes(`!${image}`), `.vscodeignore ships ${image}`);
    }
  });

  it('the repository README opens with the two newcomer commands and says what npm test needs beside the repo', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```sh\n([^`]+)```/g)].map((m) => m[1]?.trim() ?? '');
    assert.match(blocks[0] ?? '', /^npm ci && npm run package/);
    assert.equal(blocks[1], 'npm test');
    assert.match(readme, /`\.\.\/shared`/);
  });

  it('has an npm script for every npm run the test runner and README mention', () => {
    const texts = [readFileSync(join(root, 'scripts', 'runTests.mjs'), 'utf8'), readFileSync(join(root, 'README.md'), 'utf8')];
    const mentioned = new Set(texts.flatMap((t) => [...t.matchAll(/npm run ([a-z0-9:-]+)/g)].map((m) => m[1] ?? '')));
    for (const name of mentioned) assert.ok(pkg.scripts?.[name], `npm run ${name}`);
    assert.equal(pkg.scripts?.['test:e2e'], 'bash test/e2e/run.sh');
  });

  it('lists every rule of the catalogue in the README, each linked to its docs page', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| \[`([a-z0-9-]+)`\]\(docs\/rules\/([a-z0-9-]+)\.md\)/gm)];
    for (const m of listed) assert.equal(m[1], m[2], `README links ${m[1]} to its own page`);
    assert.deepEqual(listed.map((m) => m[1]).sort(), RULES.map((r) => r.id).sort());
  });
});
