// The Graph page's server and client work on the 10,000-pod synthetic cluster (2,000 Services, 300 Ingresses, 100
// HTTPRoutes): the graph model from the analysed connectivity, the "reachable from the internet" part added to it
// (from the entry-point analysis the Exposure page and the Overview share), and the elements of the default view and
// of the internet view (each on a fresh model: toGraphElements caches its endpoint graph per model).
import { analyzeEntryPoints, type EntryPointAnalysis } from '../../lib/exposure';
import type { Snapshot } from '../../lib/model';
import { analyzeConnectivity, type Connectivity } from '../../lib/netpol/connectivity';
import { generateCluster } from '../../lib/synthetic/generateCluster';
import { buildGraphModel, type GraphModel } from '../../viewmodels/graph/graphModel';
import { DEFAULT_VIEW } from '../../viewmodels/graph/graphView';
import { graphInternetOf } from '../../viewmodels/graph/internetModel';
import { toGraphElements } from '../../viewmodels/graph/toGraphElements';
import type { Bench } from './harness';

let cached: { snapshot: Snapshot; conn: Connectivity; entries: EntryPointAnalysis; model: GraphModel } | undefined;
const analysed = () => {
  if (!cached) {
    const snapshot = generateCluster({ pods: 10_000 });
    const conn = analyzeConnectivity(snapshot);
    const entries = analyzeEntryPoints(snapshot, conn);
    cached = { snapshot, conn, entries, model: buildGraphModel(snapshot, conn) };
  }
  return cached;
};
const internetModel = () => {
  const a = analysed();
  return { ...a.model, internet: graphInternetOf(a.snapshot, a.entries) };
};

export const benches: readonly Bench[] = [
  {
    name: 'graph model from the connectivity, 10,000 pods',
    setup: analysed,
    run: (input) => {
      const { snapshot, conn } = input as ReturnType<typeof analysed>;
      return buildGraphModel(snapshot, conn).workloads.length;
    },
    unit: 'workloads',
  },
  {
    name: 'graph elements, default view (namespace level), 10,000 pods',
    setup: () => ({ ...analysed().model }),
    run: (input) => toGraphElements(input as GraphModel, DEFAULT_VIEW).edges.length,
    unit: 'edges',
  },
  {
    name: 'graph internet part (reachable workloads, entry edges, deciding policies), 10,000 pods',
    setup: analysed,
    run: (input) => {
      const { snapshot, entries } = input as ReturnType<typeof analysed>;
      return graphInternetOf(snapshot, entries).reachable.length;
    },
    unit: 'reachable workloads',
  },
  {
    name: 'graph elements, reachable from the internet (workload level), 10,000 pods',
    setup: internetModel,
    run: (input) => toGraphElements(input as GraphModel, { ...DEFAULT_VIEW, scope: 'internet', level: 'workload' }).edges.length,
    unit: 'edges',
  },
];
