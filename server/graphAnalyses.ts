// Server-only: the connectivity and the graph model of a snapshot, computed once per snapshot (like analyses.ts).
import { analyzeConnectivity } from '@/lib/netpol/connectivity';
import { buildGraphModel } from '@/components/graph/graphModel';
import { compiledSnapshot } from './analyses';
import { perSnapshot } from './perSnapshot';

/** The snapshot's connectivity in the engine's compact form. */
export const connectivityOf = perSnapshot('connectivity', (snapshot) => analyzeConnectivity(compiledSnapshot(snapshot)));

/** The graph page's model of the snapshot. */
export const graphModelOf = perSnapshot('graphModel', (snapshot) => buildGraphModel(snapshot, connectivityOf(snapshot)));
