// Server-only: the graph page's model of a snapshot, computed once per snapshot and network reading.
import 'server-only';
import type { NetworkReading } from '@/lib/analyses';
import type { Snapshot } from '@/lib/model';
import { buildGraphModel, type GraphModel } from '@/viewmodels/graph/graphModel';
import { networkReadingOf } from './analyses';
import { perSnapshot } from './perSnapshot';

const models = perSnapshot('graphModels', () => new Map<string, GraphModel>());

/**
 * The graph page's model of the snapshot under a reading: hostNetwork pods like pods or as their node, and pods that
 * are not running included (the engine's default, as `perimeter connectivity`) or left out (`--live-only`).
 */
export function graphModelOf(snapshot: Snapshot, reading: Partial<NetworkReading> = {}): GraphModel {
  const network = networkReadingOf(snapshot, reading);
  const key = `${network.reading.hostNetwork}|${network.reading.includeInactive}`;
  const cache = models(snapshot);
  const known = cache.get(key);
  if (known) return known;
  const made = buildGraphModel(snapshot, network.connectivity);
  cache.set(key, made);
  return made;
}
