import { describe, expect, it } from 'vitest';
import { cutAddressSpace, formatIp, formatIpRange, parseCidr, parseIp, rangeWithin, subtractRanges } from './ipRange';

describe('ipRange', () => {
  it('parses IPv4 and IPv6 CIDRs, masking host bits', () => {
    expect(formatIpRange(parseCidr('10.1.2.3/8')!)).toBe('10.0.0.0-10.255.255.255');
    expect(formatIpRange(parseCidr('2001:db8::1/32')!)).toBe('2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('300.0.0.0/8')).toBeUndefined();
  });
  it('parses IPv6 with compression and an embedded IPv4 suffix', () => {
    expect(parseIp('::ffff:10.0.0.1')?.value).toBe(0xffff0a000001n);
    expect(parseIp('::')?.value).toBe(0n);
    expect(formatIp(6, parseIp('fe80:0:0:0:0:0:0:1')!.value)).toBe('fe80::1');
    expect(parseIp('1::2::3')).toBeUndefined();
  });
  it('cidr minus except gives disjoint ranges', () => {
    const r = subtractRanges(parseCidr('0.0.0.0/0')!, [parseCidr('10.0.0.0/8')!, parseCidr('172.21.0.0/16')!]);
    expect(r.map(formatIpRange)).toEqual(['0.0.0.0-9.255.255.255', '11.0.0.0-172.20.255.255', '172.22.0.0-255.255.255.255']);
  });
  it('cuts the address space at every boundary', () => {
    const cuts = cutAddressSpace(4, [parseCidr('10.0.0.0/8')!, parseCidr('10.1.0.0/16')!]);
    expect(cuts.map(formatIpRange)).toEqual(['0.0.0.0-9.255.255.255', '10.0.0.0-10.0.255.255', '10.1.0.0-10.1.255.255', '10.2.0.0-10.255.255.255', '11.0.0.0-255.255.255.255']);
  });
});

const p = (s: string) => {
  const c = parseCidr(s);
  if (!c) throw new Error(`not a CIDR: ${s}`);
  return c;
};

describe('parseCidr, the one CIDR parser (loaders and engine)', () => {
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

describe('rangeWithin on CIDRs (an ipBlock except must lie inside its cidr)', () => {
  it('holds for a subnet inside its network and not across families or outside', () => {
    expect(rangeWithin(p('203.0.113.128/25'), p('203.0.113.0/24'))).toBe(true);
    expect(rangeWithin(p('203.0.114.0/25'), p('203.0.113.0/24'))).toBe(false);
    expect(rangeWithin(p('203.0.113.0/24'), p('203.0.113.128/25'))).toBe(false);
    expect(rangeWithin(p('10.0.0.0/8'), p('0.0.0.0/0'))).toBe(true);
    expect(rangeWithin(p('10.0.0.0/8'), p('::/0'))).toBe(false);
    expect(rangeWithin(p('2001:db8:ff::/48'), p('2001:db8::/32'))).toBe(true);
  });
});
