import { describe, expect, it } from 'vitest';
import { ns, pod, policy, sel, snapshot } from '@/lib/netpol/testing';
import { namespaceNames, namespaceRows } from './overviewModel';

describe('namespaceRows', () => {
  it('a namespace only implied by its pods is listed, marked undeclared', () => {
    const s = { ...snapshot({ pods: [pod('b/p')] }), namespaces: [ns('a')] };
    expect(namespaceNames(s)).toEqual(['a', 'b']);
    expect(namespaceRows(s).map((r) => [r.name, r.declared, r.pods])).toEqual([
      ['a', true, 0],
      ['b', false, 1],
    ]);
  });

  it('only a policy with an empty podSelector selects all pods, and only for the types it lists', () => {
    const s = snapshot({
      policies: [
        policy('a/deny-in'),
        policy('a/web-only', { podSelector: sel({ app: 'web' }), types: ['Ingress', 'Egress'] }),
        policy('a/deny-out', { types: ['Egress'] }),
        policy('b/expr', { podSelector: sel({}, [{ key: 'x', operator: 'Exists', values: [] }]) }),
      ],
    });
    const [a, b] = namespaceRows(s);
    expect(a).toMatchObject({ name: 'a', policies: 3, allPodsIngress: ['deny-in'], allPodsEgress: ['deny-out'] });
    expect(b).toMatchObject({ name: 'b', policies: 1, allPodsIngress: [], allPodsEgress: [] });
  });
});
