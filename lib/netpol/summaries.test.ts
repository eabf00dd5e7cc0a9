import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from './connectivity';
import { listEndpoints } from './endpoints';
import { summarizeEndpoint, summarizePolicies } from './summaries';
import { ipPeer, pod, podsPeer, policy, port, rule, sel, snapshot } from './testing';

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
    expect(byName('shop/api[Pod]')).toEqual({ ingressIsolated: true, egressIsolated: false, ingressPolicies: ['shop/api-in'], egressPolicies: [], ingressOpen: false, egressOpen: true });
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
