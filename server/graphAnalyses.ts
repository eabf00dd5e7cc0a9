// Server-only: the connectivity and the graph model of a snapshot, computed once per snapshot (like analyses.ts).
import type { Snapshot } from '@/lib/model';
import { analyzeConnectivity, type Connectivity } from '@/lib/netpol/connectivity';
import { buildGraphModel, type GraphModel } from '@/components/graph/graphModel';
import { compiledSnapshot } from './analyses';

// On globalThis because Next bundles each route with its own module copies; WeakMaps so a replaced snapshot is freed.
const KEY = Symbol.for('perimeter.graphAnalyses');
type Cache = { connectivity: WeakMap<Snapshot, Connectivity>; model: WeakMap<Snapshot, GraphModel> };
type GlobalWithCache = typeof globalThis & { [KEY]?: Cache };

function cache(): Cache {
  const g = globalThis as GlobalWithCache;
  return (g[KEY] ??= { connectivity: new WeakMap(), model: new WeakMap() });
}

/** The snapshot's connectivity in the engine's compact form. */
export function connectivityOf(snapshot: Snapshot): Connectivity {
  const c = cache();
  let conn = c.connectivity.get(snapshot);
  if (!conn) {
    conn = analyzeConnectivity(compiledSnapshot(snapshot));
    c.connectivity.set(snapshot, conn);
  }
  return conn;
}

/** The graph page's model of the snapshot. */
export function graphModelOf(snapshot: Snapshot): GraphModel {
  const c = cache();
  let model = c.model.get(snapshot);
  if (!model) {
    model = buildGraphModel(snapshot, connectivityOf(snapshot));
    c.model.set(snapshot, model);
  }
  return model;
}
