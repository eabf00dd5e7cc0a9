import { describe, expect, it } from 'vitest';
import { ns, pod, snapshot } from '@/lib/netpol/testing';
import { workloadGroups } from './workloadGroups';

const web = (name: string, fromTemplate: boolean, labels: Record<string, string>) =>
  pod(`shop/${name}`, { owner: 'Deployment/web', fromTemplate, labels });

describe('workloadGroups', () => {
  it('counts a workload\'s pods by its ref and prefers the template labels that policies select on', () => {
    const s = {
      ...snapshot({ namespaces: [ns('empty')], pods: [web('web-1', false, { app: 'web', 'pod-template-hash': 'abc' }), web('web-2', true, { app: 'web' })] }),
      workloads: [
        {
          namespace: 'shop',
          kind: 'Deployment',
          name: 'web',
          labels: { owner: 'team' },
          templateLabels: { app: 'web' },
          serviceAccountName: 'web-sa',
          podNames: ['web-1', 'web-2'],
          declared: true,
        },
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
    const s = snapshot({ namespaces: [ns('empty')], pods: [web('web-1', false, { app: 'web', 'pod-template-hash': 'abc' })] });
    const [node] = workloadGroups(s)[1].workloads;
    expect(node.podLabels).toEqual(['app=web', 'pod-template-hash=abc']);
    expect(node.serviceAccount).toBe('default');
  });
});
