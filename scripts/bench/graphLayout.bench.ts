// The graph's namespace level on the 10,000-pod synthetic cluster (203 boxes, 720 edges): the layout the browser ran
// on every first visit (fcose, run here headless with the page's options and seed) against the drawing computed once
// per snapshot on the server (d3-force, namespaceLevelPlaces) that the browser now places as given; the separation
// pass on each; and the separation of 3,003 crowded boxes (the 150,000-pod cluster's namespace count).
import cytoscape, { type LayoutOptions } from 'cytoscape';
import { hash, layoutOptions, registerFcose, seeded } from '../../components/graph/fcoseLayout';
import { analyzeConnectivity } from '../../lib/netpol/connectivity';
import { generateCluster } from '../../lib/synthetic/generateCluster';
import { buildGraphModel, type GraphModel } from '../../viewmodels/graph/graphModel';
import { DEFAULT_VIEW } from '../../viewmodels/graph/graphView';
import { namespaceLevelPlaces, type Places } from '../../viewmodels/graph/namespaceLayout';
import { separateBoxes, type Box } from '../../viewmodels/graph/separateBoxes';
import { AGGREGATED_NODE, toGraphElements, type GraphElements } from '../../viewmodels/graph/toGraphElements';
import type { Bench } from './harness';

// The browser's gap between boxes (CytoscapeGraph's BOX_GAP).
const GAP = 40;
let cached: { model: GraphModel; elements: GraphElements } | undefined;
function namespaceLevel() {
  if (!cached) {
    const snapshot = generateCluster({ pods: 10_000 });
    const model = buildGraphModel(snapshot, analyzeConnectivity(snapshot));
    cached = { model, elements: toGraphElements(model, DEFAULT_VIEW) };
  }
  return cached;
}

/** fcose as the page runs it on the first draw (randomized start from the seed of the element ids), headless. */
function fcoseLayout(elements: GraphElements): Places {
  registerFcose();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: AGGREGATED_NODE.width, height: AGGREGATED_NODE.height, shape: 'round-rectangle' } }],
    elements: [...elements.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n.data } })), ...elements.edges.map((e) => ({ group: 'edges' as const, data: { ...e.data } }))],
  });
  seeded(hash(elements.nodes.map((n) => n.data.id).join('\n')), () => cy.layout(layoutOptions(elements.nodes.length, true) as unknown as LayoutOptions).run());
  const places: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => {
    places[n.id()] = { ...n.position() };
  });
  cy.destroy();
  return places;
}

const boxesOf = (places: Places): Box[] =>
  Object.entries(places).map(([id, { x, y }]) => ({ id, x1: x - AGGREGATED_NODE.width / 2, y1: y - AGGREGATED_NODE.height / 2, x2: x + AGGREGATED_NODE.width / 2, y2: y + AGGREGATED_NODE.height / 2 }));

/** 3,003 boxes dropped into a square a quarter of their area (seeded). */
function crowded(): Box[] {
  let s = 11;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: 3_003 }, (_, i) => {
    const x = rnd() * 3_000;
    const y = rnd() * 2_000;
    return { id: `ns:${i}`, x1: x, y1: y, x2: x + AGGREGATED_NODE.width, y2: y + AGGREGATED_NODE.height };
  });
}

export const benches: readonly Bench[] = [
  {
    name: 'graph namespace level, 10,000 pods: fcose headless (the browser layout of every first visit before)',
    setup: () => namespaceLevel().elements,
    run: (input) => Object.keys(fcoseLayout(input as GraphElements)).length,
    unit: 'nodes',
  },
  {
    name: 'graph namespace level, 10,000 pods: namespaceLevelPlaces (d3-force, on the server once per snapshot)',
    setup: () => namespaceLevel().model,
    run: (input) => Object.keys(namespaceLevelPlaces(input as GraphModel)).length,
    unit: 'nodes',
  },
  {
    name: 'graph namespace level, 10,000 pods: separateBoxes after fcose (boxes moved)',
    setup: () => boxesOf(fcoseLayout(namespaceLevel().elements)),
    run: (input) => separateBoxes(input as Box[], GAP).size,
    unit: 'moved',
  },
  {
    name: 'graph namespace level, 10,000 pods: separateBoxes after namespaceLevelPlaces (boxes moved)',
    setup: () => boxesOf(namespaceLevelPlaces(namespaceLevel().model)),
    run: (input) => separateBoxes(input as Box[], GAP).size,
    unit: 'moved',
  },
  {
    name: 'separateBoxes, 3,003 crowded boxes (the 150,000-pod namespace count)',
    setup: crowded,
    run: (input) => separateBoxes(input as Box[], GAP).size,
    unit: 'moved',
  },
];
