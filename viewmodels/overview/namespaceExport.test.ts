import { describe, expect, it } from 'vitest';
import { namespaceRowsCsv } from './namespaceExport';

describe('the namespace export', () => {
  it('has one CSV row per namespace, with isolation counts and the default-deny policies', () => {
    const csv = namespaceRowsCsv(
      [
        { name: 'shop', declared: true, pods: 3, workloads: 2, policies: 2, allPodsIngress: ['deny-all'], allPodsEgress: [] },
        { name: '=cmd', declared: false, pods: 0, workloads: 0, policies: 0, allPodsIngress: [], allPodsEgress: [] },
      ],
      new Map([['shop', { namespace: 'shop', pods: 3, ingress: 3, egress: 1 }]]),
    );
    expect(csv.split('\r\n')).toEqual([
      'namespace,declared,pods,workloads,policies,ingress isolated pods,egress isolated pods,default deny ingress,default deny egress',
      'shop,yes,3,2,2,3,1,deny-all,',
      "'=cmd,no,0,0,0,0,0,,",
      '',
    ]);
  });
});
