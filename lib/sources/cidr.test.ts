import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr } from './cidr';

const p = (s: string) => {
  const c = parseCidr(s);
  if (!c) throw new Error(`not a CIDR: ${s}`);
  return c;
};

describe('parseCidr', () => {
  it('parses IPv4 and IPv6 networks into canonical form', () => {
    expect(p('203.0.113.0/24')).toMatchObject({ family: 4, prefix: 24, canonical: '203.0.113.0/24', hostBitsSet: false });
    expect(p('2001:DB8:0:0::/32')).toMatchObject({ family: 6, prefix: 32, canonical: '2001:db8::/32', hostBitsSet: false });
    expect(p('::/0').canonical).toBe('::/0');
    expect(p('::ffff:10.0.0.1/128').canonical).toBe('::ffff:a00:1/128');
    expect(p('2001:db8:0:0:1:0:0:1/128').canonical).toBe('2001:db8::1:0:0:1/128');
  });

  it('flags host bits and clears them (10.0.0.1/8 is the network 10.0.0.0/8)', () => {
    expect(p('10.0.0.1/8')).toMatchObject({ canonical: '10.0.0.0/8', hostBitsSet: true });
    expect(p('2001:db8::1/64')).toMatchObject({ canonical: '2001:db8::/64', hostBitsSet: true });
  });

  it('reads IPv4 octets with leading zeros as decimal, as the API server does for legacy fields', () => {
    expect(p('010.000.000.000/8').canonical).toBe('10.0.0.0/8');
  });

  it('rejects what is not a CIDR', () => {
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '256.0.0.0/8', '10.0.0/8', '1::2::3/64', '1:2:3:4:5:6:7:8:9/128', ':::1/128', '2001:db8::/129', 'abc/8', '10.0.0.0/-1', '']) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });
});

describe('cidrContains', () => {
  it('holds for a subnet inside its network and not across families or outside', () => {
    expect(cidrContains(p('203.0.113.0/24'), p('203.0.113.128/25'))).toBe(true);
    expect(cidrContains(p('203.0.113.0/24'), p('203.0.114.0/25'))).toBe(false);
    expect(cidrContains(p('203.0.113.128/25'), p('203.0.113.0/24'))).toBe(false);
    expect(cidrContains(p('0.0.0.0/0'), p('10.0.0.0/8'))).toBe(true);
    expect(cidrContains(p('::/0'), p('10.0.0.0/8'))).toBe(false);
    expect(cidrContains(p('2001:db8::/32'), p('2001:db8:ff::/48'))).toBe(true);
  });
});
