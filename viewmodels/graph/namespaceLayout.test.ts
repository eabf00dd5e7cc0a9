import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from '@/lib/netpol/connectivity';
import { generateCluster } from '@/lib/synthetic/generateCluster';
import { buildGraphModel } from './graphModel';
import { DEFAULT_VIEW } from './graphView';
import { namespaceLevelPlaces } from './namespaceLayout';
import { overlappingPairs, separateBoxes } from './separateBoxes';
import { AGGREGATED_NODE, toGraphElements } from './toGraphElements';

// The size the graph-scale e2e test opens at namespace level (542 workloads in 152 namespaces).
const snapshot = generateCluster({ pods: 2_000, namespaces: 150 });
const model = buildGraphModel(snapshot, analyzeConnectivity(snapshot));
const places = namespaceLevelPlaces(model);
const box = (id: string) => {
  const { x, y } = places[id];
  const [w, h] = [AGGREGATED_NODE.width / 2, AGGREGATED_NODE.height / 2];
  return { id, x1: x - w, y1: y - h, x2: x + w, y2: y + h };
};

describe('namespaceLevelPlaces', () => {
  it('places every node the default view draws at namespace level, and only those', () => {
    const drawn = toGraphElements(model, { ...DEFAULT_VIEW, level: 'namespace' }).nodes.map((n) => n.data.id);
    expect(Object.keys(places).sort()).toEqual([...drawn].sort());
    expect(drawn.length).toBeGreaterThan(150);
  });

  it('is the same drawing every time', () => {
    expect(namespaceLevelPlaces(model)).toEqual(places);
  });

  it('keeps the boxes apart, so the browser separation pass has (next to) nothing to move', () => {
    const boxes = Object.keys(places).map(box);
    expect(overlappingPairs(boxes, 0)).toEqual([]);
    // Never a spread of the whole drawing: at most a few pixels here and there.
    for (const m of separateBoxes(boxes, 40).values()) expect(Math.hypot(m.dx, m.dy)).toBeLessThan(10);
  });

  it('draws the connected namespaces nearer each other than the unconnected ones, on average', () => {
    const els = toGraphElements(model, { ...DEFAULT_VIEW, level: 'namespace' });
    const dist = (a: string, b: string) => Math.hypot(places[a].x - places[b].x, places[a].y - places[b].y);
    const linked = els.edges.filter((e) => e.data.source !== e.data.target);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const ids = Object.keys(places);
    const all = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => dist(a, b)));
    expect(mean(linked.map((e) => dist(e.data.source, e.data.target)))).toBeLessThan(mean(all));
  });
});
