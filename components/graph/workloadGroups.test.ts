import { describe, expect, it } from 'vitest';
import type { Pod, Snapshot } from '@/lib/model';
import { workloadGroups } from './workloadGroups';

const base: Snapshot = {
  source: { kind: 'demo' },
  version: 1,
  readAt: '2026-11-22T16:00:00Z',
  namespaces: [{ name: 'empty', labels: {}, declared: true }],
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

function pod(name: string, fromTemplate: boolean, labels: Record<string, string>): Pod {
  return {
    namespace: 'shop',
    name,
    labels,
    phase: 'Running',
    podIPs: [],
    hostNetwork: false,
    serviceAccountName: 'web-sa',
    containerPorts: [],
    workload: { namespace: 'shop', kind: 'Deployment', name: 'web' },
    fromTemplate,
  };
}

describe('workloadGroups', () => {
  it('counts a workload\'s pods by its ref and prefers the template labels that policies select on', () => {
    const s: Snapshot = {
      ...base,
      pods: [pod('web-1', false, { app: 'web', 'pod-template-hash': 'abc' }), pod('web-2', true, { app: 'web' })],
      workloads: [
        { namespace: 'shop', kind: 'Deployment', name: 'web', labels: { owner: 'team' }, templateLabels: { app: 'web' }, podNames: ['web-1', 'web-2'], declared: true },
      ],
    };
    const groups = workloadGroups(s);
    expect(groups.map((g) => g.namespace)).toEqual(['empty', 'shop']);
    expect(groups[0].workloads).toEqual([]);
    expect(groups[1].workloads).toEqual([
      { kind: 'Deployment', name: 'web', pods: 2, livePods: 1, podLabels: ['app=web'], serviceAccount: 'web-sa' },
    ]);
  });

  it("without a template, a workload shows its first pod's labels", () => {
    const s: Snapshot = {
      ...base,
      pods: [pod('web-1', false, { app: 'web', 'pod-template-hash': 'abc' })],
      workloads: [{ namespace: 'shop', kind: 'Deployment', name: 'web', labels: {}, podNames: ['web-1'], declared: false }],
    };
    expect(workloadGroups(s)[1].workloads[0].podLabels).toEqual(['app=web', 'pod-template-hash=abc']);
  });
});
