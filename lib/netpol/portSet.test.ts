import { describe, expect, it } from 'vitest';
import { ALL_PORTS, formatPorts, intersectPorts, NO_PORTS, portRangeSet, PortSetTable, portsContain, unionPorts } from './portSet';

describe('PortSet', () => {
  it('union merges overlapping and adjacent ranges per protocol', () => {
    const p = unionPorts(unionPorts(portRangeSet('TCP', 80, 90), portRangeSet('TCP', 91, 100)), portRangeSet('TCP', 95, 120));
    expect(p.TCP).toEqual([[80, 120]]);
    expect(formatPorts(unionPorts(p, portRangeSet('TCP', 8080, 8080)))).toBe('TCP 80-120,8080');
  });
  it('intersection keeps what both allow', () => {
    const a = unionPorts(portRangeSet('TCP', 80, 90), portRangeSet('UDP', 53, 53));
    const b = unionPorts(portRangeSet('TCP', 85, 200), portRangeSet('SCTP', 1, 10));
    expect(formatPorts(intersectPorts(a, b))).toBe('TCP 85-90');
    expect(intersectPorts(a, ALL_PORTS)).toBe(a);
  });
  it('formats protocols in the order SCTP, TCP, UDP and every port of every protocol as All Connections', () => {
    const p = unionPorts(unionPorts(portRangeSet('UDP', 53, 53), portRangeSet('TCP', 80, 80)), portRangeSet('SCTP', 9, 9));
    expect(formatPorts(p)).toBe('SCTP 9,TCP 80,UDP 53');
    const all = unionPorts(unionPorts(portRangeSet('UDP'), portRangeSet('TCP')), portRangeSet('SCTP'));
    expect(formatPorts(all)).toBe('All Connections');
    expect(formatPorts(NO_PORTS)).toBe('No Connections');
  });
  it('contains checks protocol and range', () => {
    const p = portRangeSet('TCP', 8000, 8080);
    expect(portsContain(p, 'TCP', 8000)).toBe(true);
    expect(portsContain(p, 'UDP', 8000)).toBe(false);
    expect(portsContain(p, 'TCP', 8081)).toBe(false);
  });
  it('the table interns equal sets to one id', () => {
    const t = new PortSetTable();
    const a = t.intern(portRangeSet('TCP', 80, 80));
    expect(t.intern(unionPorts(portRangeSet('TCP', 80, 80), NO_PORTS))).toBe(a);
    expect(t.intersect(a, 1)).toBe(a);
    expect(t.union(a, 0)).toBe(a);
    expect(t.labels[t.union(a, t.intern(portRangeSet('UDP', 53, 53)))]).toBe('TCP 80,UDP 53');
  });
});
