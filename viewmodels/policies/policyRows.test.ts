import { describe, expect, it } from 'vitest';
import { policy, rule, sel } from '@/lib/netpol/testing';
import { policyRows } from './policyRows';

describe('policyRows', () => {
  it('sorts by namespace then name and renders the pod selector in kubectl notation, empty for all pods', () => {
    const rows = policyRows([
      policy('b/x'),
      policy('a/web', {
        podSelector: sel({ app: 'web' }, [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }]),
        egress: [rule()],
        types: ['Ingress', 'Egress'],
      }),
    ]);
    expect(rows.map((r) => [r.key, r.podSelector, r.ingressRules, r.egressRules, r.typesDeclared])).toEqual([
      ['a/web', 'app=web,env in (prod,dev)', 0, 1, true],
      ['b/x', '', 0, 0, false],
    ]);
  });

  it('the expanded view holds the policy as a manifest (YAML) and says where it was read', () => {
    const [row] = policyRows([{ ...policy('a/p'), origin: { file: 'np.yaml', line: 3 } }]);
    expect(row.yaml).toContain('kind: NetworkPolicy');
    expect(row.yaml).toContain('  name: p\n  namespace: a\n');
    expect(row.location).toBe('np.yaml:3');
  });
});
