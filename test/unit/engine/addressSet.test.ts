/** Address sets: the algebra against brute force on small blocks of both families, and printing. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AddressSet, rangeToCidrs } from '../../../server/src/engine/addressSet';
import { formatAddress, parseCidr, type IpFamily } from '../../../server/src/engine/cidr';

/** A 32-address universe per family: 10.0.0.0/27 and 2001:db8::/123. */
const BASE: Record<IpFamily, bigint> = { ipv4: 10n << 24n, ipv6: 0x20010db8n << 96n };
const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };
const SIZE = 32;

function cidrText(family: IpFamily, offset: number, prefixInUniverse: number): string {
  const hostBits = 5 - prefixInUniverse;
  const network = BASE[family] + (BigInt(offset >> hostBits) << BigInt(hostBits));
  return `${formatAddress(family, network)}/${BITS[family] - hostBits}`;
}

const cidr = (family: IpFamily): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 0, max: SIZE - 1 }), fc.integer({ min: 0, max: 5 })).map(([o, p]) => cidrText(family, o, p));

/** A set built as ipBlocks are: a union of (cidr minus excepts). */
const blockSet = (family: IpFamily): fc.Arbitrary<string[][]> => fc.array(fc.array(cidr(family), { minLength: 1, maxLength: 3 }), { maxLength: 3 });

function build(blocks: string[][]): AddressSet {
  return blocks.reduce((acc, [c, ...except]) => acc.union(AddressSet.ipBlock(c as string, except)), AddressSet.empty());
}

function brute(family: IpFamily, blocks: string[][]): Set<number> {
  const out = new Set<number>();
  const inCidr = (text: string, i: number): boolean => {
    const r = parseCidr(text);
    if (!r.ok) throw new Error(text);
    const a = BASE[family] + BigInt(i);
    return r.cidr.network <= a && a <= r.cidr.last;
  };
  for (const [c, ...except] of blocks) {
    for (let i = 0; i < SIZE; i++) if (inCidr(c as string, i) && !except.some((e) => inCidr(e, i))) out.add(i);
  }
  return out;
}

function members(family: IpFamily, set: AddressSet): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < SIZE; i++) if (set.containsAddress(family, BASE[family] + BigInt(i))) out.add(i);
  return out;
}

for (const family of ['ipv4', 'ipv6'] as const) {
  describe(`AddressSet algebra (${family}) agrees with brute force`, () => {
    it('ipBlock, union, intersection, difference, containment', () => {
      fc.assert(
        fc.property(blockSet(family), blockSet(family), (x, y) => {
          const a = build(x);
          const b = build(y);
          const ba = brute(family, x);
          const bb = brute(family, y);
          assert.deepEqual(members(family, a), ba);
          assert.deepEqual(members(family, a.union(b)), new Set([...ba, ...bb]));
          assert.deepEqual(members(family, a.intersect(b)), new Set([...ba].filter((i) => bb.has(i))));
          assert.deepEqual(members(family, a.subtract(b)), new Set([...ba].filter((i) => !bb.has(i))));
          assert.equal(a.containsSet(b), [...bb].every((i) => ba.has(i)));
          assert.equal(a.isEmpty(), ba.size === 0);
          assert.equal(a.equals(b), ba.size === bb.size && [...ba].every((i) => bb.has(i)));
        }),
      );
    });
    it('prints as the minimal CIDR list, which parses back to the same set', () => {
      fc.assert(
        fc.property(blockSet(family), (x) => {
          const a = build(x);
          const cidrs = a.toCidrs();
          const back = cidrs.reduce((acc, c) => acc.union(AddressSet.parse(c) ?? assert.fail(c)), AddressSet.empty());
          assert.ok(back.equals(a));
          // Minimal: no two printed blocks are the halves of one bigger block.
          const parsed = cidrs.map((c) => (parseCidr(c) as { ok: true; cidr: { network: bigint; last: bigint; prefix: number } }).cidr);
          for (let i = 0; i + 1 < parsed.length; i++) {
            const p = parsed[i]!;
            const q = parsed[i + 1]!;
            const size = p.last - p.network + 1n;
            const mergeable = p.prefix === q.prefix && q.network === p.last + 1n && p.network % (size * 2n) === 0n;
            assert.ok(!mergeable, `${cidrs[i]} and ${cidrs[i + 1]} should be one block`);
          }
        }),
      );
    });
  });
}

describe('AddressSet printing', () => {
  it('prints ranges and CIDRs per family, IPv4 first', () => {
    const s = AddressSet.ipBlock('0.0.0.0/0', ['1.1.1.1/32']).union(AddressSet.ipBlock('2001:db8::/32', ['2001:db8:1::/48']));
    assert.deepEqual(s.toRangeStrings(), [
      '0.0.0.0-1.1.1.0',
      '1.1.1.2-255.255.255.255',
      '2001:db8::-2001:db8:0:ffff:ffff:ffff:ffff:ffff',
      '2001:db8:2::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
    assert.deepEqual(rangeToCidrs({ family: 'ipv4', from: 0n, to: 4n }), ['0.0.0.0/30', '0.0.0.4/32']);
    assert.deepEqual(AddressSet.all().toCidrs(), ['0.0.0.0/0', '::/0']);
  });
  it('an unparsable cidr gives the empty set; an unparsable except removes nothing', () => {
    assert.ok(AddressSet.ipBlock('10.0.0.0/33').isEmpty());
    assert.deepEqual(AddressSet.ipBlock('10.0.0.0/8', ['bogus']).toCidrs(), ['10.0.0.0/8']);
  });
  it('treats an IPv4-mapped IPv6 block as IPv4, as Kubernetes does', () => {
    assert.deepEqual(AddressSet.ipBlock('::ffff:10.0.0.0/104').toCidrs(), ['10.0.0.0/8']);
  });
});
