import type { Analyses } from '../analyses/analyses';
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

/**
 * Compares the analyses of two snapshots (e.g. two Git checkouts, or the cluster before and after a what-if); each
 * analysis is read from, or kept in, the Analyses objects, so a cached base is never analysed again.
 */
export function snapshotDiff(base: Analyses, head: Analyses, options: { findings?: boolean } = {}): SnapshotDiff {
  const d = { connections: connectivityDiff(base, head), access: accessDiff(base.rbac, head.rbac) };
  return options.findings ? { ...d, findings: findingsDiff(base, head) } : d;
}

/** Changes that open a new path from outside the cluster or across namespaces (`--fail-on-new-exposure`). */
export function newExposures(d: SnapshotDiff): ConnectionChange[] {
  return d.connections.filter((c) => c.exposure !== undefined);
}
