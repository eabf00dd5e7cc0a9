import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../model';
import { rbacFindings } from '../findings';
import { loadManifestFiles } from '../sources';
import { buildRbacIndex, type RbacIndex } from './buildRbacIndex';
import { can } from './can';
import { subjectKey } from './subjects';
import { whoCan } from './whoCan';

// The default RBAC policy of a cluster (kubernetes bootstrappolicy testdata) and the facts its README lists.
const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'k8s-bootstrap-rbac');
const NP = { group: 'networking.k8s.io', resource: 'networkpolicies' };

let snapshot: Snapshot;
let index: RbacIndex;
beforeAll(async () => {
  snapshot = await loadManifestFiles([FIXTURE]);
  index = buildRbacIndex(snapshot);
});

const keys = (list: { subject: Parameters<typeof subjectKey>[0] }[]) => list.map((e) => subjectKey(e.subject));

describe('bootstrap RBAC (k8s-bootstrap-rbac README facts)', () => {
  it('aggregation runs to a fixed point: admin, edit and view hold 25, 23 and 10 rules', () => {
    expect(index.roles.get('ClusterRole:admin')!.rules).toHaveLength(25);
    expect(index.roles.get('ClusterRole:edit')!.rules).toHaveLength(23);
    expect(index.roles.get('ClusterRole:view')!.rules).toHaveLength(10);
  });

  it('edit lets one subject change workloads and networkpolicies, exec, read secrets, impersonate SAs and mint tokens', () => {
    // Bind edit to a probe user in namespace `default` on top of the fixture.
    const editor = { kind: 'User' as const, name: 'probe' };
    const withBinding = buildRbacIndex({
      ...snapshot,
      roleBindings: [...snapshot.roleBindings, { namespace: 'default', name: 'probe-edit', labels: {}, roleRef: { kind: 'ClusterRole', name: 'edit' }, subjects: [editor] }],
    });
    const ok = (verb: string, resource: { group: string; resource: string; subresource?: string }) => can(withBinding, editor, verb, resource, 'default').allowed;
    expect(ok('create', { group: '', resource: 'pods' })).toBe(true);
    expect(ok('create', { group: 'apps', resource: 'deployments' })).toBe(true);
    for (const v of ['create', 'patch', 'delete']) expect(ok(v, NP)).toBe(true);
    expect(ok('create', { group: '', resource: 'pods', subresource: 'exec' })).toBe(true);
    expect(ok('get', { group: '', resource: 'secrets' })).toBe(true);
    expect(ok('impersonate', { group: '', resource: 'serviceaccounts' })).toBe(true);
    expect(ok('create', { group: '', resource: 'serviceaccounts', subresource: 'token' })).toBe(true);
    expect(ok('escalate', { group: 'rbac.authorization.k8s.io', resource: 'roles' })).toBe(false);
  });

  it('who can patch networkpolicies in default: system:masters and the garbage collector', () => {
    expect(keys(whoCan(index, 'patch', NP, 'default', undefined, { expandGroups: false }))).toEqual([
      'Group:system:masters',
      'ServiceAccount:kube-system/generic-garbage-collector',
    ]);
  });

  it('who can delete them: those two and the namespace controller', () => {
    expect(keys(whoCan(index, 'delete', NP, 'default', undefined, { expandGroups: false }))).toEqual([
      'Group:system:masters',
      'ServiceAccount:kube-system/generic-garbage-collector',
      'ServiceAccount:kube-system/namespace-controller',
    ]);
  });

  it('who can escalate clusterroles: system:masters and the aggregation controller', () => {
    expect(keys(whoCan(index, 'escalate', { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' }, undefined, undefined, { expandGroups: false }))).toEqual([
      'Group:system:masters',
      'ServiceAccount:kube-system/clusterrole-aggregation-controller',
    ]);
  });

  it('the binding to a missing ClusterRole is reported as a dangling roleRef', () => {
    const dangling = index.warnings.filter((w) => w.code === 'dangling-roleref');
    expect(dangling).toHaveLength(1);
    expect(dangling[0].object?.kind).toBe('ClusterRoleBinding');
  });

  it("edit's conflict is a separation-of-duties finding for whoever holds it; the default policy alone yields only low findings", () => {
    const probe = { kind: 'User' as const, name: 'probe' };
    const withEdit = buildRbacIndex({
      ...snapshot,
      roleBindings: [...snapshot.roleBindings, { namespace: 'default', name: 'probe-edit', labels: {}, roleRef: { kind: 'ClusterRole', name: 'edit' }, subjects: [probe] }],
    });
    const sod = rbacFindings(withEdit, []).filter((f) => f.ruleId === 'PER-RBAC-SOD-WORKLOAD-NETPOL' && f.subject?.name === 'probe');
    expect(sod.map((f) => [f.namespace, f.severity])).toEqual([['default', 'high']]);
    expect(sod[0].evidence.map((e) => e.text).join('\n')).toContain('RoleBinding/default/probe-edit → ClusterRole/edit');
    const base = rbacFindings(index, []);
    expect(base.length).toBeGreaterThan(0);
    expect(base.filter((f) => f.severity !== 'low')).toEqual([]);
  });
});
