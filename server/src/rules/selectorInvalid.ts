import { get, getPair, isMap, isScalar, isSeq, scalarString, type YMap, type YNode } from '../model/yamlTree';
import { replaceScalar } from './edit/replaceScalar';
import { apiServerRejects } from './policy/apiServerError';
import { labelKeyProblems, labelValueProblems } from './policy/labelSyntax';
import { clusterPolicyObjects, clusterSelectors } from './policy/clusterPolicyTree';
import { networkPolicies, policySelectors } from './policy/networkPolicyTree';
import type { Finding, Rule } from './types';
import { quoted, shown } from '../text/displayText';
import { quoteScalarFix } from './edit/quoteScalar';
import { pairKey } from '../model/pairNode';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/**
 * `selector-invalid`: a label selector (`spec.podSelector`, a peer's podSelector or
 * namespaceSelector; a cluster-wide policy's subject and peer selectors) the API server rejects: bad operator, values with Exists/DoesNotExist,
 * no values with In/NotIn, invalid label keys or values, a number or boolean as a label value.
 */
export const selectorInvalidRule: Rule = {
  id: 'selector-invalid',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    const selectors = [...networkPolicies(file).flatMap((p) => policySelectors(p.spec)), ...clusterPolicyObjects(file).flatMap(clusterSelectors)];
    for (const selector of selectors) {
      const node = selector.node;
      if (!node || (isScalar(node) && node.value === null)) continue;
      if (!isMap(node)) {
        findings.push(problem(node, `${selector.path} must be a label selector map (matchLabels, matchExpressions): the API server cannot decode the policy and rejects it.`));
        continue;
      }
      findings.push(...checkMatchLabels(node, selector.path), ...checkMatchExpressions(node, selector.path));
    }
    return findings;
  },
};

function problem(node: YNode, message: string, fixes: Finding['fixes'] = []): Finding {
  return { ruleId: 'selector-invalid', message, start: node.start, end: Math.max(node.end, node.start + 1), fixes };
}

function checkMatchLabels(selector: YMap, path: string): Finding[] {
  const labels = get(selector, 'matchLabels');
  if (!labels || (isScalar(labels) && labels.value === null)) return [];
  if (!isMap(labels)) return [problem(labels, 'matchLabels must be a map of label keys to values: the API server cannot decode the policy.')];
  const out: Finding[] = [];
  for (const pair of labels.pairs) {
    const key = pairKey(pair);
    const value = pair.value;
    const keyProblems = labelKeyProblems(key);
    if (keyProblems.length > 0) {
      out.push(problem(pair.key, `${quoted(key)} is not a valid label key. ${apiServerRejects(`${path}.matchLabels`, 'Invalid value', key, keyProblems.join('; '))}`));
    }
    if (value) out.push(...checkValue(value, `${path}.matchLabels`));
  }
  return out;
}

function checkValue(value: YNode, path: string): Finding[] {
  if (!isScalar(value)) return [problem(value, 'A label value must be a string: the API server cannot decode the policy.')];
  if (value.value === null) return [];
  if (typeof value.value !== 'string') {
    return [
      problem(value, `Label values are strings: ${shown(value.source)} is read as a ${typeof value.value}, and the API server cannot decode the policy. Quote it.`, [
        { title: `Quote ${quoted(value.source)}`, edits: [{ start: value.start, end: value.end, newText: `"${value.source}"` }], preferred: true, safe: true },
      ]),
    ];
  }
  const problems = labelValueProblems(value.value);
  return problems.length === 0 ? [] : [problem(value, `${quoted(value.value)} is not a valid label value. ${apiServerRejects(path, 'Invalid value', value.value, problems.join('; '))}`)];
}

function checkMatchExpressions(selector: YMap, path: string): Finding[] {
  const exprs = get(selector, 'matchExpressions');
  if (!exprs || (isScalar(exprs) && exprs.value === null)) return [];
  if (!isSeq(exprs)) return [problem(exprs, 'matchExpressions must be a list of {key, operator, values}: the API server cannot decode the policy.')];
  const out: Finding[] = [];
  exprs.items.forEach((expr, i) => {
    const exprPath = `${path}.matchExpressions[${i}]`;
    if (!isMap(expr)) {
      out.push(problem(expr, 'A matchExpressions entry must be a map {key, operator, values}: the API server cannot decode the policy.'));
      return;
    }
    out.push(...checkExpression(expr, exprPath));
  });
  return out;
}

function checkExpression(expr: YMap, path: string): Finding[] {
  const out: Finding[] = [];
  const keyNode = get(expr, 'key');
  const key = scalarString(keyNode);
  if (key === undefined) {
    out.push(problem(keyNode ?? expr, `The expression has no key. ${apiServerRejects(`${path}.key`, 'Invalid value', '', 'name part must be non-empty')}`));
  } else if (isScalar(keyNode) && typeof keyNode.value !== 'string') {
    out.push(problem(keyNode, `A matchExpressions key is a label key, a string: ${shown(keyNode.source)} is read as a ${typeof keyNode.value}, and the API server cannot decode the policy. Quote it.`, quoteScalarFix(keyNode)));
  } else if (keyNode) {
    const problems = labelKeyProblems(key);
    if (problems.length > 0) out.push(problem(keyNode, `${quoted(key)} is not a valid label key. ${apiServerRejects(`${path}.key`, 'Invalid value', key, problems.join('; '))}`));
  }
  const opNode = get(expr, 'operator');
  const op = scalarString(opNode);
  const valuesPair = getPair(expr, 'values');
  const values = valuesPair?.value;
  const valueItems = isSeq(values) ? values.items : [];
  const operator = OPERATORS.find((o) => o === op);
  if (!operator) {
    const caseFix = OPERATORS.find((o) => o.toLowerCase() === op?.toLowerCase());
    const at = opNode ?? expr;
    out.push(
      problem(
        at,
        `${op === undefined ? 'The expression has no operator' : `${quoted(op)} is not an operator`}: use In, NotIn, Exists or DoesNotExist. ${apiServerRejects(`${path}.operator`, 'Invalid value', op ?? '', 'not a valid selector operator')}`,
        caseFix && isScalar(opNode) ? [{ title: `Change to ${caseFix}`, edits: [replaceScalar(opNode, caseFix)], preferred: true, safe: true }] : [],
      ),
    );
  } else if ((operator === 'In' || operator === 'NotIn') && valueItems.length === 0) {
    out.push(problem(values && values.end > values.start ? values : (valuesPair?.key ?? opNode ?? expr), `${operator} needs at least one value. ${apiServerRejects(`${path}.values`, 'Required value', undefined, "must be specified when `operator` is 'In' or 'NotIn'")}`));
  } else if ((operator === 'Exists' || operator === 'DoesNotExist') && valueItems.length > 0 && values) {
    out.push(problem(values, `${operator} takes no values: it only tests whether the key is there. ${apiServerRejects(`${path}.values`, 'Forbidden', undefined, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")}`));
  }
  if (values && !isSeq(values) && !(isScalar(values) && values.value === null)) {
    out.push(problem(values, 'values must be a list of strings: the API server cannot decode the policy.'));
  }
  valueItems.forEach((v, j) => out.push(...checkValue(v, `${path}.values[${j}]`)));
  return out;
}
