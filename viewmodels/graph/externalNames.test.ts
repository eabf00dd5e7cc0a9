import { describe, expect, it } from 'vitest';
import { parseCidr, type IpRange } from '@/lib/netpol/ipRange';
import { describeAddresses, rangeToCidrs } from './externalNames';

const cidr = (s: string): IpRange => parseCidr(s)!;
const range = (a: string, b: string): IpRange => ({ family: 4, start: cidr(`${a}/32`).start, end: cidr(`${b}/32`).start });

describe('describeAddresses', () => {
  it('names the whole space by its CIDR and says what it means', () => {
    expect(describeAddresses([cidr('0.0.0.0/0')])).toBe('0.0.0.0/0 (anywhere)');
    expect(describeAddresses([cidr('::/0')])).toBe('::/0 (anywhere)');
  });
  it('names one block by its CIDR, not its range', () => {
    expect(describeAddresses([range('203.0.113.0', '203.0.113.127')])).toBe('203.0.113.0/25');
  });
  it('names what an ipBlock leaves around a hole as the block minus the hole (the demo: outside the PSP range)', () => {
    expect(describeAddresses([range('0.0.0.0', '203.0.112.255'), range('203.0.114.0', '255.255.255.255')])).toBe('0.0.0.0/0 (anywhere) except 203.0.113.0/24');
    expect(describeAddresses([range('10.0.0.0', '10.0.0.127'), range('10.0.0.192', '10.0.0.255')])).toBe('10.0.0.0/24 except 10.0.0.128/26');
  });
  it('lists an odd range as its CIDRs, and cuts a long list', () => {
    expect(describeAddresses([range('10.0.0.5', '10.0.0.9')])).toBe('10.0.0.5/32, 10.0.0.6/31, 10.0.0.8/31');
    expect(describeAddresses([range('10.0.0.1', '10.0.0.254')])).toBe('10.0.0.0/24 except 10.0.0.0/32, 10.0.0.255/32');
    const odd = ['10.0.0.1', '10.0.0.3', '10.0.0.5', '10.0.0.7'].map((a) => range(a, a));
    expect(describeAddresses(odd)).toBe('10.0.0.1/32, 10.0.0.3/32, 10.0.0.5/32 and 1 more block');
  });
});

describe('rangeToCidrs', () => {
  it('splits a range into the fewest aligned blocks', () => {
    expect(rangeToCidrs(range('0.0.0.0', '255.255.255.255'))).toEqual(['0.0.0.0/0']);
    expect(rangeToCidrs(range('203.0.113.128', '203.0.113.255'))).toEqual(['203.0.113.128/25']);
    expect(rangeToCidrs(range('10.0.0.5', '10.0.0.9'))).toEqual(['10.0.0.5/32', '10.0.0.6/31', '10.0.0.8/31']);
  });
});
