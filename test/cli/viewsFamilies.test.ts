/**
 * `netpol-lens views` lists the families of folders whose namespace-less objects are also read
 * apart (views/namespaceFamilies.ts): each subfolder of `tests/` and `samples/` on its own, an
 * app with its sibling policies folder as one, cousins apart.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const fixture = join(__dirname, '..', 'fixtures', 'workspaces', 'namespace-less-folders');

describe('views: families of folders', () => {
  it('lists each family with its files', () => {
    const run = spawnSync(process.execPath, [cli, 'views', fixture, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { families: { name: string; files: string[] }[] };
    const families = out.families.map((f) => f.files).sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
    assert.deepEqual(families, [
      ['deploy/apps/api/api.yaml'],
      ['deploy/policies/api.yaml'],
      ['samples/shop/shop.yaml'],
      ['store/app/store.yaml', 'store/policies/default-deny.yaml'],
      ['tests/deny-egress/deny.yaml'],
      ['tests/hbone/only-hbone.yaml'],
    ]);
  });

  it('a workspace whose namespace-less objects are one family lists none', () => {
    const run = spawnSync(process.execPath, [cli, 'views', join(fixture, 'store'), '--format', 'json'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { families: unknown[] }).families, []);
  });
});
