import type { Finding, Rule } from './types';

/**
 * `yaml-syntax`: the first syntax error of each document that looks like a Kubernetes object.
 * Other YAML files (workflows, compose files) stay silent: the YAML extension already reports
 * their syntax, and they are not ours to judge. The rest of the file is still analysed.
 */
export const yamlSyntaxRule: Rule = {
  id: 'yaml-syntax',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const doc of file.documents) {
      if (!doc.isKubernetes) continue;
      // Limits of this tool are not the user's mistake: document-not-analysed says so.
      const first = doc.problems.find((p) => p.kind === 'syntax');
      if (!first) continue;
      const end = first.end > first.start ? first.end : Math.min(first.start + 1, file.text.length);
      findings.push({
        ruleId: 'yaml-syntax',
        message: `YAML syntax error: ${first.message}. kubectl apply would reject this document; the rest of the file is still checked.`,
        start: first.start,
        end,
      });
    }
    return findings;
  },
};
