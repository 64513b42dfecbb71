/**
 * The pairs kubectl keeps of a map, as both readers (`buildTree.ts`, `fastReader.ts`) apply them:
 * keys in the order set, the last one wins and takes the place of its last setting; a pair that
 * lost is listed in `overridden` (unless it came in through a merge key), with the pair that
 * finally won.
 */
import { pairKey } from '../model/pairNode';
import type { OverriddenPair, YPair } from '../model/yamlTree';

export class EffectivePairs {
  private readonly effective = new Map<string, { pair: YPair; merged: boolean }>();
  private readonly overridden: OverriddenPair[] = [];

  set(pair: YPair, merged: boolean): void {
    const key = pairKey(pair);
    const previous = this.effective.get(key);
    if (previous) {
      this.effective.delete(key);
      if (!previous.merged) this.overridden.push({ pair: previous.pair, winner: pair, merged });
    }
    this.effective.set(key, { pair, merged });
  }

  result(): { readonly pairs: YPair[]; readonly overridden: OverriddenPair[] } {
    const pairs = [...this.effective.values()].map((e) => e.pair);
    const overridden = this.overridden;
    // A key written three times: both earlier pairs lost to the last one, not to each other.
    for (let i = 0; i < overridden.length; i++) {
      const o = overridden[i] as OverriddenPair;
      const final = this.effective.get(pairKey(o.pair));
      if (final && final.pair !== o.winner) overridden[i] = { pair: o.pair, winner: final.pair, merged: final.merged };
    }
    return { pairs, overridden };
  }
}
