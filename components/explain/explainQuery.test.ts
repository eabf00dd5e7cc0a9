import { describe, expect, it } from 'vitest';
import { pod, snapshot } from '@/lib/netpol/testing';
import { parseExplainQuery } from './explainQuery';

const s = snapshot({ pods: [pod('shop/web'), pod('shop/db')] });

describe('parseExplainQuery', () => {
  it('finds both pods by namespace/name and reads a numeric port and protocol', () => {
    const q = parseExplainQuery({ from: 'shop/web', to: 'shop/db', port: '5432', protocol: 'udp' }, s);
    expect([q.from?.name, q.to?.name, q.port, q.protocol, q.problems]).toEqual(['web', 'db', 5432, 'UDP', []]);
  });

  it('a named port is kept as a name, to be resolved on the destination pod', () => {
    expect(parseExplainQuery({ port: 'http-metrics' }, s).port).toBe('http-metrics');
  });

  it('unknown pods, out-of-range ports and bad names are reported, not thrown', () => {
    const q = parseExplainQuery({ from: 'shop/nope', port: '70000', protocol: 'icmp' }, s);
    expect(q.from).toBeUndefined();
    expect(q.port).toBeUndefined();
    expect(q.protocol).toBe('TCP');
    expect(q.problems).toEqual(['No pod shop/nope in this snapshot (source).', 'Port 70000 is outside 1–65535.', 'Unknown protocol ICMP; using TCP.']);
    expect(parseExplainQuery({ port: 'Not_A_Name' }, s).problems).toHaveLength(1);
  });

  it('an empty form is no selection and no problem', () => {
    const q = parseExplainQuery({}, s);
    expect([q.from, q.to, q.port, q.protocol, q.problems]).toEqual([undefined, undefined, undefined, 'TCP', []]);
  });
});
