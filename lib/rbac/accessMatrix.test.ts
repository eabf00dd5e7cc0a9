import { describe, expect, it } from 'vitest';
import { accessMatrix } from './accessMatrix';
import { buildRbacIndex } from './buildRbacIndex';
import { subjectKey } from './subjects';
import { clusterRole, crb, rb, rbacSnapshot, rule, user } from './testing';

describe('accessMatrix', () => {
  const idx = buildRbacIndex(
    rbacSnapshot({
      clusterRoles: [
        clusterRole('viewer', [rule({ verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] })]),
        clusterRole('np', [rule({ verbs: ['patch'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] })]),
      ],
      clusterRoleBindings: [crb('v', 'viewer', [user('auditor')])],
      roleBindings: [rb('a', 'np', { kind: 'ClusterRole', name: 'np' }, [user('alice')])],
    }),
  );

  it('has one column per resource × verb and a row per subject with any allowed cell', () => {
    const m = accessMatrix(idx, 'a');
    expect(m.columns).toHaveLength(9 * 8);
    expect(m.rows.map((r) => subjectKey(r.subject))).toEqual(['Group:system:masters', 'User:alice', 'User:auditor']);
  });
  it('a cell is allowed with its paths only where a rule allows it', () => {
    const m = accessMatrix(idx, 'a', { resources: [{ group: 'networking.k8s.io', resource: 'networkpolicies' }], verbs: ['get', 'patch'] });
    const alice = m.rows.find((r) => r.subject.name === 'alice')!;
    expect(alice.cells.map((c) => c.allowed)).toEqual([false, true]);
    expect(alice.cells[1].paths[0]).toMatchObject({ kind: 'rbac', binding: { kind: 'RoleBinding', name: 'np', namespace: 'a' } });
  });
  it('a RoleBinding does not show in another namespace or at cluster scope', () => {
    expect(accessMatrix(idx, 'b').rows.map((r) => r.subject.name)).toEqual(['system:masters', 'auditor']);
    expect(accessMatrix(idx, undefined).rows.map((r) => r.subject.name)).toEqual(['system:masters', 'auditor']);
  });
});
