import { describe, expect, it } from 'vitest';
import { generateCluster } from '../synthetic/generateCluster';
import { analyzeConnectivity } from './connectivity';
import { connectionBetween, listEndpoints } from './endpoints';
import { explain } from './explain';
import { formatIp } from './ipRange';
import { formatPorts } from './portSet';

// The matrix is computed on behaviour groups with memoised rule bitmasks; explain evaluates rule by rule for one pod
// pair. On a generated cluster with every policy shape, the two must agree on every pair.
describe('the group matrix agrees with rule-by-rule evaluation', () => {
  for (const seed of [1, 2]) {
    it(`for every pod pair and every external range (seed ${seed})`, () => {
      const conn = analyzeConnectivity(generateCluster({ pods: 90, namespaces: 4, policies: 36, seed }));
      const c = conn.compiled;
      const endpoints = listEndpoints(conn, 'pod');
      const pods = endpoints.filter((e) => e.kind === 'pod');
      const podIps = new Set(c.pods.flatMap((p) => p.pod.podIPs));
      const ref = (e: (typeof endpoints)[number]) => (e.kind === 'external' ? formatIp(e.range.family, e.range.start) : e.name.replace(/\[Pod\]$/, ''));
      let compared = 0;
      for (const src of endpoints) {
        for (const dst of endpoints) {
          if (src === dst || (src.kind === 'external' && dst.kind === 'external')) continue;
          if ((src.kind === 'external' && (!src.source || podIps.has(ref(src)))) || (dst.kind === 'external' && (!dst.destination || podIps.has(ref(dst))))) continue;
          const r = explain(c, { from: ref(src), to: ref(dst) });
          if (!r.ok) throw new Error(r.message);
          expect([src.name, dst.name, conn.ports.labels[connectionBetween(conn, src, dst)]]).toEqual([src.name, dst.name, formatPorts(r.explanation.allowed)]);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(pods.length * pods.length * 0.9);
      expect(conn.groups.length).toBeGreaterThan(5);
    });
  }
});
