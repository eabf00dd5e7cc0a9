import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from './connectivity';
import { listEndpoints } from './endpoints';
import { compileSnapshot } from './compile';
import { summarizeAdminPolicies, summarizeEndpoint, summarizePolicies } from './summaries';
import { adminRule, anp, banp, ipPeer, pod, podsPeer, policy, port, rule, sel, snapshot } from './testing';

const parts = {
  pods: [pod('shop/web', { labels: { app: 'web' } }), pod('shop/api', { labels: { app: 'api' } }), pod('shop/open', { labels: { app: 'open' } })],
  policies: [
    policy('shop/api-in', { podSelector: sel({ app: 'api' }), ingress: [rule([podsPeer(sel({ app: 'web' })), ipPeer('1.2.3.0/24')], [port('TCP', 80)])] }),
    policy('shop/open-in', { podSelector: sel({ app: 'open' }), ingress: [rule()] }),
  ],
};

describe('summaries', () => {
  const conn = analyzeConnectivity(snapshot(parts));
  const byName = (n: string) => {
    const e = listEndpoints(conn).find((x) => x.name === n);
    if (!e || e.kind === 'external') throw new Error(n);
    return summarizeEndpoint(conn, e);
  };
  it('an endpoint summary gives isolation, selecting policies and open-to-all flags', () => {
    expect(byName('shop/api[Pod]')).toEqual({ ingressIsolated: true, egressIsolated: false, ingressPolicies: ['shop/api-in'], egressPolicies: [], ingressOpen: false, egressOpen: true, ingressAdminPolicies: [], egressAdminPolicies: [] });
    expect(byName('shop/open[Pod]')).toMatchObject({ ingressIsolated: true, ingressOpen: true });
    expect(byName('shop/web[Pod]')).toMatchObject({ ingressIsolated: false, ingressOpen: true });
  });
  it('a policy summary lists the pods it selects and the pods each peer matches', () => {
    const [api] = summarizePolicies(analyzeConnectivity(snapshot(parts)).compiled);
    expect(api).toEqual({
      key: 'shop/api-in',
      selectedPods: ['shop/api'],
      rules: [{ direction: 'Ingress', index: 0, peers: [{ index: 0, text: 'podSelector app=web', pods: ['shop/web'] }, { index: 1, text: 'ipBlock 1.2.3.0/24', pods: [] }] }],
    });
  });
});

describe('admin policy summaries', () => {
  const admin = {
    pods: parts.pods,
    adminPolicies: [anp('guard', 5, { subject: { kind: 'pods', namespaceSelector: sel(), podSelector: sel({ app: 'api' }) }, ingress: [adminRule('Deny', [{ kind: 'pods', namespaceSelector: sel(), podSelector: sel({ app: 'web' }) }], [{ kind: 'portNumber', protocol: 'TCP', port: 22 }], 'no-ssh')] })],
    baseline: banp({ egress: [adminRule('Deny', [{ kind: 'networks', cidrs: ['0.0.0.0/0'] }])] }),
  };
  it('lists each admin policy in evaluation order with subject pods and what each peer matches', () => {
    expect(summarizeAdminPolicies(compileSnapshot(snapshot(admin)))).toEqual([
      {
        tier: 'AdminNetworkPolicy',
        name: 'guard',
        priority: 5,
        subject: 'pods app=api in namespaces {}',
        subjectPods: ['shop/api'],
        rules: [{ direction: 'Ingress', index: 0, name: 'no-ssh', action: 'Deny', ports: 'TCP 22', peers: [{ index: 0, text: 'pods app=web in namespaces {}', pods: ['shop/web'] }] }],
      },
      {
        tier: 'BaselineAdminNetworkPolicy',
        name: 'default',
        subject: 'namespaces {}',
        subjectPods: ['shop/api', 'shop/open', 'shop/web'],
        rules: [{ direction: 'Egress', index: 0, name: '', action: 'Deny', ports: 'every port', peers: [{ index: 0, text: 'networks 0.0.0.0/0', pods: ['shop/api', 'shop/open', 'shop/web'] }] }],
      },
    ]);
  });
  it('names the admin policies that apply to an endpoint, per direction', () => {
    const conn = analyzeConnectivity(snapshot(admin));
    const api = listEndpoints(conn).find((x) => x.name === 'shop/api[Pod]');
    if (!api || api.kind === 'external') throw new Error('api');
    const s = summarizeEndpoint(conn, api);
    expect(s.ingressAdminPolicies).toEqual([{ tier: 'AdminNetworkPolicy', name: 'guard', priority: 5 }]);
    expect(s.egressAdminPolicies).toEqual([{ tier: 'BaselineAdminNetworkPolicy', name: 'default' }]);
    expect(s.egressOpen).toBe(false);
  });
});
