import { edgeId, EXTERNALS_ID, namespaceId, parseElementId } from '@/viewmodels/graph/elementIds';
import type { GraphEdge, GraphElements } from '@/viewmodels/graph/toGraphElements';
import type { GraphEdgeChange } from './whatIfGraph';

/** The class an overlaid edge gets; the graph stylesheet colours them (added green, removed red dashed, changed amber). */
export const WHATIF_CLASS: Record<GraphEdgeChange['change'], string> = { added: 'whatif-added', removed: 'whatif-removed', changed: 'whatif-changed' };

/**
 * Overlays what-if changes on the head snapshot's graph elements (components/graph `toGraphElements`): existing edges
 * of added/changed connections get a class; removed connections, and added ones the view draws as open-to-all marks
 * instead of edges, become extra edges. Endpoints not drawn at workload level map to what the view draws instead —
 * a namespace node `ns:<name>` when aggregated, the external addresses node — and are dropped when the view hides them.
 */
export function overlayWhatIf(elements: GraphElements, changes: readonly GraphEdgeChange[]): GraphElements {
  const nodes = new Set(elements.nodes.map((n) => n.data.id));
  const drawnAs = (id: string): string | undefined => {
    if (nodes.has(id)) return id;
    const ref = parseElementId(id);
    if (ref?.kind === 'external') return nodes.has(EXTERNALS_ID) ? EXTERNALS_ID : undefined;
    return ref?.kind === 'workload' && nodes.has(namespaceId(ref.namespace)) ? namespaceId(ref.namespace) : undefined;
  };
  const edges = new Map<string, GraphEdge>(elements.edges.map((e) => [e.data.id, e]));
  for (const c of changes) {
    const source = drawnAs(c.source);
    const target = drawnAs(c.target);
    if (!source || !target || source === target) continue;
    const id = edgeId(source, target);
    const existing = edges.get(id);
    const cls = WHATIF_CLASS[c.change];
    if (existing && c.change !== 'removed') {
      if (!existing.classes.split(' ').includes(cls)) edges.set(id, { ...existing, classes: `${existing.classes} ${cls}`.trim() });
    } else if (!existing) {
      edges.set(id, { data: { id, source, target, ports: c.ports, label: c.ports, count: 1 }, classes: cls });
    } else {
      // A removed connection next to an edge the head still draws (an aggregated edge keeps other connections).
      const ghost = `${id}#removed`;
      if (!edges.has(ghost)) edges.set(ghost, { data: { id: ghost, source, target, ports: c.ports, label: c.ports, count: 1 }, classes: cls });
    }
  }
  return { ...elements, edges: [...edges.values()] };
}
