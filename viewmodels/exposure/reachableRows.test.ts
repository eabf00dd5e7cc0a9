import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analyses';
import type { EntryPointAnalysis } from '@/lib/exposure';
import type { Snapshot } from '@/lib/model';
import { loadDemoSnapshot } from '@/lib/sources';
import { reachableRow } from './reachableRows';

let demo: Snapshot;
let ep: EntryPointAnalysis;
beforeAll(async () => {
  demo = await loadDemoSnapshot();
  ep = analyze(demo).entryPoints;
});

describe('internet-reachable workloads and their blast radius', () => {
  it('kube-proxy (host network, no policy): every port from the internet, and the top reached workloads, ranked, each one Explain away', () => {
    const r = reachableRow(ep, ep.reachable.find((x) => x.workload === 'kube-system/kube-proxy[DaemonSet]')!, 3);
    expect(r).toMatchObject({ ports: 'All Connections', entries: ['HostNetwork:kube-system/DaemonSet/kube-proxy'], assumed: false });
    // It declares no port: every port is open, but no sensitive port is claimed for a pod that may well not serve it.
    expect(r.sensitive).toEqual([]);
    expect(r.blast.reached).toHaveLength(3);
    expect(r.blast.total).toBe(ep.blastRadius(r.workload)!.total);
    // Ranked: the sensitive namespace's coredns first.
    expect(r.blast.reached[0]).toMatchObject({ workload: 'kube-system/coredns[Deployment]', hops: 1, sensitiveNamespace: true });
    expect(r.blast.reached[0].explainHref).toBe('/explain?from=kube-system%2FDaemonSet%2Fkube-proxy&to=kube-system%2FDeployment%2Fcoredns&port=53');
    expect(r.graphHref).toContain('hops=3');
  });

  it('a workload two hops away is explained from the workload before it on the path', () => {
    const r = reachableRow(ep, ep.reachable[0], 50);
    const two = r.blast.reached.find((x) => x.hops === 2)!;
    const before = two.path[two.path.length - 2];
    const [ns, rest] = before.split('/');
    const [name, kind] = rest.replace(']', '').split('[');
    expect(two.explainHref).toContain(`from=${encodeURIComponent(`${ns}/${kind}/${name}`)}`);
  });
});
