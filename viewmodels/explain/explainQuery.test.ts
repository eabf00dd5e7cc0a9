import { describe, expect, it } from 'vitest';
import { explainHref, parseExplainForm } from './explainQuery';

describe('parseExplainForm', () => {
  it('keeps the endpoint references as written and reads a numeric port and protocol', () => {
    expect(parseExplainForm({ from: ' shop/web ', to: 'shop/Deployment/db', port: '5432', protocol: 'udp' })).toEqual({
      request: { from: 'shop/web', to: 'shop/Deployment/db', port: 5432, protocol: 'UDP', hostNetwork: 'as-pod' },
      problems: [],
    });
  });

  it('a named port without a protocol stays a name with no protocol, to be resolved on the destination pod', () => {
    expect(parseExplainForm({ port: 'dns' }).request).toEqual({ from: '', to: '', port: 'dns', hostNetwork: 'as-pod' });
  });

  it('out-of-range ports, bad names and unknown protocols are problems named by their field, not thrown', () => {
    expect(parseExplainForm({ port: '70000', protocol: 'icmp' }).problems).toEqual(['Port: 70000 is outside 1-65535.', 'Protocol: "icmp" is not a protocol (SCTP, TCP, UDP).']);
    expect(parseExplainForm({ port: 'a--b' }).problems).toHaveLength(1);
  });
});

describe('explainHref', () => {
  it('writes the question as the query string parseExplainForm reads back', () => {
    const href = explainHref({ from: 'shop-backend/Deployment/checkout', to: '203.0.113.7', port: 8443, protocol: 'TCP' });
    expect(href).toBe('/explain?from=shop-backend%2FDeployment%2Fcheckout&to=203.0.113.7&port=8443&protocol=TCP');
    expect(parseExplainForm(new URL(href, 'http://x').searchParams).request).toEqual({ from: 'shop-backend/Deployment/checkout', to: '203.0.113.7', port: 8443, protocol: 'TCP', hostNetwork: 'as-pod' });
  });

  it('carries the hostNetwork reading only when it is not the default', () => {
    const href = explainHref({ from: 'ci/Deployment/gitlab-runner', to: 'kube-system/DaemonSet/kube-proxy', hostNetwork: 'host' });
    expect(href).toBe('/explain?from=ci%2FDeployment%2Fgitlab-runner&to=kube-system%2FDaemonSet%2Fkube-proxy&hostNetwork=host');
    expect(parseExplainForm(new URL(href, 'http://x').searchParams).request.hostNetwork).toBe('host');
    expect(explainHref({ from: 'a/b', to: 'c/d', hostNetwork: 'as-pod' })).toBe('/explain?from=a%2Fb&to=c%2Fd');
  });
});
