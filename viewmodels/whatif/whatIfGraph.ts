import type { ConnectionChange } from '@/lib/diff/connectivityDiff';
import { edgeId, idOfConnlistName } from '@/viewmodels/graph/elementIds';

/** One changed edge in the graph's element ids (components/graph: `wl:ns/Kind/name`, `ext:<range>`, edge `a->b`). */
export interface GraphEdgeChange {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly change: ConnectionChange['change'];
  /** connlist ports after the change (before it, for a removed edge). */
  readonly ports: string;
  readonly exposure?: ConnectionChange['exposure'];
}


/**
 * The connection changes of a what-if as workload-level graph edges, with the ids `toGraphElements` gives edges
 * between unaggregated workloads (`source->target`), so the graph can overlay them (added green, removed red
 * dashed, changed amber). Removed edges do not exist in the head graph: the overlay must add them as ghosts.
 */
export function graphEdgeChanges(changes: readonly ConnectionChange[]): GraphEdgeChange[] {
  return changes.map((c) => {
    const source = idOfConnlistName(c.src);
    const target = idOfConnlistName(c.dst);
    return { id: edgeId(source, target), source, target, change: c.change, ports: c.change === 'removed' ? c.before : c.after, ...(c.exposure ? { exposure: c.exposure } : {}) };
  });
}
