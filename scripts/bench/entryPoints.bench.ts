// Entry points and internet paths (lib/exposure) on the synthetic clusters: 2,000 Services, 300 Ingresses and 100
// HTTPRoutes per 10,000 pods, over an analysed connectivity; and everything at 50,000 pods from the snapshot.
import type { Snapshot } from '../../lib/model';
import { analyzeEntryPoints } from '../../lib/exposure';
import { exposureFindings } from '../../lib/findings/exposureFindings';
import { analyzeConnectivity, type Connectivity } from '../../lib/netpol/connectivity';
import { analyzeExposure } from '../../lib/netpol/exposure';
import { generateCluster } from '../../lib/synthetic/generateCluster';
import type { Bench } from './harness';

const cache = new Map<number, { snapshot: Snapshot; conn: Connectivity }>();
const analysed = (pods: number) => {
  let c = cache.get(pods);
  if (!c) {
    const snapshot = generateCluster({ pods });
    cache.set(pods, (c = { snapshot, conn: analyzeConnectivity(snapshot) }));
  }
  return c;
};
const snapshots = new Map<number, Snapshot>();
const generated = (pods: number) => snapshots.get(pods) ?? snapshots.set(pods, generateCluster({ pods })).get(pods)!;
const paths = (a: ReturnType<typeof analyzeEntryPoints>) => a.entries.reduce((n, e) => n + e.paths.length, 0);

export const benches: readonly Bench[] = [
  {
    name: 'entry points + internet paths over the analysed connectivity, 10,000 pods (2,000 Services, 300 Ingresses, 100 HTTPRoutes)',
    setup: () => analysed(10_000),
    run: (input) => {
      const { snapshot, conn } = input as { snapshot: Snapshot; conn: Connectivity };
      return paths(analyzeEntryPoints(snapshot, conn));
    },
    unit: 'paths',
    targetMs: 500,
  },
  {
    name: 'exposure findings (entry points, broken Services, zones, entire-cluster), 10,000 pods',
    setup: () => {
      const { snapshot, conn } = analysed(10_000);
      return { snapshot, conn, entries: analyzeEntryPoints(snapshot, conn), exposure: analyzeExposure(conn) };
    },
    run: (input) => {
      const x = input as { snapshot: Snapshot; conn: Connectivity; entries: ReturnType<typeof analyzeEntryPoints>; exposure: ReturnType<typeof analyzeExposure> };
      return exposureFindings(x.snapshot, x.conn, x.entries, x.exposure).length;
    },
    unit: 'findings',
  },
  {
    name: 'blast radius (1-3 hops) of every internet-reachable workload, 10,000 pods',
    setup: () => {
      const { snapshot, conn } = analysed(10_000);
      return analyzeEntryPoints(snapshot, conn);
    },
    run: (input) => {
      const a = input as ReturnType<typeof analyzeEntryPoints>;
      return a.reachable.reduce((n, r) => n + (a.blastRadius(r.workload, 10)?.total ?? 0), 0);
    },
    unit: 'reached',
    samples: 5,
  },
  {
    name: 'all in from the snapshot: connectivity + entry points + internet paths + exposure findings, 50,000 pods',
    setup: () => generated(50_000),
    run: (input) => {
      const snapshot = input as Snapshot;
      const conn = analyzeConnectivity(snapshot);
      const entries = analyzeEntryPoints(snapshot, conn);
      return exposureFindings(snapshot, conn, entries, analyzeExposure(conn)).length + paths(entries);
    },
    unit: 'paths + findings',
    targetMs: 10_000,
  },
];
