/**
 * The `except` entries of an ipBlock whose `cidr` and entry both parse, with the parsed CIDRs and
 * the edit that removes the entry. Shared by the except rules.
 */
import type { Cidr } from '../../engine/cidr';
import type { FileModel } from '../../model/fileModel';
import { getPair } from '../../model/yamlTree';
import { removeListItemOrKey } from '../edit/removeEntry';
import type { FixData } from '../types';
import { ipBlockCidr, ipBlockExcepts, validCidr, type CidrValue } from './ipBlockValues';
import { fileIpBlocks, type IpBlock } from './networkPolicyTree';

export interface ExceptEntry {
  readonly value: CidrValue;
  readonly except: Cidr;
}

export interface ParsedIpBlock {
  readonly block: IpBlock;
  readonly cidr: Cidr;
  /** Entries that parse, in order (entries that do not are left to ipblock-invalid-cidr). */
  readonly entries: readonly ExceptEntry[];
}

export function parsedIpBlock(block: IpBlock): ParsedIpBlock | undefined {
  const cidr = validCidr(ipBlockCidr(block));
  if (!cidr) return undefined;
  const entries: ExceptEntry[] = [];
  for (const value of ipBlockExcepts(block)) {
    const except = validCidr(value);
    if (except) entries.push({ value, except });
  }
  return { block, cidr, entries };
}

/** The ipBlocks of a file's NetworkPolicies whose `cidr` parses. */
export function parsedIpBlocks(file: FileModel): ParsedIpBlock[] {
  return fileIpBlocks(file).flatMap((b) => parsedIpBlock(b) ?? []);
}

/** A fix removing one except entry (the whole `except` key when it is the only entry). */
export function removeExceptFix(text: string, block: IpBlock, entry: ExceptEntry, title: string, safe: boolean): FixData[] {
  const pair = getPair(block.map, 'except');
  const index = entry.value.exceptIndex;
  if (!pair || index === undefined) return [];
  const edit = removeListItemOrKey(text, block.map, pair, index);
  return edit ? [{ title, edits: [edit], preferred: true, safe }] : [];
}
