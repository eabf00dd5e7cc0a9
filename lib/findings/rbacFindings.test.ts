import { beforeAll, describe, expect, it } from 'vitest';
import type { PerimeterConfig } from '../config';
import type { Snapshot } from '../model';
import { buildRbacIndex } from '../rbac/buildRbacIndex';
import { clusterRole, crb, group, rb, rbacSnapshot, role, rule, sa, user } from '../rbac/testing';
import { loadDemoSnapshot } from '../sources';
import type { Finding } from './finding';
import { rbacFindings } from './rbacFindings';

const RBAC = 'rbac.authorization.k8s.io';
const find = (fs: Finding[], ruleId: string, subjectKey: string, namespace?: string) =>
  fs.filter((f) => f.ruleId === ruleId && f.subject && `${f.subject.kind}:${f.subject.kind === 'ServiceAccount' ? `${f.subject.namespace}/` : ''}${f.subject.name}` === subjectKey && f.namespace === namespace);

// demo/README.md "Planted RBAC facts": every planted problem is found, with its binding → role path as evidence.
describe('RBAC findings on the demo cluster', () => {
  let snapshot: Snapshot;
  let findings: Finding[];
  beforeAll(async () => {
    snapshot = await loadDemoSnapshot();
    findings = rbacFindings(buildRbacIndex(snapshot), snapshot.networkPolicies);
  });
  const evidenceText = (f: Finding[]) => f.flatMap((x) => x.evidence.map((e) => e.text)).join('\n');

  it('shop-devs and alice can deploy and edit NetworkPolicies in shop-backend', () => {
    for (const s of ['Group:shop-devs', 'User:alice@acme.example']) {
      const f = find(findings, 'PER-RBAC-SOD-WORKLOAD-NETPOL', s, 'shop-backend');
      expect(f).toHaveLength(1);
      expect(f[0].severity).toBe('high');
      expect(evidenceText(f)).toContain('RoleBinding/shop-backend/shop-developers → Role/shop-backend/shop-developer');
    }
  });
  it('the CI ServiceAccount bound to edit in shop-backend has the same conflict, through edit', () => {
    const f = find(findings, 'PER-RBAC-SOD-WORKLOAD-NETPOL', 'ServiceAccount:ci/gitlab-runner', 'shop-backend');
    expect(f).toHaveLength(1);
    expect(evidenceText(f)).toContain('RoleBinding/shop-backend/gitlab-runner-edit → ClusterRole/edit');
  });
  it('the wildcard role outside cluster-admin is reported for bob', () => {
    const f = find(findings, 'PER-RBAC-WILDCARD', 'User:bob@acme.example');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('high');
    expect(evidenceText(f)).toContain('ClusterRoleBinding/legacy-ops-full-access → ClusterRole/legacy-ops-full-access rule #1');
  });
  it('view granted to every authenticated user is reported, the bootstrap discovery bindings are not', () => {
    const f = find(findings, 'PER-RBAC-BROAD-GROUP', 'Group:system:authenticated');
    expect(f).toHaveLength(1);
    expect(f[0].evidence.every((e) => e.text.startsWith('ClusterRoleBinding/all-users-view → ClusterRole/view'))).toBe(true);
    expect(findings.filter((x) => x.ruleId === 'PER-RBAC-BROAD-GROUP')).toHaveLength(1);
  });
  it('the dangling roleRef of payments-auditors is reported', () => {
    const f = findings.filter((x) => x.ruleId === 'PER-RBAC-DANGLING-ROLEREF');
    expect(f.map((x) => x.object)).toEqual([{ kind: 'RoleBinding', name: 'payments-auditors', namespace: 'payments' }]);
  });
  it("dave's impersonation is an escalation, and makes him an indirect NetworkPolicy editor everywhere", () => {
    const esc = find(findings, 'PER-RBAC-ESCALATION', 'User:dave@acme.example');
    expect(esc).toHaveLength(1);
    expect(esc[0].title).toContain('impersonate users, impersonate groups, impersonate serviceaccounts');
    expect(evidenceText(esc)).toContain('ClusterRoleBinding/support-impersonation → ClusterRole/support-impersonator');
    expect(find(findings, 'PER-RBAC-NETPOL-INDIRECT-EDITOR', 'User:dave@acme.example')).toHaveLength(1);
  });
  it('the legitimate security team and the clean payments deployers are not findings', () => {
    const subjects = new Set(findings.map((f) => f.subject?.name));
    expect(subjects.has('security-team')).toBe(false);
    expect(subjects.has('payments-devs')).toBe(false);
  });
  it('finding ids are unique and stable', async () => {
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    const again = rbacFindings(buildRbacIndex(snapshot), snapshot.networkPolicies);
    expect(again.map((f) => f.id)).toEqual(findings.map((f) => f.id));
  });
});

describe('RBAC findings rules', () => {
  const np = rule({ verbs: ['patch'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] });
  const deploy = rule({ verbs: ['create'], apiGroups: ['apps'], resources: ['deployments'] });
  const rbacWrite = rule({ verbs: ['create'], apiGroups: [RBAC], resources: ['rolebindings'] });

  it('PER-RBAC-SOD-NETPOL-RBAC: NetworkPolicy editors who can write bindings approve their own access', () => {
    const s = rbacSnapshot({ roles: [role('a', 'r', [np, rbacWrite])], roleBindings: [rb('a', 'b', { kind: 'Role', name: 'r' }, [user('eve')])] });
    const f = rbacFindings(buildRbacIndex(s), []);
    expect(find(f, 'PER-RBAC-SOD-NETPOL-RBAC', 'User:eve', 'a')).toHaveLength(1);
    expect(find(f, 'PER-RBAC-SOD-WORKLOAD-NETPOL', 'User:eve', 'a')).toHaveLength(0);
  });
  it('a conflict from ClusterRoleBindings is one finding for every namespace, not one per namespace', () => {
    const s = rbacSnapshot({
      clusterRoles: [clusterRole('both', [np, deploy])],
      clusterRoleBindings: [crb('b', 'both', [user('ops')])],
      namespaces: ['a', 'b', 'c'].map((name) => ({ name, labels: {}, declared: true })),
    });
    const f = rbacFindings(buildRbacIndex(s), []).filter((x) => x.ruleId === 'PER-RBAC-SOD-WORKLOAD-NETPOL' && x.subject?.name === 'ops');
    expect(f.map((x) => x.namespace)).toEqual([undefined]);
  });
  it('a conflict combining two groups is reported for the member; members of one conflicted group are not repeated', () => {
    const config: PerimeterConfig = { groups: new Map([['np', ['mixed', 'pure']], ['dev', ['mixed']], ['both', ['inboth']]]), duties: [] };
    const s = rbacSnapshot({
      roles: [role('a', 'np', [np]), role('a', 'dev', [deploy]), role('a', 'both', [np, deploy])],
      roleBindings: [rb('a', 'np', { kind: 'Role', name: 'np' }, [group('np')]), rb('a', 'dev', { kind: 'Role', name: 'dev' }, [group('dev')]), rb('a', 'both', { kind: 'Role', name: 'both' }, [group('both')])],
    });
    const f = rbacFindings(buildRbacIndex(s, config), []).filter((x) => x.ruleId === 'PER-RBAC-SOD-WORKLOAD-NETPOL');
    expect(f.map((x) => x.subject?.name).sort()).toEqual(['both', 'mixed', 'system:masters']);
  });
  it('PER-RBAC-DUTY: a holder outside the duty is reported; members of an allowed group are not', () => {
    const config: PerimeterConfig = { groups: new Map([['sec', ['alice']]]), duties: [{ name: 'networkPolicyEditors', allowed: [group('sec')] }] };
    const s = rbacSnapshot({ roles: [role('a', 'np', [np])], roleBindings: [rb('a', 'np', { kind: 'Role', name: 'np' }, [user('alice'), user('mallory'), sa('a', 'bot')])] });
    const f = rbacFindings(buildRbacIndex(s, config), []).filter((x) => x.ruleId === 'PER-RBAC-DUTY');
    expect(f.map((x) => `${x.subject?.name}@${x.namespace ?? '*'}:${x.severity}`).sort()).toEqual(['bot@a:high', 'mallory@a:high', 'system:masters@*:low']);
  });
  it('PER-RBAC-WILDCARD ignores cluster-admin and rates read-only wildcards medium', () => {
    const s = rbacSnapshot({
      clusterRoles: [clusterRole('cluster-admin', [rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] })]), clusterRole('reader', [rule({ verbs: ['get'], apiGroups: ['*'], resources: ['*'] })])],
      clusterRoleBindings: [crb('admins', 'cluster-admin', [user('root')]), crb('readers', 'reader', [user('auditor')])],
    });
    const f = rbacFindings(buildRbacIndex(s), []).filter((x) => x.ruleId === 'PER-RBAC-WILDCARD');
    expect(f.map((x) => `${x.subject?.name}:${x.severity}`)).toEqual(['auditor:medium']);
  });
  it('PER-RBAC-BROAD-GROUP: writes granted to all ServiceAccounts are high', () => {
    const s = rbacSnapshot({ clusterRoles: [clusterRole('dep', [deploy])], roleBindings: [rb('a', 'x', { kind: 'ClusterRole', name: 'dep' }, [group('system:serviceaccounts')])] });
    const f = rbacFindings(buildRbacIndex(s), []).filter((x) => x.ruleId === 'PER-RBAC-BROAD-GROUP');
    expect(f.map((x) => `${x.subject?.name}@${x.namespace}:${x.severity}`)).toEqual(['system:serviceaccounts@a:high']);
  });
  it('PER-RBAC-ESCALATION: exec in a namespace whose ServiceAccount can change NetworkPolicies', () => {
    const exec = rule({ verbs: ['create'], apiGroups: [''], resources: ['pods/exec'] });
    const s = rbacSnapshot({
      roles: [role('a', 'np', [np]), role('a', 'exec', [exec]), role('b', 'exec', [exec])],
      roleBindings: [rb('a', 'np', { kind: 'Role', name: 'np' }, [sa('a', 'netbot')]), rb('a', 'exec', { kind: 'Role', name: 'exec' }, [user('sre')]), rb('b', 'exec', { kind: 'Role', name: 'exec' }, [user('sre')])],
    });
    const f = rbacFindings(buildRbacIndex(s), []).filter((x) => x.ruleId === 'PER-RBAC-ESCALATION' && x.subject?.name === 'sre');
    expect(f.map((x) => x.namespace)).toEqual(['a']);
    expect(f[0].evidence.map((e) => e.text).join('\n')).toContain('ServiceAccount(s) netbot');
  });
  it('system components with only built-in grants are reported at low severity', () => {
    const s = rbacSnapshot({
      clusterRoles: [clusterRole('system:controller:gc', [rule({ verbs: ['delete', 'patch'], apiGroups: ['*'], resources: ['*'] })])],
      clusterRoleBindings: [crb('system:controller:gc', 'system:controller:gc', [sa('kube-system', 'gc')])],
    });
    const f = rbacFindings(buildRbacIndex(s), []).filter((x) => x.subject?.name === 'gc');
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.severity === 'low')).toBe(true);
  });
});
