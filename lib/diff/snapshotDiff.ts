import type { PerimeterConfig } from '../config/config';
import type { Snapshot } from '../model';
import { accessDiff, type AccessChange } from './accessDiff';
import { connectivityDiff, type ConnectionChange } from './connectivityDiff';
import { findingsDiff, type FindingsDiff } from './findingsDiff';

/** What a change does: connections added/removed/changed and subjects gaining or losing rights. */
export interface SnapshotDiff {
  readonly connections: readonly ConnectionChange[];
  readonly access: readonly AccessChange[];
  /** Findings introduced and resolved (only when asked for: it runs every rule on both sides). */
  readonly findings?: FindingsDiff;
}

/** Compares two snapshots (e.g. two Git checkouts, or the cluster before and after a what-if). */
export function snapshotDiff(base: Snapshot, head: Snapshot, config?: PerimeterConfig, options: { findings?: boolean } = {}): SnapshotDiff {
  const d = { connections: connectivityDiff(base, head), access: accessDiff(base, head, config) };
  return options.findings ? { ...d, findings: findingsDiff(base, head, config) } : d;
}

/** Changes that open a new path from outside the cluster or across namespaces (`--fail-on-new-exposure`). */
export function newExposures(d: SnapshotDiff): ConnectionChange[] {
  return d.connections.filter((c) => c.exposure !== undefined);
}
