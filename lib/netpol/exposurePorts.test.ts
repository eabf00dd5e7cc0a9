import { describe, expect, it } from 'vitest';
import { adminExposurePorts, EXPOSURE_ALL, EXPOSURE_NONE, equalExposure, formatExposure, intersectExposure, ruleExposurePorts, subtractExposure, unionExposure } from './exposurePorts';
import { port } from './testing';

const httpTcp = ruleExposurePorts([port('TCP', 'http')], null);

describe('exposure ports (numbered and named)', () => {
  it('a named port toward a peer of unknown ports stays a name, with the rule protocol; toward known ports it resolves (name and protocol)', () => {
    expect(formatExposure(ruleExposurePorts([port('TCP', 80), port('TCP', 'http'), port('TCP', 'local-dns')], null))).toBe('TCP 80,http,local-dns');
    expect(formatExposure(ruleExposurePorts([port('TCP', 'http')], [{ name: 'http', containerPort: 8090, protocol: 'TCP' }]))).toBe('TCP 8090');
    expect(formatExposure(ruleExposurePorts([port('UDP', 'http')], [{ name: 'http', containerPort: 8090, protocol: 'TCP' }]))).toBe('No Connections');
  });

  it('an admin namedPort toward unknown ports has no protocol and prints first, with an empty one (connectionset.go String)', () => {
    expect(formatExposure(adminExposurePorts([{ kind: 'namedPort', name: 'local-port' }, { kind: 'portNumber', protocol: 'TCP', port: 80 }], null))).toBe(' local-port,TCP 80');
    expect(formatExposure(adminExposurePorts([{ kind: 'namedPort', name: 'local-port' }], [{ name: 'local-port', containerPort: 8050, protocol: 'UDP' }]))).toBe('UDP 8050');
  });

  it('all ports of a protocol hold its named ports: intersection keeps them, subtraction removes them', () => {
    expect(intersectExposure(EXPOSURE_ALL, httpTcp)).toEqual(httpTcp);
    expect(formatExposure(intersectExposure(ruleExposurePorts([port('TCP')], null), httpTcp))).toBe('TCP http');
    expect(formatExposure(intersectExposure(ruleExposurePorts([port('UDP')], null), httpTcp))).toBe('No Connections');
    expect(formatExposure(subtractExposure(httpTcp, ruleExposurePorts([port('TCP')], null)))).toBe('No Connections');
    // A number cannot remove a name (its number is unknown), nor a name a number.
    expect(formatExposure(subtractExposure(httpTcp, ruleExposurePorts([port('TCP', 80)], null)))).toBe('TCP http');
    expect(formatExposure(subtractExposure(EXPOSURE_ALL, httpTcp))).toBe('All Connections');
  });

  it('every port of every protocol is All Connections, names or not; nothing is No Connections', () => {
    expect(formatExposure(unionExposure(httpTcp, EXPOSURE_ALL))).toBe('All Connections');
    expect(formatExposure(EXPOSURE_NONE)).toBe('No Connections');
    expect(equalExposure(unionExposure(httpTcp, ruleExposurePorts([port('TCP', 'http')], null)), httpTcp)).toBe(true);
  });
});
