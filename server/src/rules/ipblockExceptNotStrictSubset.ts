import { cidrEquals } from '../engine/cidr';
import { removeSeqItem } from './edit/removeEntry';
import { apiServerRejects } from './policy/apiServerError';
import { parsedIpBlocks, removeExceptFix, type ExceptEntry } from './policy/exceptEntries';
import type { IpBlock } from './policy/networkPolicyTree';
import type { Finding, FixData, Rule } from './types';

/**
 * `ipblock-except-not-strict-subset`: an except entry equal to the cidr. The API server rejects
 * it, and the block it describes would hold no address at all. Fixes: remove the peer (what the
 * block says: no address), when the rule has other peers — the rule's only peer cannot go, a rule
 * without peers allows every source; or remove the except entry (the whole cidr is then allowed).
 */
export const ipblockExceptNotStrictSubsetRule: Rule = {
  id: 'ipblock-except-not-strict-subset',
  scope: 'file',
  check({ file }) {
    return parsedIpBlocks(file).flatMap(({ block, cidr, entries }) =>
      entries
        .filter(({ except }) => cidrEquals(cidr, except))
        .map((entry): Finding => ({
          ruleId: 'ipblock-except-not-strict-subset',
          message:
            `except ${entry.except.canonical} is the whole cidr: the block would allow no address at all. ` +
            `${apiServerRejects(entry.value.path, 'Invalid value', entry.value.text, 'must be a strict subset of `cidr`')}`,
          start: entry.value.node.start,
          end: entry.value.node.end,
          fixes: fixesFor(file.text, block, entry),
        })),
    );
  },
};

function fixesFor(text: string, block: IpBlock, entry: ExceptEntry): FixData[] {
  const out: FixData[] = [];
  const { peer } = block;
  const onlyIpBlock = peer.map?.pairs.length === 1;
  const removePeer = onlyIpBlock && peer.list.items.length > 1 ? removeSeqItem(text, peer.list, peer.index) : undefined;
  if (removePeer) out.push({ title: `Remove the ipBlock peer (it allows no address)`, edits: [removePeer], preferred: true });
  const removeExcept = removeExceptFix(text, block, entry, `Remove the except entry ${entry.value.text ?? ''} (allows all of ${entry.except.canonical})`, false);
  // Removing the except allows the whole cidr: offered, never preferred.
  return [...out, ...removeExcept.map(({ title, edits, safe }) => ({ title, edits, safe }))];
}
