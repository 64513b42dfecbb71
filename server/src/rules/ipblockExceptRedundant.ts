import { cidrContains, cidrEquals } from '../engine/cidr';
import { parsedIpBlocks, removeExceptFix, type ExceptEntry } from './policy/exceptEntries';
import type { Finding, Rule } from './types';

/**
 * `ipblock-except-redundant`: an except entry that another entry of the same ipBlock already
 * covers (contained in it, or a duplicate — the later one is reported). Removing it changes
 * nothing. Entries outside the cidr are left to ipblock-except-outside-cidr.
 */
export const ipblockExceptRedundantRule: Rule = {
  id: 'ipblock-except-redundant',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { block, cidr, entries } of parsedIpBlocks(file)) {
      const inside = entries.filter((e) => cidrContains(cidr, e.except) && !cidrEquals(cidr, e.except));
      inside.forEach((entry, i) => {
        const cover = coveringEntry(inside, entry, i);
        if (!cover) return;
        const same = cidrEquals(cover.except, entry.except);
        findings.push({
          ruleId: 'ipblock-except-redundant',
          message: same
            ? `except ${entry.except.canonical} is listed twice (also ${cover.value.path}): this entry excludes nothing more.`
            : `except ${entry.except.canonical} lies inside the except entry ${cover.except.canonical}: it excludes nothing more.`,
          start: entry.value.node.start,
          end: entry.value.node.end,
          tags: ['unnecessary'],
          fixes: removeExceptFix(file.text, block, entry, `Remove the redundant except entry ${entry.value.text ?? ''}`, true),
        });
      });
    }
    return findings;
  },
};

/** Another entry containing this one: any strictly larger one, or an equal one listed earlier. */
function coveringEntry(entries: readonly ExceptEntry[], entry: ExceptEntry, index: number): ExceptEntry | undefined {
  return entries.find((other, j) => j !== index && cidrContains(other.except, entry.except) && (!cidrEquals(other.except, entry.except) || j < index));
}
