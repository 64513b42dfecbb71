/** The `--config FILE` option every command that reads settings shares. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './io';
import { parseSettingsFile } from './settingsFile';

/** The raw settings of `--config` (not yet normalised), `{}` without the option. */
export function readConfigOption(values: ReadonlyMap<string, readonly string[]>, cwd: string): Record<string, unknown> {
  const config = values.get('config')?.[0];
  if (config === undefined) return {};
  const path = resolve(cwd, config);
  if (!existsSync(path)) throw new UsageError(`config file not found: ${config}`);
  try {
    return parseSettingsFile(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`config file is not a JSON settings object: ${config}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
