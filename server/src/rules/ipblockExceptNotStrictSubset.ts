import { cidrEquals } from '../engine/cidr';
import { apiServerRejects } from './policy/apiServerError';
import { parsedIpBlocks } from './policy/exceptEntries';
import type { Finding, Rule } from './types';

/**
 * `ipblock-except-not-strict-subset`: an except entry equal to the cidr. The API server rejects
 * it, and the block it describes would hold no address at all.
 */
export const ipblockExceptNotStrictSubsetRule: Rule = {
  id: 'ipblock-except-not-strict-subset',
  scope: 'file',
  check({ file }) {
    return parsedIpBlocks(file).flatMap(({ cidr, entries }) =>
      entries
        .filter(({ except }) => cidrEquals(cidr, except))
        .map(({ except, value }): Finding => ({
          ruleId: 'ipblock-except-not-strict-subset',
          message:
            `except ${except.canonical} is the whole cidr: the block would allow no address at all. ` +
            `${apiServerRejects(value.path, 'Invalid value', value.text, 'must be a strict subset of `cidr`')}`,
          start: value.node.start,
          end: value.node.end,
        })),
    );
  },
};
