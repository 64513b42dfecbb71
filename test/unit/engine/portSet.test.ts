/** Port sets and a rule's ports: protocols, endPort ranges, named ports and the listing's text. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PortSet } from '../../../server/src/engine/portSet';
import { compilePorts, resolvePorts } from '../../../server/src/engine/portSpec';
import type { NamedPort, Protocol } from '../../../server/src/engine/types';

describe('PortSet', () => {
  it('prints All Connections, or protocols by name with merged ranges', () => {
    assert.equal(PortSet.all().toString(), 'All Connections');
    const s = PortSet.range('UDP', 53, 53).union(PortSet.range('TCP', 8080, 8090)).union(PortSet.range('TCP', 80, 80)).union(PortSet.range('TCP', 8091, 8091));
    assert.equal(s.toString(), 'TCP 80,8080-8091,UDP 53');
    assert.equal(PortSet.range('SCTP', 1, 65535).union(PortSet.range('TCP', 1, 65535)).union(PortSet.range('UDP', 1, 65535)).toString(), 'All Connections');
  });
  it('union and intersection agree with brute force on small ranges', () => {
    const range = fc.tuple(fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP'), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 5 }));
    const set = fc.array(range, { maxLength: 4 });
    const build = (rs: [Protocol, number, number][]): PortSet => rs.reduce((acc, [p, a, n]) => acc.union(PortSet.range(p, a, a + n)), PortSet.empty());
    const brute = (rs: [Protocol, number, number][]): Set<string> => new Set(rs.flatMap(([p, a, n]) => Array.from({ length: n + 1 }, (_, i) => `${p}${a + i}`)));
    const members = (s: PortSet): Set<string> => {
      const out = new Set<string>();
      for (const p of ['TCP', 'UDP', 'SCTP'] as const) for (let i = 1; i <= 40; i++) if (s.has(p, i)) out.add(`${p}${i}`);
      return out;
    };
    fc.assert(
      fc.property(set, set, (x, y) => {
        const bx = brute(x);
        const by = brute(y);
        assert.deepEqual(members(build(x).union(build(y))), new Set([...bx, ...by]));
        assert.deepEqual(members(build(x).intersect(build(y))), new Set([...bx].filter((v) => by.has(v))));
        assert.equal(build(x).union(build(y)).key, build(y).union(build(x)).key);
      }),
    );
  });
});

describe('compilePorts / resolvePorts', () => {
  const web: NamedPort[] = [
    { name: 'http', port: 8080, protocol: 'TCP' },
    { name: 'dns', port: 53, protocol: 'UDP' },
  ];
  it('no ports means every port and protocol', () => {
    assert.ok(resolvePorts(compilePorts(undefined), undefined).isAll());
    assert.ok(resolvePorts(compilePorts([]), web).isAll());
  });
  it('defaults the protocol to TCP and reads port..endPort inclusively', () => {
    assert.equal(resolvePorts(compilePorts([{ port: 8080, endPort: 8090 }]), undefined).toString(), 'TCP 8080-8090');
    assert.equal(resolvePorts(compilePorts([{ protocol: 'UDP' }]), undefined).toString(), 'UDP 1-65535');
  });
  it('drops invalid protocols and ports (they allow nothing)', () => {
    assert.ok(resolvePorts(compilePorts([{ protocol: 'tcp', port: 80 }, { port: 0 }, { port: 70000 }]), undefined).isEmpty());
    assert.ok(resolvePorts(compilePorts([{ port: 90, endPort: 80 }]), undefined).isEmpty());
  });
  it('resolves named ports on the destination pod, name and protocol both matching', () => {
    assert.equal(resolvePorts(compilePorts([{ port: 'http' }]), web).toString(), 'TCP 8080');
    assert.ok(resolvePorts(compilePorts([{ port: 'dns' }]), web).isEmpty(), 'dns is UDP, the policy asks TCP');
    assert.equal(resolvePorts(compilePorts([{ port: 'dns', protocol: 'UDP' }]), web).toString(), 'UDP 53');
  });
  it('a named port toward an address matches nothing', () => {
    assert.ok(resolvePorts(compilePorts([{ port: 'http' }]), undefined).isEmpty());
  });
});
