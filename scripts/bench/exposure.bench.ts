// Exposure analysis (connectivity --exposure): what it costs on top of an analysed connectivity, on the synthetic
// clusters of netpol.bench.ts, with NetworkPolicies only and with the admin tiers of anp.bench.ts.
import type { Snapshot } from '../../lib/model';
import { analyzeConnectivity, type Connectivity } from '../../lib/netpol/connectivity';
import { analyzeExposure } from '../../lib/netpol/exposure';
import { exposureTxtLines } from '../../lib/report/exposure';
import { generateCluster } from '../../lib/synthetic/generateCluster';
import { withAdminTiers } from './anp.bench';
import type { Bench } from './harness';

const cache = new Map<string, Connectivity>();
const analysed = (pods: number, tiers: boolean): Connectivity => {
  const key = `${pods}/${tiers}`;
  let c = cache.get(key);
  if (!c) {
    const s: Snapshot = generateCluster({ pods });
    cache.set(key, (c = analyzeConnectivity(tiers ? withAdminTiers(s) : s)));
  }
  return c;
};

const exposureBench = (pods: number, tiers: boolean, targetMs?: number): Bench => ({
  name: `exposure analysis over the analysed connectivity, ${pods.toLocaleString('en-US')} pods${tiers ? ' with 20 ANPs + BANP' : ''}`,
  setup: () => analysed(pods, tiers),
  run: (conn) => {
    const e = analyzeExposure(conn as Connectivity);
    return e.endpoints.reduce((n, x) => n + x.egress.entries.length + x.ingress.entries.length, 0);
  },
  unit: 'exposure lines',
  targetMs,
});

export const benches: readonly Bench[] = [
  exposureBench(10_000, false, 1_000),
  exposureBench(10_000, true, 1_000),
  exposureBench(50_000, false),
  {
    name: 'exposure analysis + txt sections, 10,000 pods',
    setup: () => analysed(10_000, false),
    run: (conn) => exposureTxtLines(analyzeExposure(conn as Connectivity)).length,
    unit: 'lines',
    targetMs: 1_000,
  },
];
