import { describe, expect, it } from 'vitest';
import type { PerimeterConfig } from '../config';
import { buildRbacIndex } from './buildRbacIndex';
import { subjectKey } from './subjects';
import { clusterRole, crb, group, rb, rbacSnapshot, role, rule, sa, serviceAccount, user } from './testing';
import { pod } from '../netpol/testing';
import { whoCan } from './whoCan';

const NP = { group: 'networking.k8s.io', resource: 'networkpolicies' };
const keys = (l: { subject: Parameters<typeof subjectKey>[0] }[]) => l.map((e) => subjectKey(e.subject));

describe('whoCan', () => {
  const snapshot = rbacSnapshot({
    clusterRoles: [
      clusterRole('np-edit', [rule({ verbs: ['patch', 'update', 'delete'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] })]),
      clusterRole('one-np', [rule({ verbs: ['patch'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], resourceNames: ['allow-dns'] })]),
      clusterRole('all', [rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] })]),
      clusterRole('scale', [rule({ verbs: ['update'], apiGroups: ['*'], resources: ['*/scale'] })]),
    ],
    roles: [role('team-a', 'local', [rule({ verbs: ['patch'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] })])],
    clusterRoleBindings: [crb('global', 'np-edit', [group('sec')]), crb('ops', 'scale', [user('ops')])],
    roleBindings: [
      rb('team-a', 'local', { kind: 'Role', name: 'local' }, [user('alice'), sa('team-a', 'ci')]),
      rb('team-a', 'named', { kind: 'ClusterRole', name: 'one-np' }, [user('dana')]),
      rb('team-b', 'admin', { kind: 'ClusterRole', name: 'all' }, [group('system:serviceaccounts:team-b')]),
    ],
    serviceAccounts: [serviceAccount('team-b', 'builder'), serviceAccount('team-b', 'default')],
  });
  const config: PerimeterConfig = { groups: new Map([['sec', ['carol']], ['system:masters', ['root']]]), duties: [] };
  const idx = buildRbacIndex(snapshot, config);

  it('lists binding subjects of every binding that applies in the namespace, plus system:masters', () => {
    expect(keys(whoCan(idx, 'patch', NP, 'team-a', undefined, { expandGroups: false }))).toEqual(['Group:sec', 'Group:system:masters', 'ServiceAccount:team-a/ci', 'User:alice']);
  });
  it('a resourceNames rule answers only for that object', () => {
    expect(keys(whoCan(idx, 'patch', NP, 'team-a', 'allow-dns', { expandGroups: false }))).toContain('User:dana');
    expect(keys(whoCan(idx, 'patch', NP, 'team-a', 'other', { expandGroups: false }))).not.toContain('User:dana');
  });
  it('expands declared group members and the ServiceAccounts of system:serviceaccounts:NS', () => {
    expect(keys(whoCan(idx, 'patch', NP, 'team-a'))).toEqual(['Group:sec', 'Group:system:masters', 'ServiceAccount:team-a/ci', 'User:alice', 'User:carol', 'User:root']);
    expect(keys(whoCan(idx, 'create', NP, 'team-b'))).toEqual(['Group:system:masters', 'Group:system:serviceaccounts:team-b', 'ServiceAccount:team-b/builder', 'ServiceAccount:team-b/default', 'User:root']);
  });
  it('an expanded member carries the path through its group', () => {
    const carol = whoCan(idx, 'delete', NP, 'team-a').find((e) => subjectKey(e.subject) === 'User:carol')!;
    expect(carol.paths).toEqual([expect.objectContaining({ kind: 'rbac', binding: { kind: 'ClusterRoleBinding', name: 'global' }, bindingSubject: { kind: 'Group', name: 'sec' } })]);
  });
  it('`*/scale` grants the scale subresource of any resource', () => {
    expect(keys(whoCan(idx, 'update', { group: 'apps', resource: 'deployments', subresource: 'scale' }, 'x', undefined, { expandGroups: false }))).toContain('User:ops');
    expect(keys(whoCan(idx, 'update', { group: 'apps', resource: 'deployments' }, 'x', undefined, { expandGroups: false }))).not.toContain('User:ops');
  });
  it('cluster scope sees only ClusterRoleBindings', () => {
    expect(keys(whoCan(idx, 'patch', NP, undefined, undefined, { expandGroups: false }))).toEqual(['Group:sec', 'Group:system:masters']);
  });
  it('anyName counts resourceNames rules for named verbs only, never for a plain create', () => {
    const named = buildRbacIndex(
      rbacSnapshot({
        clusterRoles: [clusterRole('one', [rule({ verbs: ['patch', 'create'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] })])],
        clusterRoleBindings: [crb('b', 'one', [user('dev')])],
      }),
    );
    const deploy = { group: 'apps', resource: 'deployments' };
    expect(keys(whoCan(named, 'patch', deploy, 'x', undefined, { anyName: true, expandGroups: false }))).toContain('User:dev');
    expect(keys(whoCan(named, 'patch', deploy, 'x', undefined, { expandGroups: false }))).not.toContain('User:dev');
    expect(keys(whoCan(named, 'create', deploy, 'x', undefined, { anyName: true, expandGroups: false }))).not.toContain('User:dev');
  });
  it("system:serviceaccounts:NS stands for the namespace's default ServiceAccount and those its pods run as", () => {
    const s = rbacSnapshot({
      clusterRoles: [clusterRole('np', [rule({ verbs: ['patch'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] })])],
      roleBindings: [rb('c', 'all-sas', { kind: 'ClusterRole', name: 'np' }, [group('system:serviceaccounts:c')])],
      namespaces: [{ name: 'c', labels: {}, declared: true }],
    });
    const withPod = { ...s, pods: [{ ...pod('c/web-1'), serviceAccountName: 'web' }] };
    expect(keys(whoCan(buildRbacIndex(withPod), 'patch', NP, 'c'))).toEqual(['Group:system:masters', 'Group:system:serviceaccounts:c', 'ServiceAccount:c/default', 'ServiceAccount:c/web']);
  });
});
