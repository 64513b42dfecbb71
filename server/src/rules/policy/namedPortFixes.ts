/**
 * The edits that make a named port resolve: write the protocol the name is declared for (a
 * `ports` entry without `protocol` means TCP), or use a name a destination declares.
 */
import { getPair, isScalar, type YMap, type YScalar } from '../../model/yamlTree';
import { insertMapEntries } from '../edit/insertEntries';
import { replaceScalar } from '../edit/replaceScalar';
import { detectLayout } from '../edit/yamlLayout';
import type { FixData } from '../types';

export type NamedPortFix =
  | { readonly protocol: string }
  /** Declared names to offer, closest first; `preferred`: the first is clearly the one meant. */
  | { readonly names: readonly string[]; readonly preferred: boolean };

export function namedPortFixes(text: string, portMap: YMap, port: YScalar, fix: NamedPortFix): FixData[] {
  if ('protocol' in fix) {
    const existing = getPair(portMap, 'protocol')?.value;
    const edit = isScalar(existing) ? replaceScalar(existing, fix.protocol) : existing ? undefined : insertMapEntries(text, portMap, { protocol: fix.protocol }, detectLayout(text, portMap));
    return edit ? [{ title: `Set protocol: ${fix.protocol} (the protocol ${port.source} is declared for)`, edits: [edit], preferred: true }] : [];
  }
  return fix.names.map((name, i) => ({
    title: `Change to ${name} (a declared port name)`,
    edits: [replaceScalar(port, name)],
    ...(i === 0 && fix.preferred ? { preferred: true } : {}),
  }));
}
