import { describe, expect, it } from 'vitest';
import { buildRbacIndex } from './buildRbacIndex';
import { rulesFor } from './rulesFor';
import { clusterRole, crb, group, rb, rbacSnapshot, rule, sa } from './testing';

describe('rulesFor (upstream RulesFor)', () => {
  const view = rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] });
  const np = rule({ verbs: ['patch'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] });
  const idx = buildRbacIndex(
    rbacSnapshot({
      clusterRoles: [clusterRole('view', [view]), clusterRole('np', [np])],
      clusterRoleBindings: [crb('everyone', 'view', [group('system:authenticated')])],
      roleBindings: [rb('a', 'np', { kind: 'ClusterRole', name: 'np' }, [sa('a', 'bot')])],
    }),
  );
  it('lists cluster-wide rules everywhere and a RoleBinding rules only in its namespace', () => {
    expect(rulesFor(idx, sa('a', 'bot'), 'a').map((p) => p.kind === 'rbac' && p.rule)).toEqual([np, view]);
    expect(rulesFor(idx, sa('a', 'bot'), 'b').map((p) => p.kind === 'rbac' && p.rule)).toEqual([view]);
  });
  it('puts the superuser group first for its members', () => {
    expect(rulesFor(idx, group('system:masters'), undefined)[0]).toEqual({ kind: 'superuser', group: 'system:masters' });
  });
});
