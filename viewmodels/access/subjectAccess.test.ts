import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '@/lib/config/index';
import { buildRbacIndex } from '@/lib/rbac/index';
import { loadDemoSnapshot } from '@/lib/sources/index';
import { describeRule, subjectAccess } from './subjectAccess';

const index = buildRbacIndex(await loadDemoSnapshot(), EMPTY_CONFIG);

describe('subjectAccess (demo cluster)', () => {
  it('a ServiceAccount gets its own bindings and those of its implicit groups', () => {
    const r = subjectAccess(index, { kind: 'ServiceAccount', namespace: 'ci', name: 'gitlab-runner' });
    expect(r.username).toBe('system:serviceaccount:ci:gitlab-runner');
    expect(r.groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:ci', 'system:authenticated']);
    const edit = r.grants.find((g) => g.binding.name === 'gitlab-runner-edit')!;
    expect(edit).toMatchObject({ scope: 'shop-backend', role: { kind: 'ClusterRole', name: 'edit' }, viaGroup: false });
    // edit holds one rule aggregated from monitoring-coreos-view (through view).
    expect(edit.rules.some((x) => x.aggregatedFrom?.includes('monitoring-coreos-view'))).toBe(true);
    const viaAll = r.grants.find((g) => g.binding.name === 'all-users-view')!;
    expect(viaAll).toMatchObject({ scope: undefined, via: 'Group:system:authenticated', viaGroup: true });
    // Its own binding comes before those through groups.
    expect(r.grants[0].binding.name).toBe('gitlab-runner-edit');
  });

  it('a binding to a missing role grants nothing: carol has only what every authenticated user has', () => {
    const r = subjectAccess(index, { kind: 'User', name: 'carol@acme.example' });
    expect(r.grants.every((g) => g.viaGroup)).toBe(true);
    expect(r.grants.some((g) => g.scope === 'payments')).toBe(false);
  });

  it('system:masters is a superuser', () => {
    expect(subjectAccess(index, { kind: 'Group', name: 'system:masters' }).superuser).toBe(true);
    expect(subjectAccess(index, { kind: 'User', name: 'alice@acme.example' }).superuser).toBe(false);
  });

  it('describeRule names verbs, resources, groups and names', () => {
    expect(describeRule({ verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['a'], nonResourceURLs: [] })).toBe('get on secrets (core) named a');
    expect(describeRule({ verbs: ['get'], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: ['/healthz'] })).toBe('get on URLs /healthz');
  });
});
