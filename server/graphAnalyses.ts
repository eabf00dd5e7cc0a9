// Server-only: the connectivity and the graph model of a snapshot, computed once per snapshot (like analyses.ts).
import { buildGraphModel, type GraphModel } from '@/components/graph/graphModel';
import type { Snapshot } from '@/lib/model';
import type { HostNetworkMode } from '@/lib/netpol/compile';
import { analyzeConnectivity, type Connectivity } from '@/lib/netpol/connectivity';
import { compiledSnapshot } from './analyses';
import { perSnapshot } from './perSnapshot';

const connectivityAsPod = perSnapshot('connectivity', (snapshot) => analyzeConnectivity(compiledSnapshot(snapshot)));
const connectivityHost = perSnapshot('connectivity-host', (snapshot) => analyzeConnectivity(compiledSnapshot(snapshot, 'host')));

/** The snapshot's connectivity in the engine's compact form (hostNetwork pods as pods unless `host` is asked). */
export function connectivityOf(snapshot: Snapshot, hostNetwork: HostNetworkMode = 'as-pod'): Connectivity {
  return hostNetwork === 'host' ? connectivityHost(snapshot) : connectivityAsPod(snapshot);
}

const graphModelAsPod = perSnapshot('graphModel', (snapshot) => buildGraphModel(snapshot, connectivityOf(snapshot)));
const graphModelHost = perSnapshot('graphModel-host', (snapshot) => buildGraphModel(snapshot, connectivityOf(snapshot, 'host')));

/** The graph page's model of the snapshot. */
export function graphModelOf(snapshot: Snapshot, hostNetwork: HostNetworkMode = 'as-pod'): GraphModel {
  return hostNetwork === 'host' ? graphModelHost(snapshot) : graphModelAsPod(snapshot);
}
