import { describe, expect, it } from 'vitest';
import { policy } from '../netpol/testing';
import { buildRbacIndex } from './buildRbacIndex';
import { adminNetworkPolicyEditors, describeStep, namespaceEditors, networkPolicyEditors } from './networkPolicyEditors';
import { NETWORK_POLICY } from './resources';
import { subjectKey } from './subjects';
import { clusterRole, crb, group, rb, rbacSnapshot, role, rule, sa, serviceAccount, user } from './testing';

const RBAC = 'rbac.authorization.k8s.io';

describe('networkPolicyEditors', () => {
  const snapshot = rbacSnapshot({
    clusterRoles: [
      clusterRole('np-admin', [rule({ verbs: ['create', 'update', 'patch', 'delete', 'deletecollection'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] })]),
      clusterRole('deployer', [rule({ verbs: ['create'], apiGroups: ['apps'], resources: ['deployments'] })]),
      clusterRole('sa-impersonator', [rule({ verbs: ['impersonate'], apiGroups: [''], resources: ['serviceaccounts'] })]),
      clusterRole('token-minter', [rule({ verbs: ['create'], apiGroups: [''], resources: ['serviceaccounts/token'], resourceNames: ['netops'] })]),
      clusterRole('binder', [
        rule({ verbs: ['bind'], apiGroups: [RBAC], resources: ['clusterroles'], resourceNames: ['np-admin'] }),
        rule({ verbs: ['create'], apiGroups: [RBAC], resources: ['rolebindings'] }),
      ]),
      clusterRole('group-impersonator', [rule({ verbs: ['impersonate'], apiGroups: [''], resources: ['groups'] })]),
      clusterRole('user-impersonator', [rule({ verbs: ['impersonate'], apiGroups: [''], resources: ['users'], resourceNames: ['nobody'] })]),
    ],
    roles: [
      role('prod', 'self-editing', [
        rule({ verbs: ['escalate', 'update'], apiGroups: [RBAC], resources: ['roles'], resourceNames: ['self-editing'] }),
      ]),
    ],
    roleBindings: [
      rb('prod', 'netops', { kind: 'ClusterRole', name: 'np-admin' }, [sa('prod', 'netops'), group('netadmins')]),
      rb('prod', 'deploy', { kind: 'ClusterRole', name: 'deployer' }, [user('dev')]),
      rb('prod', 'imp', { kind: 'ClusterRole', name: 'sa-impersonator' }, [user('imp')]),
      rb('prod', 'tok', { kind: 'ClusterRole', name: 'token-minter' }, [user('minter')]),
      rb('prod', 'bind', { kind: 'ClusterRole', name: 'binder' }, [user('binder')]),
      rb('prod', 'self', { kind: 'Role', name: 'self-editing' }, [user('climber')]),
    ],
    clusterRoleBindings: [crb('gi', 'group-impersonator', [user('gi-only'), user('gi-and-user')]), crb('ui', 'user-impersonator', [user('gi-and-user')])],
    serviceAccounts: [serviceAccount('prod', 'netops')],
  });
  const [editors] = networkPolicyEditors(buildRbacIndex(snapshot), [policy('prod/deny-all')]);
  const indirect = new Map(editors.indirect.map((e) => [subjectKey(e.subject), e.steps]));

  it('direct editors hold create/update/patch/delete on the policy or deletecollection in its namespace', () => {
    expect(editors.direct.map((d) => subjectKey(d.subject))).toEqual(['Group:netadmins', 'Group:system:masters', 'ServiceAccount:prod/netops']);
    expect(editors.direct.find((d) => d.subject.name === 'netops')!.verbs.map((v) => v.verb)).toEqual(['create', 'update', 'patch', 'delete', 'deletecollection']);
  });
  it('creating workloads in a namespace whose ServiceAccount can edit makes one an indirect editor', () => {
    expect(indirect.get('User:dev')!.map((s) => s.kind)).toEqual(['workload']);
    expect(describeStep(indirect.get('User:dev')![0])).toBe('can create deployments.apps in prod running as ServiceAccount:prod/netops, who can edit it');
  });
  it('impersonating an editing ServiceAccount, or minting its token, makes one an indirect editor', () => {
    expect(indirect.get('User:imp')!.map((s) => s.kind)).toEqual(['impersonate']);
    expect(indirect.get('User:minter')!.map((s) => s.kind)).toEqual(['token']);
  });
  it('bind on a granting role plus create rolebindings makes one an indirect editor', () => {
    expect(indirect.get('User:binder')).toEqual([expect.objectContaining({ kind: 'bind', role: { kind: 'ClusterRole', name: 'np-admin' } })]);
  });
  it('escalate + update on a role bound to oneself makes one an indirect editor', () => {
    expect(indirect.get('User:climber')).toEqual([expect.objectContaining({ kind: 'escalate', role: { kind: 'Role', name: 'self-editing', namespace: 'prod' } })]);
  });
  it('impersonating an editing group needs the right to impersonate some user too', () => {
    expect(indirect.has('User:gi-only')).toBe(false);
    expect(indirect.get('User:gi-and-user')!.map((s) => s.kind === 'impersonate' && subjectKey(s.target))).toEqual(['Group:netadmins', 'Group:system:masters']);
  });
});

describe('namespaceEditors', () => {
  const snapshot = rbacSnapshot({
    clusterRoles: [
      clusterRole('np-admin', [rule({ verbs: ['create', 'update', 'patch', 'delete'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'] })]),
      clusterRole('one-policy', [rule({ verbs: ['patch'], apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], resourceNames: ['allow-web'] })]),
      clusterRole('deployer', [rule({ verbs: ['create'], apiGroups: [''], resources: ['pods'] })]),
    ],
    roleBindings: [
      rb('prod', 'netops', { kind: 'ClusterRole', name: 'np-admin' }, [sa('prod', 'netops')]),
      rb('prod', 'web', { kind: 'ClusterRole', name: 'one-policy' }, [user('web-owner')]),
      rb('prod', 'deploy', { kind: 'ClusterRole', name: 'deployer' }, [user('dev')]),
    ],
    serviceAccounts: [serviceAccount('prod', 'netops')],
  });
  const index = buildRbacIndex(snapshot);
  const perPolicy = new Map(networkPolicyEditors(index, [policy('prod/allow-web'), policy('prod/deny-all')]).map((e) => [e.policy.name, e]));
  const keys = (e: { direct: readonly { subject: Parameters<typeof subjectKey>[0] }[] }) => e.direct.map((d) => subjectKey(d.subject));

  it('a rule limited by resourceNames to one policy makes its holder a direct editor of that policy and of the namespace, not of the others', () => {
    const ns = namespaceEditors(index, NETWORK_POLICY, 'prod', ['allow-web', 'deny-all']);
    expect(keys(ns)).toEqual(['Group:system:masters', 'ServiceAccount:prod/netops', 'User:web-owner']);
    expect(ns.direct.find((d) => d.subject.name === 'web-owner')!.verbs.map((v) => v.verb)).toEqual(['patch']);
    expect(keys(perPolicy.get('allow-web')!)).toContain('User:web-owner');
    expect(keys(perPolicy.get('deny-all')!)).not.toContain('User:web-owner');
  });
  it('without such a rule the namespace counts what each policy counts, direct and indirect (the same definitions)', () => {
    const ns = namespaceEditors(index, NETWORK_POLICY, 'prod', ['deny-all']);
    const one = perPolicy.get('deny-all')!;
    expect(keys(ns)).toEqual(keys(one));
    expect(ns.indirect.map((e) => subjectKey(e.subject))).toEqual(one.indirect.map((e) => subjectKey(e.subject)));
    expect(ns.indirect.map((e) => subjectKey(e.subject))).toEqual(['User:dev']);
    expect(namespaceEditors(index, NETWORK_POLICY, 'prod', [], { indirect: false }).indirect).toEqual([]);
  });
});

describe('adminNetworkPolicyEditors', () => {
  const PNA = 'policy.networking.k8s.io';
  const snapshot = rbacSnapshot({
    clusterRoles: [
      clusterRole('anp-admin', [rule({ verbs: ['create', 'update', 'patch', 'delete'], apiGroups: [PNA], resources: ['adminnetworkpolicies'] })]),
      clusterRole('banp-admin', [rule({ verbs: ['*'], apiGroups: [PNA], resources: ['baselineadminnetworkpolicies'] })]),
      clusterRole('binder', [
        rule({ verbs: ['bind'], apiGroups: [RBAC], resources: ['clusterroles'], resourceNames: ['anp-admin'] }),
        rule({ verbs: ['create'], apiGroups: [RBAC], resources: ['rolebindings', 'clusterrolebindings'] }),
      ]),
    ],
    roleBindings: [
      // A RoleBinding cannot grant a cluster-scoped resource: ns-admin edits nothing here.
      rb('prod', 'ns-anp', { kind: 'ClusterRole', name: 'anp-admin' }, [user('ns-admin')]),
      rb('prod', 'rb-binder', { kind: 'ClusterRole', name: 'binder' }, [user('rb-binder')]),
    ],
    clusterRoleBindings: [crb('platform', 'anp-admin', [group('platform')]), crb('baseline', 'banp-admin', [user('net-lead')]), crb('crb-binder', 'binder', [user('crb-binder')])],
  });
  const index = buildRbacIndex(snapshot);
  const editors = adminNetworkPolicyEditors(index, {
    adminNetworkPolicies: [{ name: 'guard', labels: {}, priority: 1, subject: { kind: 'namespaces', namespaceSelector: { matchLabels: {}, matchExpressions: [] } }, ingress: [], egress: [] }],
    baselineAdminNetworkPolicies: [{ name: 'default', labels: {}, subject: { kind: 'namespaces', namespaceSelector: { matchLabels: {}, matchExpressions: [] } }, ingress: [], egress: [] }],
  });

  it('only ClusterRoleBindings make direct editors of the cluster-scoped admin policies', () => {
    expect(editors.map((e) => e.policy)).toEqual([{ kind: 'AdminNetworkPolicy', name: 'guard' }, { kind: 'BaselineAdminNetworkPolicy', name: 'default' }]);
    expect(editors[0].direct.map((d) => subjectKey(d.subject))).toEqual(['Group:platform', 'Group:system:masters']);
    expect(editors[0].direct[0].verbs.map((v) => v.verb)).toEqual(['create', 'update', 'patch', 'delete']);
    expect(editors[1].direct.map((d) => subjectKey(d.subject))).toEqual(['Group:system:masters', 'User:net-lead']);
  });
  it('binding a granting ClusterRole needs create clusterrolebindings, not rolebindings', () => {
    const indirect = editors[0].indirect.map((e) => subjectKey(e.subject));
    expect(indirect).toContain('User:crb-binder');
    expect(indirect).not.toContain('User:rb-binder');
    expect(indirect).not.toContain('User:ns-admin');
  });
});
