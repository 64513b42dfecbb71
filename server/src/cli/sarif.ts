/**
 * SARIF 2.1.0 for GitHub code scanning: one run, rule metadata with help URIs, file locations.
 * Skipped files are tool execution notifications of the run's invocation (SARIF §3.20.21, §3.58),
 * each with the file's location; the counts of checked and skipped files are its properties.
 * Quick fixes go with their results (SARIF §3.55: `fixes`, each with `artifactChanges` replacing
 * regions of the result's file), so code-scanning tools can show or apply them.
 */
import { RULES, docsUrl, type Severity } from '../../../shared/src/ruleCatalogue';
import type { CheckReport } from './checkReport';

function level(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** A relative path as a URI reference: `<stdin>`, spaces, `#` and `?` escaped. */
function uriReference(path: string): string {
  return encodeURI(path).replace(/#/g, '%23').replace(/\?/g, '%3F');
}

const NOTIFICATIONS = [
  { id: 'skipped-file', shortDescription: { text: 'A file was not checked: a template, not Kubernetes, binary, too large or unreadable.' } },
  { id: 'rule-failure', shortDescription: { text: 'A rule failed on a file; the other rules still ran.' } },
];

export function toSarif(report: CheckReport, version: string): object {
  const { findings } = report;
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
            notifications: NOTIFICATIONS,
          },
        },
        invocations: [
          {
            executionSuccessful: report.ruleFailures.length === 0,
            toolExecutionNotifications: [
              ...report.skipped.map((s) => ({
                descriptor: { id: 'skipped-file', index: 0 },
                level: 'note',
                message: { text: `Skipped: ${s.reason}` },
                locations: [{ physicalLocation: { artifactLocation: { uri: uriReference(s.relativePath), uriBaseId: '%SRCROOT%' } } }],
                properties: { reason: s.code },
              })),
              ...report.ruleFailures.map((text) => ({ descriptor: { id: 'rule-failure', index: 1 }, level: 'error', message: { text } })),
            ],
            properties: { filesChecked: report.checked, filesSkipped: report.skipped.length },
          },
        ],
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
          level: level(f.severity),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriReference(f.relativePath), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          ...(f.fixes && f.fixes.length > 0
            ? {
                fixes: f.fixes.map((fix) => ({
                  description: { text: fix.title },
                  artifactChanges: [
                    {
                      artifactLocation: { uri: uriReference(f.relativePath), uriBaseId: '%SRCROOT%' },
                      replacements: fix.edits.map((e) => ({
                        deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
                        insertedContent: { text: e.newText },
                      })),
                    },
                  ],
                  ...(fix.preferred ? { properties: { preferred: true } } : {}),
                })),
              }
            : {}),
          ...(f.related.length > 0
            ? {
                relatedLocations: f.related.map((r, i) => ({
                  id: i,
                  message: { text: r.message },
                  physicalLocation: {
                    artifactLocation: { uri: uriReference(r.relativePath), uriBaseId: '%SRCROOT%' },
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
