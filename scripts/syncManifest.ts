/**
 * Brings package.json's settings in line with the code: defaults from `DEFAULT_SETTINGS` and one
 * severity property per catalogue rule under `netpolLens.rules`. Run after adding a rule or
 * changing a default:  node --import tsx scripts/syncManifest.ts
 * (`test/unit/manifest.test.ts` fails while the manifest is out of date.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncManifest } from './manifestConfiguration';

const path = join(__dirname, '..', 'package.json');
const before = readFileSync(path, 'utf8');
const { pkg, missing } = syncManifest(JSON.parse(before));
const after = `${JSON.stringify(pkg, null, 2)}\n`;
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'package.json is up to date' : 'package.json updated');
if (missing.length > 0) {
  console.error(`settings without a manifest entry (add them with a markdownDescription): ${missing.join(', ')}`);
  process.exitCode = 1;
}
