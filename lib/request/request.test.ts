import { describe, expect, it } from 'vitest';
import { parseEndpointRef } from './endpoint';
import { explainFieldsOf, explainSearchParams, parseExplainRequest } from './explainRequest';
import { parseHostNetwork } from './hostNetwork';
import { isValidPortName, parsePortSpec, parseProtocol } from './ports';
import { parseSubjectRequest } from './subject';
import { grantedVerbs, verbWarning } from './verbs';

describe('port names (IsValidPortName, IANA_SVC_NAME)', () => {
  it('accepts what a container port may be named and rejects the rest, "a--b" included', () => {
    for (const ok of ['dns', 'http', 'dns-tcp', 'h2c', 'a1', 'abcdefghijklmno']) expect(isValidPortName(ok)).toBe(true);
    for (const bad of ['a--b', '-dns', 'dns-', 'DNS', '123', 'abcdefghijklmnop', '', 'dns_tcp', 'dns.tcp']) expect(isValidPortName(bad)).toBe(false);
  });
  it('a question with "a--b" as its port is refused like a policy with it (one rule)', () => {
    expect(parsePortSpec('a--b')).toMatchObject({ ok: false });
    expect(parseExplainRequest({ from: 'a/b', to: 'c/d', port: 'a--b' }).problems).toEqual([{ field: 'port', message: expect.stringContaining('"a--b" is neither a port number') }]);
  });
});

describe('ports and protocols', () => {
  it('reads numbers, ranges and names; the empty text is no port', () => {
    expect(parsePortSpec('8443')).toEqual({ ok: true, value: { kind: 'number', port: 8443 } });
    expect(parsePortSpec(' 8000-8100 ')).toEqual({ ok: true, value: { kind: 'range', start: 8000, end: 8100 } });
    expect(parsePortSpec('53-53')).toEqual({ ok: true, value: { kind: 'number', port: 53 } });
    expect(parsePortSpec('')).toEqual({ ok: true, value: undefined });
    expect(parsePortSpec('0')).toEqual({ ok: false, message: '0 is outside 1-65535' });
    expect(parsePortSpec('90-80')).toEqual({ ok: false, message: 'range 90-80 ends before it starts' });
  });
  it('reads protocols in any case, and names the accepted ones otherwise', () => {
    expect(parseProtocol('udp')).toEqual({ ok: true, value: 'UDP' });
    expect(parseProtocol('')).toEqual({ ok: true, value: undefined });
    expect(parseProtocol('icmp')).toEqual({ ok: false, message: '"icmp" is not a protocol (SCTP, TCP, UDP)' });
  });
  it('reads the hostNetwork reading strictly', () => {
    expect(parseHostNetwork(undefined)).toEqual({ ok: true, value: 'as-pod' });
    expect(parseHostNetwork('host')).toEqual({ ok: true, value: 'host' });
    expect(parseHostNetwork('node')).toMatchObject({ ok: false });
  });
});

describe('explain requests', () => {
  it('leaves the protocol unset when not given, so a named port resolves on the destination', () => {
    expect(parseExplainRequest(explainFieldsOf(new URLSearchParams('from=shop/web&to=kube-system/coredns&port=dns')))).toEqual({
      request: { from: 'shop/web', to: 'kube-system/coredns', port: 'dns', hostNetwork: 'as-pod' },
      problems: [],
    });
  });
  it('gives every problem with its field, and refuses a range (explain asks one port)', () => {
    const { problems } = parseExplainRequest({ from: 'a/b', to: 'c/d', port: '1-10', protocol: 'ICMP', hostNetwork: 'nodes' });
    expect(problems.map((p) => p.field)).toEqual(['port', 'protocol', 'hostNetwork']);
    expect(problems[0].message).toContain('explain asks about one port, not the range 1-10');
  });
  it('round-trips through its query string', () => {
    const q = { from: 'shop/web', to: '10.0.0.1', port: 53, protocol: 'UDP' as const, hostNetwork: 'host' as const };
    const back = parseExplainRequest(explainFieldsOf(explainSearchParams(q))).request;
    expect(back).toEqual(q);
  });
  it('takes the first value of a repeated Next.js search param', () => {
    expect(explainFieldsOf({ from: ['a/b', 'c/d'], port: '80' })).toMatchObject({ from: 'a/b', port: '80' });
  });
});

describe('endpoint references', () => {
  it('tells addresses, ns/name, ns/Kind/name and bare names apart', () => {
    expect(parseEndpointRef('10.0.0.1')).toMatchObject({ ok: true, value: { kind: 'address', family: 4 } });
    expect(parseEndpointRef('fd00::1')).toMatchObject({ ok: true, value: { kind: 'address', family: 6 } });
    expect(parseEndpointRef('shop/web')).toEqual({ ok: true, value: { kind: 'name', namespace: 'shop', name: 'web' } });
    expect(parseEndpointRef('shop/Deployment/web')).toEqual({ ok: true, value: { kind: 'workload', namespace: 'shop', workloadKind: 'Deployment', name: 'web' } });
    expect(parseEndpointRef('checkout')).toEqual({ ok: true, value: { kind: 'bare', name: 'checkout' } });
    expect(parseEndpointRef('shop//web')).toMatchObject({ ok: false });
    expect(parseEndpointRef('a/b/c/d')).toMatchObject({ ok: false });
  });
});

describe('verbs', () => {
  const granted = grantedVerbs({ roles: [], clusterRoles: [{ name: 'x', labels: {}, rules: [{ verbs: ['frobnicate'], apiGroups: [''], resources: ['widgets'], resourceNames: [], nonResourceURLs: [] }] }] });
  it('API and special verbs, "*" and verbs a role of the input names pass silently', () => {
    for (const v of ['get', 'deletecollection', 'escalate', 'impersonate', 'use', '*', 'frobnicate']) expect(verbWarning(v, granted)).toBeUndefined();
  });
  it('an unknown verb gets a warning, with the near verb when one is close', () => {
    expect(verbWarning('frob', granted)).toMatch(/^"frob" is not a Kubernetes verb .* only rules with verbs \["\*"\] allow it\.$/);
    expect(verbWarning('lsit', granted)).toContain('Did you mean "list"?');
    expect(verbWarning('GET', granted)).toContain('Did you mean "get"?');
  });
});

describe('subjects', () => {
  it('reads the one syntax the CLI, the subject page and the config share', () => {
    expect(parseSubjectRequest('sa:ci/gitlab-runner')).toEqual({ ok: true, value: { kind: 'ServiceAccount', namespace: 'ci', name: 'gitlab-runner' } });
    expect(parseSubjectRequest('User:system:serviceaccount:ci/x')).toMatchObject({ ok: true });
    expect(parseSubjectRequest('alice')).toEqual({ ok: false, message: '"alice" is not a subject: write User:NAME, Group:NAME or ServiceAccount:NAMESPACE/NAME' });
  });
});
