import { describe, expect, it } from 'vitest';
import { bindingRows, formatSubject } from './bindingRows';

describe('bindingRows', () => {
  const sa = { kind: 'ServiceAccount' as const, name: 'deployer', namespace: 'ci' };

  it('lists cluster-wide bindings first, then namespaced ones by namespace and name', () => {
    const rows = bindingRows(
      [
        { namespace: 'b', name: 'x', labels: {}, roleRef: { kind: 'Role', name: 'edit-pods' }, subjects: [sa] },
        { namespace: 'a', name: 'y', labels: {}, roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [] },
      ],
      [{ name: 'admins', labels: {}, roleRef: { kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [] }],
      new Set(['b/edit-pods']),
      new Set(['view']),
    );
    expect(rows.map((r) => `${r.kind} ${r.namespace ?? '*'}/${r.name} ${r.roleFound}`)).toEqual([
      'ClusterRoleBinding */admins false',
      'RoleBinding a/y true',
      'RoleBinding b/x true',
    ]);
  });

  it("a RoleBinding's Role is looked up in the binding's own namespace", () => {
    const [row] = bindingRows(
      [{ namespace: 'a', name: 'x', labels: {}, roleRef: { kind: 'Role', name: 'edit-pods' }, subjects: [] }],
      [],
      new Set(['b/edit-pods']),
      new Set(),
    );
    expect(row.roleFound).toBe(false);
  });
});

describe('formatSubject', () => {
  it('qualifies service accounts with their namespace', () => {
    expect(formatSubject({ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' })).toBe('ServiceAccount ci/deployer');
    expect(formatSubject({ kind: 'Group', name: 'system:masters' })).toBe('Group system:masters');
  });
});
