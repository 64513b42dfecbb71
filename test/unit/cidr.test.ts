/** CIDR parsing as the API server's sloppy parser accepts it, standard forms, and comparisons. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IPv4 } from 'ip-num';
import { cidrContains, cidrEquals, cidrOverlaps, formatAddress, parseCidr, toIpNumRange, type Cidr } from '../../server/src/engine/cidr';

function ok(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) assert.fail(`${text} should parse: ${r.reason}`);
  return r.cidr;
}

describe('parseCidr: what the API server rejects', () => {
  for (const text of [
    '',
    '10.0.0.0',
    '10.0.0.0/33',
    '10.0.0.256/24',
    '10.0.0/24',
    '10.0.0.0.0/24',
    '10.0.0.-1/24',
    '10.0.0.0/',
    '10.0.0.0/ 8',
    ' 10.0.0.0/8',
    '10.0.0.0/8/8',
    '10.0.0.0/+8',
    'fe80::/129',
    '1::2::3/64',
    '1:2:3:4:5:6:7:8:9/64',
    '1:2:3:4:5:6:7/64',
    '1:2:3:4:5:6:7:8::/64',
    'g::/64',
    '12345::/64',
    '::1.2.3.4.5/128',
    '1.2.3.4::/64',
    ':1::/64',
    'fe80::1%eth0/64',
    'not-a-cidr',
  ]) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      const r = parseCidr(text);
      assert.equal(r.ok, false);
      if (!r.ok) assert.ok(r.reason.length > 0);
    });
  }
});

describe('parseCidr: valid values', () => {
  it('reads an IPv4 network', () => {
    const c = ok('172.17.0.0/16');
    assert.equal(c.family, 'ipv4');
    assert.equal(c.bits, 32);
    assert.equal(c.prefix, 16);
    assert.equal(c.network, (172n << 24n) | (17n << 16n));
    assert.equal(c.last, c.network + 0xffffn);
    assert.equal(c.canonical, '172.17.0.0/16');
    assert.equal(c.hostBitsSet, false);
    assert.deepEqual(c.nonStandard, []);
  });

  it('reports host bits with both readings', () => {
    const c = ok('10.0.0.5/8');
    assert.equal(c.hostBitsSet, true);
    assert.equal(c.canonical, '10.0.0.0/8');
    assert.equal(c.hostCidr, '10.0.0.5/32');
    assert.deepEqual(c.nonStandard, []);
  });

  it('accepts /0 and /32, /128', () => {
    assert.equal(ok('0.0.0.0/0').last, 0xffffffffn);
    assert.equal(ok('10.1.2.3/32').hostBitsSet, false);
    assert.equal(ok('::/0').canonical, '::/0');
    assert.equal(ok('2001:db8::1/128').canonical, '2001:db8::1/128');
  });

  it('accepts leading zeros but marks them non-standard', () => {
    const c = ok('010.0.0.0/8');
    assert.equal(c.canonical, '10.0.0.0/8');
    assert.deepEqual(c.nonStandard, ['leading-zeros']);
    assert.deepEqual(ok('10.0.0.0/08').nonStandard, ['leading-zeros']);
    assert.equal(ok('10.0.0.0/08').prefix, 8);
  });

  it('reads IPv6 and the RFC 5952 form', () => {
    const c = ok('2001:db8::/64');
    assert.equal(c.family, 'ipv6');
    assert.deepEqual(c.nonStandard, []);
    for (const [text, canonical] of [
      ['2001:DB8::/64', '2001:db8::/64'],
      ['2001:db8:0:0:0:0:0:0/64', '2001:db8::/64'],
      ['2001:db8::0:1/128', '2001:db8::1/128'],
      ['1:0:0:1:0:0:0:1/128', '1:0:0:1::1/128'],
      ['1:0:0:0:1:0:0:1/128', '1::1:0:0:1/128'],
      ['::1.2.3.4/128', '::102:304/128'],
    ] as const) {
      const d = ok(text);
      assert.equal(d.canonical, canonical, text);
      assert.deepEqual(d.nonStandard, ['not-rfc5952'], text);
    }
    assert.deepEqual(ok('2001:0db8::/64').nonStandard, ['not-rfc5952'], 'four hex digits are not "leading zeros" to netip');
    assert.deepEqual(ok('2001:00db8::/64').nonStandard, ['leading-zeros']);
    assert.deepEqual(ok('2001:db8:0:1::/64').nonStandard, []);
    assert.deepEqual(ok('2001:db8:0:1:1:1:1:0/128').nonStandard, []);
  });

  it('treats an IPv4-mapped IPv6 CIDR as IPv4, as Kubernetes does', () => {
    const c = ok('::ffff:10.1.0.0/112');
    assert.equal(c.family, 'ipv4');
    assert.equal(c.prefix, 16);
    assert.equal(c.canonical, '10.1.0.0/16');
    assert.deepEqual(c.nonStandard, ['ipv4-mapped']);
    assert.ok(cidrContains(ok('10.0.0.0/8'), c));
    const wide = ok('::ffff:0.0.0.0/80');
    assert.equal(wide.family, 'ipv6');
    assert.deepEqual(wide.nonStandard, ['ipv4-mapped']);
  });

  it('reports IPv6 host bits', () => {
    const c = ok('2001:db8::1/64');
    assert.equal(c.hostBitsSet, true);
    assert.equal(c.canonical, '2001:db8::/64');
    assert.equal(c.hostCidr, '2001:db8::1/128');
  });
});

describe('comparisons', () => {
  const a = ok('172.17.0.0/16');
  const b = ok('172.17.1.0/24');
  const c = ok('10.0.0.0/8');
  const v6 = ok('::/0');

  it('containment', () => {
    assert.ok(cidrContains(a, b));
    assert.ok(!cidrContains(b, a));
    assert.ok(cidrContains(a, a));
    assert.ok(!cidrContains(a, c));
    assert.ok(!cidrContains(v6, a), 'families never contain each other');
    assert.ok(cidrContains(ok('0.0.0.0/0'), c));
  });

  it('equality ignores host bits and spelling', () => {
    assert.ok(cidrEquals(ok('10.0.0.5/8'), c));
    assert.ok(cidrEquals(ok('010.0.0.0/8'), c));
    assert.ok(!cidrEquals(c, ok('10.0.0.0/9')));
    assert.ok(cidrEquals(ok('2001:DB8::/32'), ok('2001:db8::/32')));
  });

  it('overlap', () => {
    assert.ok(cidrOverlaps(a, b));
    assert.ok(cidrOverlaps(b, a));
    assert.ok(!cidrOverlaps(a, c));
    assert.ok(!cidrOverlaps(ok('10.0.0.0/25'), ok('10.0.0.128/25')));
    assert.ok(!cidrOverlaps(v6, c));
  });

  it('formats addresses and builds ip-num ranges', () => {
    assert.equal(formatAddress('ipv4', 0x0a000001n), '10.0.0.1');
    assert.equal(formatAddress('ipv4', 0n), '0.0.0.0');
    assert.equal(formatAddress('ipv4', 0xffffffffn), '255.255.255.255');
    assert.equal(formatAddress('ipv4', 0xc0a80a09n), '192.168.10.9');
    assert.equal(formatAddress('ipv6', 0xffff0a000001n), '::ffff:10.0.0.1');
    // The same text ip-num gives, over a spread of addresses.
    for (let v = 0n; v <= 0xffffffffn; v += 0x01010101n * 7n + 12345n) assert.equal(formatAddress('ipv4', v), IPv4.fromNumber(v).toString(), String(v));
    assert.equal(formatAddress('ipv6', 1n), '::1');
    assert.equal(formatAddress('ipv6', 0n), '::');
    assert.equal(toIpNumRange(a).toCidrString(), '172.17.0.0/16');
    assert.equal(toIpNumRange(ok('2001:db8::/32')).getSize(), 1n << 96n);
  });
});
