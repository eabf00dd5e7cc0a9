import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '@/lib/config/index';
import type { Warning } from '@/lib/model/index';
import { compileSnapshot, summarizeAdminPolicies } from '@/lib/netpol/index';
import { adminNetworkPolicyEditors, buildRbacIndex } from '@/lib/rbac/index';
import { loadDemoSnapshot } from '@/lib/sources/index';
import { adminPolicyKey, adminPolicyRows, adminTierNote } from './adminPolicyRows';

// Planted facts: demo/README.md (Cluster guardrail, Pass, Baseline).
const snapshot = await loadDemoSnapshot();
const compiled = compileSnapshot(snapshot);
const editors = new Map(adminNetworkPolicyEditors(buildRbacIndex(snapshot, EMPTY_CONFIG), snapshot).map((e) => [`${e.policy.kind}/${e.policy.name}`, e]));
const rows = adminPolicyRows(summarizeAdminPolicies(compiled), [...snapshot.warnings, ...compiled.warnings], editors);

describe('adminPolicyRows on the demo', () => {
  it('lists the admin policies in evaluation order: ANPs by priority, then the BANP', () => {
    expect(rows.map((r) => [r.key, r.priority])).toEqual([
      ['AdminNetworkPolicy/cluster-guardrails', 10],
      ['AdminNetworkPolicy/pci-isolation', 20],
      ['BaselineAdminNetworkPolicy/default', undefined],
    ]);
  });
  it('says each rule in one sentence, every namespace spelled out and Pass explained', () => {
    const [guard, pci] = rows;
    expect(guard.subject).toBe('namespaces kubernetes.io/metadata.name=kube-system');
    expect(guard.rules[0]).toMatchObject({ label: 'ingress rule #1 (allow-cluster-dns)', action: 'Allow', sentence: 'Allow ingress from every namespace on UDP 53, TCP 53.' });
    expect(guard.rules[3].sentence).toBe('Deny ingress from every namespace on every port.');
    expect(pci.rules[1].sentence).toBe('Pass to NetworkPolicies ingress from namespaces team=shop on every port.');
    expect(guard.subjectPods.every((p) => p.startsWith('kube-system/'))).toBe(true);
  });
  it('only ClusterRoleBindings grant the cluster-scoped policies: the RoleBinding editors of NetworkPolicies are absent', () => {
    const subjects = rows[0].editors.direct.map((d) => d.subject);
    expect(subjects).toContain('Group:system:masters');
    expect(subjects).not.toContain('User:alice@acme.example');
    // The superuser group bypasses RBAC; every other path is a ClusterRoleBinding (bob holds the wildcard role).
    expect(rows[0].editors.direct.flatMap((d) => d.paths.map((p) => p.text)).filter((t) => !t.startsWith('member of system:masters'))).toEqual([
      expect.stringMatching(/^ClusterRoleBinding\/cluster-admin /),
      expect.stringMatching(/^ClusterRoleBinding\/legacy-ops-full-access /),
    ]);
  });
  it('attaches warnings by kind and name, once each', () => {
    const w = (kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy', name: string, code: string): Warning => ({ code, severity: 'warning', message: `${code} on ${name}`, object: { kind, name } });
    const withWarnings = adminPolicyRows(summarizeAdminPolicies(compiled), [w('AdminNetworkPolicy', 'pci-isolation', 'anp-same-priority'), w('AdminNetworkPolicy', 'pci-isolation', 'anp-same-priority'), w('BaselineAdminNetworkPolicy', 'pci-isolation', 'admin-selects-nothing')], editors);
    expect(withWarnings.find((r) => r.key === adminPolicyKey('AdminNetworkPolicy', 'pci-isolation'))!.warnings).toEqual([{ code: 'anp-same-priority', message: 'anp-same-priority on pci-isolation' }]);
    expect(withWarnings.find((r) => r.tier === 'BaselineAdminNetworkPolicy')!.warnings).toEqual([]);
  });
});

describe('adminTierNote', () => {
  const forbidden = (kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'ClusterRole') => ({ kind, message: `cannot list ${kind}` });
  it('an unreadable admin kind makes the tier unknown, never "none"', () => {
    expect(adminTierNote([], [forbidden('AdminNetworkPolicy'), forbidden('BaselineAdminNetworkPolicy')])).toEqual({
      tone: 'unknown',
      text: 'AdminNetworkPolicies and BaselineAdminNetworkPolicies could not be read: whether admin policies override or back up the NetworkPolicies is unknown.',
    });
    expect(adminTierNote(rows, [forbidden('BaselineAdminNetworkPolicy')]).text).toBe('BaselineAdminNetworkPolicies could not be read: whether more admin policies override or back up the NetworkPolicies is unknown.');
  });
  it('says none only when both kinds were read and hold nothing; other unreadable kinds do not matter here', () => {
    expect(adminTierNote([], [forbidden('ClusterRole')]).tone).toBe('none');
    expect(adminTierNote(rows, [])).toEqual({ tone: 'ok', text: '' });
  });
});
