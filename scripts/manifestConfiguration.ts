/**
 * The parts of the manifest's `contributes.configuration` that follow from the code: the key of
 * each setting, every default (from `DEFAULT_SETTINGS`), and one severity property per rule of the
 * catalogue under `netpolLens.rules`. Descriptions stay hand-written in package.json.
 * Used by `scripts/syncManifest.ts` (writes package.json) and `test/unit/manifest.test.ts` (checks it).
 */
import { RULES, docsUrl } from '../shared/src/ruleCatalogue';
import { DEFAULT_SETTINGS, type NetpolLensSettings } from '../shared/src/settings';

export const SEVERITY_SETTINGS = ['default', 'error', 'warning', 'information', 'hint', 'off'] as const;

/** Manifest key of a settings field: `netpolLens.<field>`, except the nested `codeLens.*` ones. */
export function settingKey(field: keyof NetpolLensSettings): string {
  if (field === 'codeLensEnabled') return 'netpolLens.codeLens.enabled';
  if (field === 'codeLensCompareWithHead') return 'netpolLens.codeLens.compareWithHead';
  return `netpolLens.${field}`;
}

const SEVERITY_DESCRIPTIONS: Readonly<Record<Exclude<(typeof SEVERITY_SETTINGS)[number], 'default'>, string>> = {
  error: 'Reported as an error.',
  warning: 'Reported as a warning.',
  information: 'Reported as information.',
  hint: 'Shown as a hint in the editor only (not in the Problems panel).',
  off: 'Not reported.',
};

/** Settings the client reads itself; they have no field in `NetpolLensSettings`. */
export const CLIENT_ONLY_SETTINGS = ['netpolLens.trace.server'] as const;

export interface RuleSeverityProperty {
  readonly type: 'string';
  readonly enum: readonly string[];
  readonly enumDescriptions: readonly string[];
  readonly default: 'default';
  readonly markdownDescription: string;
}

export function ruleSeverityProperties(): Record<string, RuleSeverityProperty> {
  const properties: Record<string, RuleSeverityProperty> = {};
  for (const rule of RULES) {
    properties[rule.id] = {
      type: 'string',
      enum: SEVERITY_SETTINGS,
      enumDescriptions: SEVERITY_SETTINGS.map((s) => (s === 'default' ? `The rule's default (${rule.defaultSeverity}).` : SEVERITY_DESCRIPTIONS[s])),
      default: 'default',
      markdownDescription: `${rule.title}. Default: \`${rule.defaultSeverity}\`. [Rule page](${docsUrl(rule.id)})`,
    };
  }
  return properties;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The configuration's `properties` object of a parsed package.json (throws if missing: a broken manifest). */
export function configurationProperties(pkg: JsonObject): JsonObject {
  const contributes = pkg.contributes;
  const configuration = isObject(contributes) ? contributes.configuration : undefined;
  const properties = isObject(configuration) ? configuration.properties : undefined;
  if (!isObject(properties)) throw new Error('package.json has no contributes.configuration.properties object');
  return properties;
}

/** package.json with the derived parts brought up to date; settings missing from it are reported, not invented. */
export function syncManifest(pkg: JsonObject): { pkg: JsonObject; missing: string[] } {
  const synced = structuredClone(pkg);
  const properties = configurationProperties(synced);
  const missing: string[] = [];
  for (const field of Object.keys(DEFAULT_SETTINGS) as (keyof NetpolLensSettings)[]) {
    const property = properties[settingKey(field)];
    if (!isObject(property)) {
      missing.push(settingKey(field));
      continue;
    }
    property.default = structuredClone(DEFAULT_SETTINGS[field]) as Json;
    if (field === 'rules') property.properties = structuredClone(ruleSeverityProperties()) as unknown as JsonObject;
  }
  return { pkg: synced, missing };
}
