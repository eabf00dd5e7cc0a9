import { describe, expect, it } from 'vitest';
import { explainHref, parseExplainQuery } from './explainQuery';

describe('parseExplainQuery', () => {
  it('keeps the endpoint references as written and reads a numeric port and protocol', () => {
    const q = parseExplainQuery({ from: ' shop/web ', to: 'shop/Deployment/db', port: '5432', protocol: 'udp' });
    expect([q.from, q.to, q.port, q.protocol, q.problems]).toEqual(['shop/web', 'shop/Deployment/db', 5432, 'UDP', []]);
  });

  it('a named port is kept as a name, to be resolved on the destination pod', () => {
    expect(parseExplainQuery({ port: 'http-metrics' }).port).toBe('http-metrics');
  });

  it('out-of-range ports, bad names and unknown protocols are reported, not thrown', () => {
    const q = parseExplainQuery({ port: '70000', protocol: 'icmp' });
    expect(q.port).toBeUndefined();
    expect(q.protocol).toBe('TCP');
    expect(q.problems).toEqual(['Port 70000 is outside 1–65535.', 'Unknown protocol ICMP; using TCP.']);
    expect(parseExplainQuery({ port: 'Not_A_Name' }).problems).toHaveLength(1);
  });

  it('an empty form is no selection and no problem', () => {
    const q = parseExplainQuery({});
    expect([q.from, q.to, q.port, q.protocol, q.problems]).toEqual(['', '', undefined, 'TCP', []]);
  });
});

describe('explainHref', () => {
  it('writes the question as the query string parseExplainQuery reads back', () => {
    const href = explainHref({ from: 'shop-backend/Deployment/checkout', to: '203.0.113.7', port: 8443, protocol: 'TCP' });
    expect(href).toBe('/explain?from=shop-backend%2FDeployment%2Fcheckout&to=203.0.113.7&port=8443&protocol=TCP');
    const q = parseExplainQuery(Object.fromEntries(new URL(href, 'http://x').searchParams));
    expect([q.from, q.to, q.port, q.protocol]).toEqual(['shop-backend/Deployment/checkout', '203.0.113.7', 8443, 'TCP']);
  });

  it('carries the hostNetwork reading only when it is not the default', () => {
    const href = explainHref({ from: 'ci/Deployment/gitlab-runner', to: 'kube-system/DaemonSet/kube-proxy', hostNetwork: 'host' });
    expect(href).toBe('/explain?from=ci%2FDeployment%2Fgitlab-runner&to=kube-system%2FDaemonSet%2Fkube-proxy&hostNetwork=host');
    expect(parseExplainQuery(Object.fromEntries(new URL(href, 'http://x').searchParams)).hostNetwork).toBe('host');
    expect(explainHref({ from: 'a/b', to: 'c/d', hostNetwork: 'as-pod' })).toBe('/explain?from=a%2Fb&to=c%2Fd');
    expect(parseExplainQuery({}).hostNetwork).toBe('as-pod');
  });
});
