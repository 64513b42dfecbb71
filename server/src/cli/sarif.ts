/** SARIF 2.1.0 for GitHub code scanning: one run, rule metadata with help URIs, file locations. */
import { RULES, docsUrl, type Severity } from '../../../shared/src/ruleCatalogue';
import type { CliFinding } from './checkReport';

function level(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

export function toSarif(findings: readonly CliFinding[], version: string): object {
  const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'netpol-lens',
            version,
            informationUri: 'https://github.com/netpol-lens/netpol-lens',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id
                .split('-')
                .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
                .join(''),
              shortDescription: { text: r.title },
              helpUri: docsUrl(r.id),
              help: { text: `See ${docsUrl(r.id)}` },
              defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : level(r.defaultSeverity) },
              properties: { tags: ['kubernetes', 'networkpolicy', r.category] },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
          level: level(f.severity),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.relativePath, uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          ...(f.related.length > 0
            ? {
                relatedLocations: f.related.map((r, i) => ({
                  id: i,
                  message: { text: r.message },
                  physicalLocation: {
                    artifactLocation: { uri: r.relativePath, uriBaseId: '%SRCROOT%' },
                    region: { startLine: r.line, startColumn: r.column },
                  },
                })),
              }
            : {}),
        })),
      },
    ],
  };
}
