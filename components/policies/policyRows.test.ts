import { describe, expect, it } from 'vitest';
import { MATCH_ALL, type NetworkPolicy } from '@/lib/model';
import { policyRows } from './policyRows';

function policy(namespace: string, name: string, over: Partial<NetworkPolicy> = {}): NetworkPolicy {
  return { namespace, name, labels: {}, podSelector: MATCH_ALL, policyTypes: ['Ingress'], policyTypesDeclared: true, ingress: [], egress: [], ...over };
}

describe('policyRows', () => {
  it('sorts by namespace then name and renders the pod selector in kubectl notation', () => {
    const rows = policyRows([
      policy('b', 'x'),
      policy('a', 'web', {
        podSelector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] },
        egress: [{ ports: [], peers: [] }],
        policyTypes: ['Ingress', 'Egress'],
      }),
    ]);
    expect(rows.map((r) => [r.key, r.podSelector, r.ingressRules, r.egressRules])).toEqual([
      ['a/web', 'app=web,env in (prod,dev)', 0, 1],
      ['b/x', '', 0, 0],
    ]);
  });

  it('the expanded view holds the policy as read, origin included', () => {
    const [row] = policyRows([policy('a', 'p', { origin: { file: 'np.yaml', line: 3 } })]);
    expect(JSON.parse(row.json)).toMatchObject({ namespace: 'a', name: 'p', origin: { file: 'np.yaml', line: 3 } });
    expect(row.location).toBe('np.yaml:3');
  });
});
