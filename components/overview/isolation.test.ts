import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '@/lib/netpol/compile';
import { loadDemoSnapshot } from '@/lib/sources';
import { isolationByNamespace, isolationTotals, percent } from './isolation';

const rows = isolationByNamespace(compileSnapshot(await loadDemoSnapshot()));
const ns = (n: string) => rows.find((r) => r.namespace === n)!;

describe('isolationByNamespace (demo cluster)', () => {
  it('default-deny-all isolates every pod both ways; default-deny-ingress only ingress; no policy, nothing', () => {
    expect(ns('payments')).toEqual({ namespace: 'payments', pods: 5, ingress: 5, egress: 5 });
    expect(ns('shop-db')).toMatchObject({ pods: 3, ingress: 3, egress: 0 });
    expect(ns('kube-system')).toMatchObject({ ingress: 0, egress: 0 });
    expect(ns('ci')).toMatchObject({ ingress: 0, egress: 0 });
  });

  it('totals add up; percentages round down', () => {
    const t = isolationTotals(rows);
    expect(t.pods).toBe(36);
    expect(percent(199, 200)).toBe('99%');
    expect(percent(0, 0)).toBe('–');
  });
});
