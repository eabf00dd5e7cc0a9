import { describe, expect, it } from 'vitest';
import { MATCH_ALL, type NetworkPolicy, type Pod, type Snapshot } from '@/lib/model';
import { countSnapshot, namespaceNames, namespaceRows } from './overviewModel';

const base: Snapshot = {
  source: { kind: 'demo' },
  version: 1,
  readAt: '2026-11-22T16:00:00Z',
  namespaces: [],
  pods: [],
  workloads: [],
  networkPolicies: [],
  serviceAccounts: [],
  roles: [],
  clusterRoles: [],
  roleBindings: [],
  clusterRoleBindings: [],
  warnings: [],
  unreadable: [],
};

function pod(namespace: string, name: string, over: Partial<Pod> = {}): Pod {
  return {
    namespace,
    name,
    labels: {},
    phase: 'Running',
    podIPs: [],
    hostNetwork: false,
    serviceAccountName: 'default',
    containerPorts: [],
    workload: { namespace, kind: 'Pod', name },
    fromTemplate: false,
    ...over,
  };
}

function policy(namespace: string, name: string, over: Partial<NetworkPolicy> = {}): NetworkPolicy {
  return {
    namespace,
    name,
    labels: {},
    podSelector: MATCH_ALL,
    policyTypes: ['Ingress'],
    policyTypesDeclared: false,
    ingress: [],
    egress: [],
    ...over,
  };
}

describe('countSnapshot', () => {
  it('splits pods into live and template, and counts not-running among live pods only', () => {
    const s: Snapshot = {
      ...base,
      pods: [
        pod('a', 'run'),
        pod('a', 'pending', { phase: 'Pending' }),
        pod('a', 'done', { phase: 'Succeeded' }),
        pod('b', 'tmpl', { fromTemplate: true, phase: 'Pending' }),
      ],
    };
    expect(countSnapshot(s).pods).toEqual({ total: 4, live: 3, template: 1, notRunning: 2 });
  });

  it('counts warnings per severity and RBAC objects together', () => {
    const s: Snapshot = {
      ...base,
      warnings: [
        { code: 'x', severity: 'error', message: 'm' },
        { code: 'y', severity: 'warning', message: 'm' },
        { code: 'z', severity: 'warning', message: 'm' },
      ],
      serviceAccounts: [{ namespace: 'a', name: 'sa', labels: {} }],
      clusterRoles: [{ name: 'view', labels: {}, rules: [] }],
    };
    const c = countSnapshot(s);
    expect(c.warnings).toEqual({ error: 1, warning: 2, info: 0 });
    expect(c.rbac.total).toBe(2);
  });
});

describe('namespaceRows', () => {
  it('a namespace only implied by its pods is listed, marked undeclared', () => {
    const s: Snapshot = { ...base, namespaces: [{ name: 'a', labels: {}, declared: true }], pods: [pod('b', 'p')] };
    expect(namespaceNames(s)).toEqual(['a', 'b']);
    expect(namespaceRows(s).map((r) => [r.name, r.declared, r.pods])).toEqual([
      ['a', true, 0],
      ['b', false, 1],
    ]);
  });

  it('only a policy with an empty podSelector selects all pods, and only for the types it lists', () => {
    const s: Snapshot = {
      ...base,
      networkPolicies: [
        policy('a', 'deny-in'),
        policy('a', 'web-only', { podSelector: { matchLabels: { app: 'web' }, matchExpressions: [] }, policyTypes: ['Ingress', 'Egress'] }),
        policy('a', 'deny-out', { policyTypes: ['Egress'] }),
        policy('b', 'expr', { podSelector: { matchLabels: {}, matchExpressions: [{ key: 'x', operator: 'Exists', values: [] }] } }),
      ],
    };
    const [a, b] = namespaceRows(s);
    expect(a).toMatchObject({ name: 'a', policies: 3, allPodsIngress: ['deny-in'], allPodsEgress: ['deny-out'] });
    expect(b).toMatchObject({ name: 'b', policies: 1, allPodsIngress: [], allPodsEgress: [] });
  });
});
