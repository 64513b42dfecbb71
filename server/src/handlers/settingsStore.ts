/**
 * Settings per workspace folder, read with `workspace/configuration` (section `netpolLens`) when
 * the client supports it, else from initializationOptions / didChangeConfiguration payloads
 * (Neovim, Helix). Normalized and cached until the client says they changed.
 */
import type { Connection } from 'vscode-languageserver';
import { normalizeSettings, type NetpolLensSettings } from '../../../shared/src/settings';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<NetpolLensSettings>>();
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial: unknown,
  ) {
    this.pushed = unwrap(initial);
  }

  /** Settings that apply to `scopeUri` (a workspace folder URI, or undefined for the workspace). */
  get(scopeUri: string | undefined): Promise<NetpolLensSettings> {
    const key = scopeUri ?? '';
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.canPull
        ? this.connection.workspace
            .getConfiguration({ scopeUri, section: 'netpolLens' })
            .then((raw: unknown) => normalizeSettings(raw ?? this.pushed), () => normalizeSettings(this.pushed))
        : Promise.resolve(normalizeSettings(this.pushed));
      this.cache.set(key, entry);
    }
    return entry;
  }

  /** didChangeConfiguration: drop the cache; keep a pushed payload for clients that push. */
  changed(payload: unknown): void {
    const settings = unwrap(payload);
    if (settings !== undefined) this.pushed = settings;
    this.cache.clear();
  }
}

function unwrap(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  if (typeof p.netpolLens === 'object' && p.netpolLens !== null) return p.netpolLens;
  if (typeof p.settings === 'object' && p.settings !== null) return unwrap(p.settings) ?? p.settings;
  return undefined;
}
