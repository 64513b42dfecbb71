/**
 * Folders of cases: test data, fixtures, examples, samples, demos, tests, e2e, golden files — also
 * as a word of a longer name (`kubernetes-examples`, `e2e-manifests`, `.chainsaw-test`), not as
 * part of a word (`latest`, `contest`). Each child of such a folder is a case of its own.
 */
const CASE_FOLDERS = /(^|[-_.])(test-?data|testcases?|fixtures?|examples?|samples?|demos?|tests?|e2e|golden)([-_.]|$)/i;

/** Whether a folder's name says it holds cases. */
export function isCaseFolder(name: string): boolean {
  return CASE_FOLDERS.test(name);
}
