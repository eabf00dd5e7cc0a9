// Server-only: the graph page's model of a snapshot, computed once per snapshot and network reading.
import 'server-only';
import { DEFAULT_READING, type NetworkReading } from '@/lib/analyses';
import { DEFAULT_EXPOSURE_CONFIG } from '@/lib/config/exposureConfig';
import { analyzeEntryPoints, type EntryPointAnalysis } from '@/lib/exposure';
import type { Snapshot } from '@/lib/model';
import { buildGraphModel, type GraphModel } from '@/viewmodels/graph/graphModel';
import { graphInternetOf } from '@/viewmodels/graph/internetModel';
import { namespaceLevelPlaces, type Places } from '@/viewmodels/graph/namespaceLayout';
import { AGGREGATE_AT } from '@/viewmodels/graph/toGraphElements';
import { entryPointsOf, networkReadingOf } from './analyses';
import { appliedConfig, type DashboardConfig } from './dashboardConfig';
import { perSnapshot } from './perSnapshot';

const models = perSnapshot('graphModels', () => new Map<string, GraphModel>());
const layouts = perSnapshot('graphLayouts', () => new Map<GraphModel, Places | undefined>());
// Entry points of the other readings, per config (the default reading's are the analyses' own, entryPointsOf).
const otherEntries = perSnapshot('graphEntryPoints', () => new Map<string, WeakMap<DashboardConfig, EntryPointAnalysis>>());
// The model with its internet part, per entry-point analysis (one per snapshot, reading and config).
const withInternet = new WeakMap<EntryPointAnalysis, GraphModel>();

const readingKey = (r: NetworkReading) => `${r.hostNetwork}|${r.includeInactive}`;

/**
 * The graph page's model of the snapshot under a reading: hostNetwork pods like pods or as their node, and pods that
 * are not running included (the engine's default, as `perimeter connectivity`) or left out (`--live-only`).
 * `internet`: with the "reachable from the internet" view's part, from the same entry-point analysis as the Exposure
 * page and the Overview on the default reading (asked only by that view: the other views do not pay for it).
 */
export function graphModelOf(snapshot: Snapshot, reading: Partial<NetworkReading> = {}, opts: { internet?: boolean } = {}): GraphModel {
  const network = networkReadingOf(snapshot, reading);
  const key = readingKey(network.reading);
  const cache = models(snapshot);
  let model = cache.get(key);
  if (!model) cache.set(key, (model = buildGraphModel(snapshot, network.connectivity)));
  if (!opts.internet) return model;
  const entries = key === readingKey(DEFAULT_READING) ? entryPointsOf(snapshot) : entryPointsOfReading(snapshot, network.reading);
  let full = withInternet.get(entries);
  if (!full) withInternet.set(entries, (full = { ...model, internet: graphInternetOf(snapshot, entries, network.reading.hostNetwork) }));
  return full;
}

function entryPointsOfReading(snapshot: Snapshot, reading: NetworkReading): EntryPointAnalysis {
  const applied = appliedConfig();
  const perReading = otherEntries(snapshot);
  const key = readingKey(reading);
  const perConfig = perReading.get(key) ?? perReading.set(key, new WeakMap()).get(key)!;
  let made = perConfig.get(applied);
  if (!made) perConfig.set(applied, (made = analyzeEntryPoints(snapshot, networkReadingOf(snapshot, reading).connectivity, applied.config.exposure ?? DEFAULT_EXPOSURE_CONFIG)));
  return made;
}

/**
 * The namespace level's drawing of a model large enough to open at that level (more than AGGREGATE_AT workloads),
 * computed once per snapshot and reading instead of in every browser; undefined for smaller models, which open at
 * workload level and are laid out in the browser.
 */
export function namespacePlacesOf(snapshot: Snapshot, model: GraphModel): Places | undefined {
  const cache = layouts(snapshot);
  if (cache.has(model)) return cache.get(model);
  const made = model.workloads.length > AGGREGATE_AT ? namespaceLevelPlaces(model) : undefined;
  cache.set(model, made);
  return made;
}
