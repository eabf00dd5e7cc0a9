import { describe, expect, it } from 'vitest';
import { buildRbacIndex } from './buildRbacIndex';
import { can, canNonResource } from './can';
import { clusterRole, crb, group, rb, rbacSnapshot, role, rule, sa, user } from './testing';
import type { PerimeterConfig } from '../config';

const NP = { group: 'networking.k8s.io', resource: 'networkpolicies' };
const npEditor = clusterRole('np-editor', [rule({ verbs: ['patch', 'delete'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] })]);

// plugin/pkg/auth/authorizer/rbac + pkg/registry/rbac/validation/rule.go (VisitRulesFor, appliesToUser).
describe('can (upstream VisitRulesFor / appliesToUser)', () => {
  it('a ClusterRoleBinding applies in every namespace and at cluster scope', () => {
    const idx = buildRbacIndex(rbacSnapshot({ clusterRoles: [npEditor], clusterRoleBindings: [crb('b', 'np-editor', [user('alice')])] }));
    expect(can(idx, user('alice'), 'patch', NP, 'team-a').allowed).toBe(true);
    expect(can(idx, user('alice'), 'patch', NP, undefined).allowed).toBe(true);
    expect(can(idx, user('bob'), 'patch', NP, 'team-a').allowed).toBe(false);
  });
  it('a RoleBinding to a ClusterRole applies only in its own namespace', () => {
    const idx = buildRbacIndex(rbacSnapshot({ clusterRoles: [npEditor], roleBindings: [rb('team-a', 'b', { kind: 'ClusterRole', name: 'np-editor' }, [user('alice')])] }));
    expect(can(idx, user('alice'), 'patch', NP, 'team-a').allowed).toBe(true);
    expect(can(idx, user('alice'), 'patch', NP, 'team-b').allowed).toBe(false);
    expect(can(idx, user('alice'), 'patch', NP, undefined).allowed).toBe(false);
  });
  it("a RoleBinding's Role is looked up in the binding's namespace", () => {
    const r = rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] });
    const idx = buildRbacIndex(rbacSnapshot({ roles: [role('team-b', 'reader', [r])], roleBindings: [rb('team-a', 'b', { kind: 'Role', name: 'reader' }, [user('alice')])] }));
    expect(can(idx, user('alice'), 'get', { group: '', resource: 'pods' }, 'team-a').allowed).toBe(false);
    expect(can(idx, user('alice'), 'get', { group: '', resource: 'pods' }, 'team-b').allowed).toBe(false);
    expect(idx.warnings.map((w) => w.code)).toEqual(['dangling-roleref']);
  });
  it('a binding whose roleRef does not exist grants nothing and warns', () => {
    const idx = buildRbacIndex(rbacSnapshot({ clusterRoleBindings: [crb('b', 'missing', [user('alice')])] }));
    expect(can(idx, user('alice'), 'get', { group: '', resource: 'pods' }, 'x').allowed).toBe(false);
    expect(idx.warnings[0]).toMatchObject({ code: 'dangling-roleref', object: { kind: 'ClusterRoleBinding', name: 'b' } });
  });
  it('a ServiceAccount is in system:serviceaccounts, system:serviceaccounts:NS and system:authenticated', () => {
    const idx = buildRbacIndex(
      rbacSnapshot({
        clusterRoles: [npEditor],
        roleBindings: [rb('team-a', 'b', { kind: 'ClusterRole', name: 'np-editor' }, [group('system:serviceaccounts:team-a')])],
        clusterRoleBindings: [crb('c', 'np-editor', [group('system:authenticated')])],
      }),
    );
    const d = can(idx, sa('team-a', 'default'), 'patch', NP, 'team-a');
    expect(d.paths.map((p) => p.kind === 'rbac' && p.bindingSubject.name)).toEqual(['system:serviceaccounts:team-a', 'system:authenticated']);
    expect(can(idx, sa('team-b', 'default'), 'patch', NP, 'team-a').paths).toHaveLength(1);
  });
  it('a User subject named system:serviceaccount:NS:NAME is that ServiceAccount (appliesToUser compares usernames)', () => {
    const idx = buildRbacIndex(rbacSnapshot({ clusterRoles: [npEditor], clusterRoleBindings: [crb('b', 'np-editor', [user('system:serviceaccount:ci:deployer')])] }));
    expect(can(idx, sa('ci', 'deployer'), 'patch', NP, 'x').allowed).toBe(true);
    expect(can(idx, sa('ci', 'other'), 'patch', NP, 'x').allowed).toBe(false);
  });
  it('a ServiceAccount subject of a RoleBinding without namespace takes the binding namespace', () => {
    const idx = buildRbacIndex(rbacSnapshot({ clusterRoles: [npEditor], roleBindings: [rb('ci', 'b', { kind: 'ClusterRole', name: 'np-editor' }, [{ kind: 'ServiceAccount', name: 'deployer' }])] }));
    expect(can(idx, sa('ci', 'deployer'), 'patch', NP, 'ci').allowed).toBe(true);
  });
  it('users get the groups the config declares, and system:authenticated', () => {
    const config: PerimeterConfig = { groups: new Map([['sec', ['alice']]]), duties: [] };
    const idx = buildRbacIndex(rbacSnapshot({ clusterRoles: [npEditor], clusterRoleBindings: [crb('b', 'np-editor', [group('sec')])] }), config);
    const d = can(idx, user('alice'), 'delete', NP, 'x', 'deny-all');
    expect(d.allowed).toBe(true);
    expect(d.paths[0]).toMatchObject({ kind: 'rbac', binding: { name: 'b' }, role: { name: 'np-editor' }, ruleIndex: 0, bindingSubject: { kind: 'Group', name: 'sec' } });
    expect(can(idx, user('bob'), 'delete', NP, 'x').allowed).toBe(false);
  });
  it('system:masters is allowed everything, even without a binding', () => {
    const idx = buildRbacIndex(rbacSnapshot({}));
    expect(can(idx, group('system:masters'), 'escalate', { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' }, undefined)).toEqual({
      allowed: true,
      paths: [{ kind: 'superuser', group: 'system:masters' }],
    });
  });
  it('system:anonymous is in system:unauthenticated, not system:authenticated', () => {
    const idx = buildRbacIndex(rbacSnapshot({ clusterRoles: [npEditor], clusterRoleBindings: [crb('b', 'np-editor', [group('system:authenticated')])] }));
    expect(can(idx, user('system:anonymous'), 'patch', NP, 'x').allowed).toBe(false);
    expect(can(idx, user('anyone'), 'patch', NP, 'x').allowed).toBe(true);
  });
  it('non-resource URLs are granted only by ClusterRoleBindings', () => {
    const metrics = clusterRole('metrics', [rule({ verbs: ['get'], nonResourceURLs: ['/metrics'] })]);
    const idx = buildRbacIndex(rbacSnapshot({ clusterRoles: [metrics], clusterRoleBindings: [crb('m', 'metrics', [user('prom')])], roleBindings: [rb('x', 'm', { kind: 'ClusterRole', name: 'metrics' }, [user('bob')])] }));
    expect(canNonResource(idx, user('prom'), 'get', '/metrics').allowed).toBe(true);
    expect(canNonResource(idx, user('bob'), 'get', '/metrics').allowed).toBe(false);
  });
  it('returns every path, not just the first (the authorizer stops at one)', () => {
    const idx = buildRbacIndex(rbacSnapshot({ clusterRoles: [npEditor], clusterRoleBindings: [crb('b1', 'np-editor', [user('alice')]), crb('b2', 'np-editor', [user('alice')])] }));
    expect(can(idx, user('alice'), 'patch', NP, 'x').paths).toHaveLength(2);
  });
  it('warns that answers are incomplete when RBAC kinds could not be read', () => {
    const idx = buildRbacIndex({ ...rbacSnapshot({}), unreadable: [{ kind: 'ClusterRoleBinding', message: 'forbidden', missingPermission: 'list clusterrolebindings.rbac.authorization.k8s.io' }] });
    expect(idx.warnings.map((w) => w.code)).toEqual(['rbac-incomplete']);
  });
});
