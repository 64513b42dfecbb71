/**
 * Hover content for a position in a manifest: locate what is under the cursor, then ask the
 * workspace analysis (cached per manifest version) about it. Plain data with file offsets; the
 * LSP handler converts them.
 */
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { FileModel } from '../model/fileModel';
import { clusterPolicyHover, clusterRuleHover } from './clusterPolicyHover';
import { ipBlockHover } from './ipBlockHover';
import { locate } from './locate';
import { peerHover } from './peerHover';
import { policyRejection, rejectionBanner } from './policyRejection';
import { policySelectorHover } from './policySelectorHover';
import { portHover } from './portHover';
import { routeBackendHover } from './routeBackendHover';
import { ruleHover } from './ruleHover';
import { workloadHover } from './workloadHover';

export interface HoverResult {
  readonly markdown: string;
  /** File offsets of the hovered part. */
  readonly start: number;
  readonly end: number;
}

/** How far the first scan of the workspace has come, while it runs. */
export interface IndexingProgress {
  readonly indexed: number;
  readonly total: number;
}

/**
 * `indexing`: the workspace is still being read, so the answer rests on part of it — said on the
 * first line, as cross-file diagnostics wait for the index rather than guess.
 */
export function hoverAt(analysis: WorkspaceAnalysis, file: FileModel, offset: number, indexing?: IndexingProgress): HoverResult | undefined {
  const result = hoverContent(analysis, file, offset);
  if (!result || !indexing) return result;
  const note = `_Still reading the workspace (${indexing.indexed}/${indexing.total} files): this answer may change._\n\n`;
  return { ...result, markdown: note + result.markdown };
}

function hoverContent(analysis: WorkspaceAnalysis, file: FileModel, offset: number): HoverResult | undefined {
  const found = locate(file, offset);
  if (!found) return undefined;
  let markdown: string | undefined;
  if (found.type === 'routeBackend') {
    markdown = routeBackendHover(analysis, found.object, found.backendIndex);
  } else if (found.type === 'workload') {
    // An operator's custom resource may stand for several workloads: each gets its section.
    const workloads = analysis.workloadsOf(found.object);
    markdown = workloads.length > 0 ? workloads.map((w) => workloadHover(analysis, w)).join('\n\n---\n\n') : undefined;
  } else if (found.type === 'clusterPolicy' || found.type === 'clusterRule') {
    const info = analysis.clusterPolicyOf(found.object);
    if (!info) return undefined;
    markdown = found.type === 'clusterPolicy' ? clusterPolicyHover(analysis, info) : clusterRuleHover(analysis, info, found.direction, found.ruleIndex);
  } else {
    const policy = analysis.policyOf(found.object);
    if (!policy) return undefined;
    switch (found.type) {
      case 'policySelector':
        markdown = policySelectorHover(analysis, policy);
        break;
      case 'rule':
        markdown = ruleHover(analysis, policy, found.direction, found.ruleIndex);
        break;
      case 'peer':
        markdown = peerHover(analysis, policy, found.direction, found.ruleIndex, found.peerIndex);
        break;
      case 'ipBlock':
        markdown = ipBlockHover(analysis, policy, found.direction, found.ruleIndex, found.peerIndex);
        break;
      case 'port':
        markdown = portHover(analysis, policy, found.direction, found.ruleIndex, found.portIndex);
        break;
    }
    const rejection = policyRejection(analysis, policy);
    if (markdown !== undefined && rejection) markdown = `${rejectionBanner(rejection)}\n\n${markdown}`;
  }
  return markdown === undefined ? undefined : { markdown, start: found.start, end: found.end };
}
