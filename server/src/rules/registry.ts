/** Every rule the server and the CLI run. One import and one entry per rule file. */
import type { Rule } from './types';
import { yamlSyntaxRule } from './yamlSyntax';

export const ALL_RULES: readonly Rule[] = [
  yamlSyntaxRule,
];
