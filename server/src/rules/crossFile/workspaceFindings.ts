/**
 * Cross-file rules compute their findings for the whole workspace in one pass, once per
 * analysis (one per manifest version and settings), and answer each file from that result:
 * every file is re-checked after every change, so per-file work must be a lookup.
 */
import type { RuleId } from '../../../../shared/src/ruleCatalogue';
import type { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { Finding, Rule } from '../types';

export interface LocatedFinding {
  readonly uri: string;
  readonly finding: Finding;
}

export function workspaceRule(id: RuleId, computeAll: (analysis: WorkspaceAnalysis) => LocatedFinding[]): Rule {
  return {
    id,
    scope: 'workspace',
    check({ file, analysis }) {
      const byUri = analysis.memo(`rule:${id}`, (a) => groupByUri(computeAll(a)));
      return byUri.get(file.uri) ?? [];
    },
  };
}

function groupByUri(findings: readonly LocatedFinding[]): ReadonlyMap<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const { uri, finding } of findings) {
    const list = out.get(uri);
    if (list) list.push(finding);
    else out.set(uri, [finding]);
  }
  return out;
}
