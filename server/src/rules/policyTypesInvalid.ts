/**
 * `policy-types-invalid`: a `policyTypes` the API server rejects (not a list, a value other than
 * `Ingress`/`Egress` — case matters —, more than two entries), and duplicates, which it accepts
 * (a warning: the second one says nothing). Fixes: the right case, or removing the extra entry.
 */
import type { FileModel } from '../model/fileModel';
import { getPair, isScalar, isSeq, scalarString, type YNode, type YSeq } from '../model/yamlTree';
import { removeSeqItems } from './edit/removeEntry';
import { replaceScalar } from './edit/replaceScalar';
import { apiServerRejects } from './policy/apiServerError';
import { networkPolicies } from './policy/networkPolicyTree';
import type { Finding, FixData, Rule } from './types';

const TYPES = ['Ingress', 'Egress'] as const;
const SUPPORTED = 'supported values: "Ingress", "Egress"';

export const policyTypesInvalidRule: Rule = {
  id: 'policy-types-invalid',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { spec } of networkPolicies(file)) {
      const pair = getPair(spec, 'policyTypes');
      const value = pair?.value;
      if (!pair || value === undefined || (isScalar(value) && value.value === null)) continue;
      if (!isSeq(value)) {
        const type = canonical(scalarString(value));
        findings.push({
          ruleId: 'policy-types-invalid',
          message: `policyTypes must be a list such as [Ingress, Egress], not a ${value.type === 'map' ? 'map' : 'single value'}: the API server cannot decode the policy and rejects it.`,
          start: value.start,
          end: value.end,
          fixes: type && isScalar(value) ? [{ title: `Change to [${type}]`, edits: [{ start: value.start, end: value.end, newText: `[${type}]` }], preferred: true, safe: true }] : [],
        });
        continue;
      }
      findings.push(...checkList(file, value, pair.key));
    }
    return findings;
  },
};

function canonical(value: string | undefined): (typeof TYPES)[number] | undefined {
  return TYPES.find((t) => t.toLowerCase() === value?.toLowerCase());
}

function checkList(file: FileModel, list: YSeq, key: YNode): Finding[] {
  const findings: Finding[] = [];
  const tooMany = list.items.length > 2;
  const seen = new Set<string>();
  const extra: number[] = [];
  list.items.forEach((item, i) => {
    const value = scalarString(item);
    const path = `spec.policyTypes[${i}]`;
    const type = canonical(value);
    if (value !== undefined && type === value) {
      if (seen.has(type)) {
        extra.push(i);
        findings.push({
          ruleId: 'policy-types-invalid',
          message: tooMany ? `${type} is listed twice.` : `${type} is listed twice: the API server accepts it, and the second entry says nothing more.`,
          start: item.start,
          end: item.end,
          severity: tooMany ? 'error' : 'warning',
          tags: ['unnecessary'],
          fixes: removal(file.text, list, [i], `Remove the duplicate ${type}`),
        });
      }
      seen.add(type);
      return;
    }
    const fixes: FixData[] = [];
    if (type && !seen.has(type) && isScalar(item)) fixes.push({ title: `Change to ${type}`, edits: [replaceScalar(item, type)], preferred: true, safe: true });
    else extra.push(i);
    if (type) seen.add(type);
    if (fixes.length === 0) fixes.push(...removal(file.text, list, [i], 'Remove this entry'));
    findings.push({
      ruleId: 'policy-types-invalid',
      message:
        (type ? `policyTypes values are case-sensitive: write ${type}, not ${value ?? ''}. ` : 'policyTypes only takes Ingress and Egress. ') +
        apiServerRejects(path, 'Unsupported value', value ?? '', SUPPORTED),
      start: item.start,
      end: item.end,
      fixes,
    });
  });
  if (tooMany) {
    findings.push({
      ruleId: 'policy-types-invalid',
      message: `${apiServerRejects('spec.policyTypes', 'Invalid value', undefined, 'may not specify more than two policyTypes')}.`,
      start: key.start,
      end: key.end,
      fixes: removal(file.text, list, extra, 'Keep Ingress and Egress once each'),
    });
  }
  return findings;
}

function removal(text: string, list: YSeq, indexes: readonly number[], title: string): FixData[] {
  const edits = removeSeqItems(text, list, indexes);
  return edits.length > 0 ? [{ title, edits, safe: true }] : [];
}
