import type { Finding, Rule } from './types';

/**
 * `document-not-analysed`: a Kubernetes document this tool refused to read because it goes past
 * one of the reader's limits (nested more than 100 levels, or aliases expanding it to more than
 * 100,000 values). The message says it is a limit of Netpol Lens, not a mistake in the document:
 * no other finding is given for it, and it is not part of the workspace's analysis.
 */
export const documentNotAnalysedRule: Rule = {
  id: 'document-not-analysed',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const doc of file.documents) {
      if (!doc.isKubernetes) continue;
      const limit = doc.problems.find((p) => p.kind === 'limit');
      if (!limit) continue;
      findings.push({
        ruleId: 'document-not-analysed',
        message: limit.message,
        start: limit.start,
        end: limit.end > limit.start ? limit.end : Math.min(limit.start + 1, file.text.length),
      });
    }
    return findings;
  },
};
