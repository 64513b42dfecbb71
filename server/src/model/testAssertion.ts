/**
 * Files of Chainsaw and KUTTL tests that state what the cluster must hold after a step (`assert`)
 * or must not (`errors`): partial objects the runner compares with the cluster, never applied. Read
 * as manifests, an assertion's NetworkPolicy without its egress rules "blocked DNS", and a
 * policy asserted beside no workload "selected nothing" (opentelemetry-operator's e2e tests: every
 * finding was one).
 *
 * Named by the runners' conventions, in a folder of cases: a file whose name has the word
 * `assert` (`00-assert.yaml`, `01-assert-collector.yaml`, `assert-network-policies.yaml`), or a
 * step's `errors` file (`02-errors.yaml`). A Chainsaw test may name any file in its `assert:`
 * steps; those are not recognised.
 */
import { isCaseFolder } from './caseFolders';

const ASSERT_WORD = /(^|[-_.])asserts?([-_.]|$)/i;
const ERRORS_STEP = /^\d+-errors?([-_.]|$)/i;

export function isTestAssertion(uri: string): boolean {
  const parts = uri.split('/');
  const name = parts.at(-1) ?? '';
  if (!/\.(ya?ml|json)$/i.test(name)) return false;
  const stem = name.replace(/\.(ya?ml|json)$/i, '');
  if (!ASSERT_WORD.test(stem) && !ERRORS_STEP.test(stem)) return false;
  // Read as written in the uri, as the chart `templates/` check is: decoding could throw on a stray `%`.
  return parts.slice(0, -1).some((folder) => isCaseFolder(folder));
}
