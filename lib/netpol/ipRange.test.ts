import { describe, expect, it } from 'vitest';
import { cutAddressSpace, formatIp, formatIpRange, parseCidr, parseIp, subtractRanges } from './ipRange';

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
