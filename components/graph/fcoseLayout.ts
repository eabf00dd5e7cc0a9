// The fcose layout the graph runs in the browser, apart from React so the graph benchmark (scripts/bench) runs the
// same layout headless.
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';

let registered = false;
/** Above this many nodes the layout spreads harder (namespace boxes at the aggregated level). */
const LARGE = 120;
export function registerFcose() {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
}

/** A 32-bit FNV-1a hash: the layout's seed from the element ids, so the same elements get the same drawing. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Runs `f` with Math.random replaced by a seeded generator. fcose (and cose-base under it) draws its starting
 * positions and samples with Math.random; seeded, a reload of the same view lays out exactly as before.
 */
export function seeded<T>(seed: number, f: () => T): T {
  const original = Math.random;
  let s = seed || 1;
  Math.random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  try {
    return f();
  } finally {
    Math.random = original;
  }
}

export function layoutOptions(nodes: number, randomize: boolean): FcoseLayoutOptions {
  const big = nodes > LARGE;
  return {
    name: 'fcose',
    // Never "draft" (the spectral layout alone): it gives every node with the same neighbours the same place, so on
    // the 10,000-pod cluster's namespace level 203 nodes landed on 6 spots. The force-directed pass (~0.4 s for 200
    // nodes here) with a strong repulsion spreads the big, uniform namespace boxes around their hubs.
    quality: 'default',
    randomize,
    animate: false,
    fit: true,
    padding: 24,
    nodeDimensionsIncludeLabels: !big,
    nodeSeparation: big ? 100 : 90,
    idealEdgeLength: big ? 300 : 130,
    ...(big ? { nodeRepulsion: 200_000, gravity: 0.05, numIter: 2500 } : { nodeRepulsion: 12_000, numIter: 1500 }),
    tile: true,
    packComponents: true,
  };
}
