// Server-only: the connectivity and the graph model of a snapshot, computed once per snapshot (like analyses.ts).
import 'server-only';
import { buildGraphModel } from '@/viewmodels/graph/graphModel';
import { analyzeConnectivity } from '@/lib/netpol/connectivity';
import { compiledSnapshot } from './analyses';
import { perSnapshotAndHostNetwork } from './perSnapshot';

/** The snapshot's connectivity in the engine's compact form (hostNetwork pods as pods unless `host` is asked). */
export const connectivityOf = perSnapshotAndHostNetwork('connectivity', (snapshot, hostNetwork) => analyzeConnectivity(compiledSnapshot(snapshot, hostNetwork)));

/** The graph page's model of the snapshot. */
export const graphModelOf = perSnapshotAndHostNetwork('graphModel', (snapshot, hostNetwork) => buildGraphModel(snapshot, connectivityOf(snapshot, hostNetwork)));
