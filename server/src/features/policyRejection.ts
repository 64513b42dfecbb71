/**
 * Which NetworkPolicies the API server would reject, and why: an `extensions/v1beta1` object
 * where the target version no longer serves it, an invalid CIDR, any error the validation rules
 * report. The engine reads such a policy as written (see ARCHITECTURE.md, "Policies the API
 * server rejects"), so every surface describing it says it is never in force. Judged from the
 * rules' own findings, whatever severity the user gives them: a rule turned off does not make
 * the API server accept the policy. Computed once per analysis.
 */
import type { RuleId } from '../../../shared/src/ruleCatalogue';
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { FileModel } from '../model/fileModel';
import { ALL_RULES } from '../rules/registry';
import type { Finding } from '../rules/types';
import { code, escapeMarkdown } from './markdown';

/** Rules whose findings mean the API server refuses the object (`unknown-field` depends on field validation: not one). */
const REJECTING_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'ipblock-invalid-cidr',
  'ipblock-except-outside-cidr',
  'ipblock-except-not-strict-subset',
  'protocol-invalid',
  'port-invalid',
  'selector-invalid',
  'peer-invalid',
  'policy-types-invalid',
  'metadata-name-invalid',
  'field-type-invalid',
  'deprecated-api-version',
]);

export interface PolicyRejection {
  readonly ruleId: RuleId;
  /** The first rejecting finding's message. */
  readonly message: string;
}

/** Why the API server would reject `policy`, or undefined when it accepts it. */
export function policyRejection(analysis: WorkspaceAnalysis, policy: PolicyInfo): PolicyRejection | undefined {
  return analysis.memo('policy-rejections', rejections).get(policy.policy.id);
}

function rejections(analysis: WorkspaceAnalysis): ReadonlyMap<string, PolicyRejection> {
  const out = new Map<string, PolicyRejection>();
  const byFile = new Map<string, Finding[]>();
  const findingsOf = (file: FileModel): Finding[] => {
    let found = byFile.get(file.uri);
    if (!found) byFile.set(file.uri, (found = rejectingFindings(analysis, file)));
    return found;
  };
  for (const info of analysis.policies()) {
    const file = analysis.manifests.getFile(info.source.uri);
    if (!file) continue;
    const first = findingsOf(file).find((f) => f.start >= info.source.start && f.end <= info.source.end);
    if (first) out.set(info.policy.id, { ruleId: first.ruleId, message: first.message });
  }
  return out;
}

/**
 * The rules run on the file's lean trees (`model/leanTree.ts`): only findings inside policies are
 * read, and policies are never lean, so no full tree is needed here.
 */
function rejectingFindings(analysis: WorkspaceAnalysis, file: FileModel): Finding[] {
  const ctx = { file, manifests: analysis.manifests, settings: analysis.settings, analysis };
  return ALL_RULES.filter((r) => REJECTING_RULES.has(r.id) && r.scope === 'file')
    .flatMap((r) => {
      try {
        return r.check(ctx);
      } catch {
        return [];
      }
    })
    .filter((f) => f.ruleId !== 'deprecated-api-version' || f.severity === 'error')
    .sort((a, b) => a.start - b.start);
}

/** The first lines of a hover on a rejected policy. */
export function rejectionBanner(rejection: PolicyRejection): string {
  return `⚠ **The API server rejects this policy: it is never in force.** ${code(rejection.ruleId)}: ${escapeMarkdown(rejection.message)} _What follows is what it would do once accepted._`;
}

/** One line in a workload's hover for a selecting policy the API server rejects. */
export function rejectedSelectorLine(name: string, rejection: PolicyRejection): string {
  return `⚠ The API server rejects ${name} (${code(rejection.ruleId)}): it is never in force; the lines naming it say what it would allow once accepted.`;
}
