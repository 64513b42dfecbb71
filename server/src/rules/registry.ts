/** Every rule the server and the CLI run. One import and one entry per rule file. */
import { ipblockClusterRangeRule } from './ipblockClusterRange';
import { ipblockExceptNotStrictSubsetRule } from './ipblockExceptNotStrictSubset';
import { ipblockExceptOutsideCidrRule } from './ipblockExceptOutsideCidr';
import { ipblockExceptRedundantRule } from './ipblockExceptRedundant';
import { ipblockInvalidCidrRule } from './ipblockInvalidCidr';
import { ipblockNoncanonicalCidrRule } from './ipblockNoncanonicalCidr';
import type { Rule } from './types';
import { yamlSyntaxRule } from './yamlSyntax';

export const ALL_RULES: readonly Rule[] = [
  yamlSyntaxRule,
  ipblockInvalidCidrRule,
  ipblockNoncanonicalCidrRule,
  ipblockExceptOutsideCidrRule,
  ipblockExceptNotStrictSubsetRule,
  ipblockExceptRedundantRule,
  ipblockClusterRangeRule,
];
