/** Every `.yaml`/`.yml` file below `dir`, as absolute paths in a stable order. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}
