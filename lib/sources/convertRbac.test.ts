import { describe, expect, it } from 'vitest';
import { snapshotOf } from './testing';

const rbac = 'apiVersion: rbac.authorization.k8s.io/v1';

describe('RBAC conversion', () => {
  it('reads rules: null as no rules and absent rule lists as empty', () => {
    const s = snapshotOf(`${rbac}\nkind: ClusterRole\nmetadata: {name: a}\nrules: null\n---\n${rbac}\nkind: Role\nmetadata: {name: r, namespace: x}\nrules:\n- verbs: [get]\n`);
    expect(s.clusterRoles[0].rules).toEqual([]);
    expect(s.roles[0].rules).toEqual([{ verbs: ['get'], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [] }]);
  });

  it('keeps an aggregationRule as validated selectors', () => {
    const s = snapshotOf(`${rbac}\nkind: ClusterRole\nmetadata: {name: admin}\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}\nrules: null\n`);
    expect(s.clusterRoles[0].aggregationRule).toEqual({ clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, matchExpressions: [] }] });
  });

  it('gives a ServiceAccount subject without namespace the RoleBinding namespace', () => {
    const s = snapshotOf(`${rbac}\nkind: RoleBinding\nmetadata: {name: b, namespace: team}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n- {kind: ServiceAccount, name: bot}\n- {kind: ServiceAccount, name: ci, namespace: ci}\n- {kind: User, name: alice}\n`);
    expect(s.roleBindings[0].subjects).toEqual([
      { kind: 'ServiceAccount', name: 'bot', namespace: 'team' },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'ci' },
      { kind: 'User', name: 'alice' },
    ]);
    expect(s.roleBindings[0].roleRef).toEqual({ kind: 'Role', name: 'r' });
  });

  it('drops a ServiceAccount subject without namespace from a ClusterRoleBinding, with a warning, and keeps the binding', () => {
    const s = snapshotOf(`${rbac}\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {kind: ClusterRole, name: view}\nsubjects:\n- {kind: ServiceAccount, name: bot}\n- {kind: Group, name: devs}\n`);
    expect(s.clusterRoleBindings[0].subjects).toEqual([{ kind: 'Group', name: 'devs' }]);
    expect(s.warnings).toEqual([
      expect.objectContaining({ code: 'invalid-subject', message: 't.yaml#0 (line 1): ClusterRoleBinding b: subjects[0] (ServiceAccount bot) has no namespace, which a ClusterRoleBinding requires; subject ignored' }),
    ]);
  });

  it('drops a ClusterRoleBinding that references a Role', () => {
    const s = snapshotOf(`${rbac}\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {kind: Role, name: r}\nsubjects: [{kind: User, name: a}]\n`);
    expect(s.clusterRoleBindings).toEqual([]);
    expect(s.warnings[0]).toMatchObject({ code: 'invalid-binding', severity: 'error', message: 't.yaml#0 (line 1): ClusterRoleBinding b roleRef.kind "Role" must be ClusterRole; binding dropped' });
  });

  it('ignores a subject of an unknown kind with a warning', () => {
    const s = snapshotOf(`${rbac}\nkind: RoleBinding\nmetadata: {name: b, namespace: n}\nroleRef: {kind: ClusterRole, name: view}\nsubjects: [{kind: Robot, name: r2}]\n`);
    expect(s.roleBindings[0].subjects).toEqual([]);
    expect(s.warnings[0].message).toContain('subjects[0] has kind "Robot", not User, Group or ServiceAccount; subject ignored');
  });
});
