import { describe, expect, it } from 'vitest';
import { generateCluster } from '../synthetic/generateCluster';
import { analyzeConnectivity } from './connectivity';
import { connectionBetween, enumerateConnections, listEndpoints } from './endpoints';

describe('enumerateConnections', () => {
  it('yields exactly the non-empty pairs of connectionBetween, in name order, with workloads whose pods differ', () => {
    const base = generateCluster({ pods: 120, namespaces: 3, policies: 27, seed: 5 });
    // Give one pod of a multi-pod workload a label the policies select on, so that workload spans two groups.
    const target = base.pods.findIndex((p, i) => base.pods.some((q, k) => k !== i && q.namespace === p.namespace && q.workload.name === p.workload.name && p.namespace.startsWith('tenant-') && p.labels.tier !== 'web'));
    const pods = base.pods.map((p, i) => (i === target ? { ...p, labels: { ...p.labels, tier: 'web' } } : p));
    const conn = analyzeConnectivity({ ...base, pods });
    const eps = listEndpoints(conn);
    expect(eps.some((e) => e.kind === 'workload' && e.groups.length > 1)).toBe(true);
    const expected: string[] = [];
    for (const s of eps) {
      for (const d of eps) {
        if (s === d || (s.kind === 'external' && (d.kind === 'external' || !s.source)) || (d.kind === 'external' && !d.destination)) continue;
        const id = connectionBetween(conn, s, d);
        if (id !== 0) expected.push(`${s.name} => ${d.name} : ${conn.ports.labels[id]}`);
      }
    }
    const got = [...enumerateConnections(conn)].map((c) => `${c.src.name} => ${c.dst.name} : ${conn.ports.labels[c.ports]}`);
    expect(got).toEqual(expected);
    expect(got).toEqual([...got].sort());
    expect(got.length).toBeGreaterThan(100);
  });
});
