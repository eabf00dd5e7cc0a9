import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '@/lib/netpol/compile';
import { loadDemoSnapshot } from '@/lib/sources/index';
import { adminTiersByNamespace, isolationByNamespace, isolationTotals, percent } from './isolation';

const compiled = compileSnapshot(await loadDemoSnapshot());
const rows = isolationByNamespace(compiled);
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

describe('adminTiersByNamespace (demo cluster)', () => {
  const tiers = adminTiersByNamespace(compiled);
  const names = (ns: string, dir: 'ingress' | 'egress') => tiers.get(ns)![dir].map((t) => `${t.name}${t.priority === undefined ? '' : `@${t.priority}`}:${t.pods}`);

  it('kube-system, with no NetworkPolicy, is guarded for ingress by the cluster-guardrails ANP on every pod', () => {
    expect(names('kube-system', 'ingress')).toEqual([`cluster-guardrails@10:${ns('kube-system').pods}`]);
    expect(names('kube-system', 'egress')).toEqual([]);
  });
  it('payments (pci=true) gets pci-isolation; ci gets the baseline; a namespace no subject selects gets none', () => {
    expect(names('payments', 'ingress')).toEqual(['pci-isolation@20:5']);
    expect(names('ci', 'ingress')).toEqual([`default:${ns('ci').pods}`]);
    expect(names('shop-db', 'ingress')).toEqual([]);
  });
  it('does not change what "isolated by NetworkPolicy" counts', () => {
    expect(ns('kube-system')).toMatchObject({ ingress: 0, egress: 0 });
  });
});
