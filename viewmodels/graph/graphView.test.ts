import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, graphViewQuery, parseGraphView, toggle } from './graphView';
import { parseSelectorText } from './selectorText';
import { endpointRef, policyHref } from './endpointRef';

describe('graph view in the URL', () => {
  it('round-trips every field through the query string', () => {
    const v = { ...DEFAULT_VIEW, namespaces: ['payments', 'shop-db'], labels: 'app in (a,b)', port: 5432, protocol: 'TCP' as const, scope: 'external' as const, level: 'namespace' as const, expanded: ['payments'], pods: ['wl:payments/Deployment/payments-api'], focus: 'wl:shop-db/StatefulSet/postgres', hops: 2, selected: ['wl:a/Deployment/x', 'wl:b/Deployment/y'], hostNetwork: 'host' as const };
    expect(parseGraphView(new URLSearchParams(graphViewQuery(v)))).toEqual(v);
  });

  it('hostNetwork pods are analysed like pods unless the URL says hostNetwork=host (the engine default stays unwritten)', () => {
    expect(parseGraphView(new URLSearchParams('hostNetwork=host')).hostNetwork).toBe('host');
    expect(parseGraphView(new URLSearchParams('hostNetwork=node')).hostNetwork).toBe('as-pod');
    expect(graphViewQuery({ ...DEFAULT_VIEW, hostNetwork: 'as-pod' })).toBe('');
  });

  it('the default view is the empty query', () => {
    expect(graphViewQuery(DEFAULT_VIEW)).toBe('');
    expect(parseGraphView({})).toEqual(DEFAULT_VIEW);
  });

  it('malformed fields fall back to their defaults; a port alone means TCP', () => {
    expect(parseGraphView({ port: '70000', scope: 'x', level: 'y', hops: '99', protocol: 'icmp' })).toEqual({ ...DEFAULT_VIEW, hops: 5 });
    expect(parseGraphView({ port: '53' }).protocol).toBe('TCP');
    expect(parseGraphView({ protocol: 'udp' })).toEqual({ ...DEFAULT_VIEW, protocol: 'UDP' });
  });

  it('toggle adds a missing value and removes a present one', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('parseSelectorText (kubectl -l syntax)', () => {
  it('reads equality, inequality, set and existence requirements, ANDed', () => {
    const r = parseSelectorText('app=web, tier!=db, env in (a, b), team notin (x), debug, !legacy');
    expect(r).toEqual({
      ok: true,
      selector: {
        matchLabels: {},
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['web'] },
          { key: 'tier', operator: 'NotIn', values: ['db'] },
          { key: 'env', operator: 'In', values: ['a', 'b'] },
          { key: 'team', operator: 'NotIn', values: ['x'] },
          { key: 'debug', operator: 'Exists', values: [] },
          { key: 'legacy', operator: 'DoesNotExist', values: [] },
        ],
      },
    });
  });

  it('a prefixed key and == are accepted; garbage is an error, not an exception', () => {
    expect(parseSelectorText('app.kubernetes.io/name==nginx').ok).toBe(true);
    expect(parseSelectorText('a=b=c')).toMatchObject({ ok: false });
  });
});

describe('policyHref', () => {
  it('links a policy key to its own page on the Policies section', () => {
    expect(policyHref('payments/payments-api-from-checkout')).toBe('/policies/payments/payments-api-from-checkout');
  });
});

describe('endpointRef', () => {
  it('names workloads, pods and external ranges as explain accepts them; aggregated nodes have none', () => {
    expect(endpointRef('wl:shop/Deployment/web')).toBe('shop/Deployment/web');
    expect(endpointRef('pod:shop/web-1')).toBe('shop/web-1');
    expect(endpointRef('ext:203.0.113.0-203.0.113.127')).toBe('203.0.113.0');
    expect(endpointRef('ext:::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe('::');
    expect(endpointRef('ns:shop')).toBeUndefined();
    expect(endpointRef('externals')).toBeUndefined();
  });
});
