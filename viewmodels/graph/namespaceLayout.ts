import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { GraphModel } from './graphModel';
import { DEFAULT_VIEW } from './graphView';
import { AGGREGATED_NODE, toGraphElements } from './toGraphElements';

/** Where a node's centre is drawn. */
export interface Place {
  readonly x: number;
  readonly y: number;
}
/** Node id → centre: a drawing computed once, given to the browser instead of a layout run there. */
export type Places = Readonly<Record<string, Place>>;

// Room between boxes the simulation aims for; the browser's separation pass (separateBoxes) makes it exact.
const GAP = 40;
// The simulation runs in a space stretched vertically so that a box (with the gap) is a square there: d3's collision
// force knows circles only, and namespace boxes are 2.6 times wider than tall. The circle is about the square's
// half-diagonal, so corners clear too (at half its side, 400 of the 10k level's pairs were closer than the gap).
const STRETCH = (AGGREGATED_NODE.width + GAP) / (AGGREGATED_NODE.height + GAP);
const RADIUS = ((AGGREGATED_NODE.width + GAP) / 2) * 1.4;
const TICKS = 300;

interface SimNode extends SimulationNodeDatum {
  readonly id: string;
}

/**
 * The namespace level's drawing (every namespace, and the external addresses, as one box): a force-directed layout
 * (d3-force: many-body repulsion, links for the connections, collision of the boxes, a pull to the centre) run on
 * the server once per snapshot. In the browser fcose took about a second of every first visit to the 10,000-pod
 * graph for the same picture; there the boxes are placed as given and only the separation pass runs.
 * Deterministic: nodes in id order start on d3's phyllotaxis spiral, and d3's jiggle uses its seeded generator.
 * Covers the view with every connection (the default); a filtered view draws a subset of these nodes.
 */
export function namespaceLevelPlaces(model: GraphModel): Places {
  const elements = toGraphElements(model, { ...DEFAULT_VIEW, level: 'namespace' });
  const nodes: SimNode[] = elements.nodes
    .filter((n) => n.data.aggregated && !n.data.parent)
    .map((n) => ({ id: n.data.id }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const known = new Set(nodes.map((n) => n.id));
  const links: SimulationLinkDatum<SimNode>[] = elements.edges
    .filter((e) => e.data.source !== e.data.target && known.has(e.data.source) && known.has(e.data.target))
    .map((e) => ({ source: e.data.source, target: e.data.target }));
  const simulation = forceSimulation(nodes)
    .force('charge', forceManyBody<SimNode>().strength(-RADIUS * 6))
    .force('link', forceLink<SimNode, SimulationLinkDatum<SimNode>>(links).id((n) => n.id).distance(RADIUS * 3).strength(0.05))
    .force('collide', forceCollide<SimNode>(RADIUS).strength(1).iterations(2))
    .force('x', forceX<SimNode>(0).strength(0.04))
    .force('y', forceY<SimNode>(0).strength(0.04))
    .stop();
  simulation.tick(TICKS);
  const places: Record<string, Place> = {};
  for (const n of nodes) places[n.id] = { x: Math.round(n.x ?? 0), y: Math.round((n.y ?? 0) / STRETCH) };
  return places;
}
