// Server-only: the graph page's model of a snapshot, computed once per snapshot and hostNetwork reading.
import 'server-only';
import { buildGraphModel } from '@/viewmodels/graph/graphModel';
import { connectivityOf } from './analyses';
import { perSnapshotAndHostNetwork } from './perSnapshot';

/** The graph page's model of the snapshot. */
export const graphModelOf = perSnapshotAndHostNetwork('graphModel', (snapshot, hostNetwork) => buildGraphModel(snapshot, connectivityOf(snapshot, hostNetwork)));
