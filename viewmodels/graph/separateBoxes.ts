/** An axis-aligned box in the drawing's coordinates (a namespace box with its label, or a top-level node). */
export interface Box {
  readonly id: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

interface MutableBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

// Boxes that touch at exactly the gap do not overlap, whatever the rounding of the sums that placed them.
const EPS = 1e-6;

/** Whether two boxes overlap when each is grown by `gap / 2` on every side. */
export function overlaps(a: Omit<Box, 'id'>, b: Omit<Box, 'id'>, gap = 0): boolean {
  const g = gap - EPS;
  return a.x1 < b.x2 + g && b.x1 < a.x2 + g && a.y1 < b.y2 + g && b.y1 < a.y2 + g;
}

/**
 * Every overlapping pair of indices, lower index first, in a deterministic order: a sweep over the boxes sorted by
 * their left edge, so thousands of boxes cost a sort and the pairs near each other, not every pair.
 */
function overlappingIndexPairs(boxes: readonly Omit<Box, 'id'>[], gap: number): [number, number][] {
  const order = boxes.map((_, i) => i).sort((p, q) => boxes[p].x1 - boxes[q].x1 || p - q);
  const out: [number, number][] = [];
  for (let s = 0; s < order.length; s++) {
    const a = boxes[order[s]];
    for (let t = s + 1; t < order.length; t++) {
      const b = boxes[order[t]];
      if (b.x1 >= a.x2 + gap - EPS) break;
      if (overlaps(a, b, gap)) out.push(order[s] < order[t] ? [order[s], order[t]] : [order[t], order[s]]);
    }
  }
  return out;
}

/** Every overlapping pair, by id (sorted), for checks and tests. */
export function overlappingPairs(boxes: readonly Box[], gap = 0): [string, string][] {
  return overlappingIndexPairs(boxes, gap)
    .map(([i, j]) => [boxes[i].id, boxes[j].id].sort() as [string, string])
    .sort((p, q) => p[0].localeCompare(q[0]) || p[1].localeCompare(q[1]));
}

const ROUNDS = 60;
const SPREADS = 12;

/**
 * Moves boxes apart until none overlaps (with `gap` between them), each as little as it can: a pair that overlaps is
 * pushed apart along the axis where it overlaps least, half each, and rounds repeat until nothing overlaps. Where the
 * boxes are packed too tightly for that to settle (thousands of namespaces), the pushes start again from the drawing
 * spread from its centre to a density they can settle, spreading it a little more while they do not; a last spread by
 * exactly the factor every remaining pair needs ends it (no grid fallback, which scrambled the drawing).
 * Spreading scales the distances between box centres, never the boxes, so the drawing keeps its shape, and it cannot
 * make a new overlap: a pair apart along an axis stays apart. Deterministic: the same boxes give the same moves.
 * Returns the displacement of each box that moves.
 */
export function separateBoxes(input: readonly Box[], gap = 24): Map<string, { dx: number; dy: number }> {
  const copy = (): MutableBox[] => input.map((b) => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 }));
  let boxes = copy();
  let pairs = push(boxes, gap);
  if (pairs.length > 0) {
    // Too crowded for pushes alone: they shuffle a pile around without ending, and the drawing loses its shape.
    // Start again from the drawing spread to a density pushes can settle, then spread a little more while needed.
    boxes = copy();
    const crowd = crowding(boxes, gap);
    if (crowd > MAX_CROWDING) spread(boxes, Math.sqrt(crowd / MAX_CROWDING));
    pairs = push(boxes, gap);
    for (let s = 0; s < SPREADS && pairs.length > 0; s++) {
      spread(boxes, 1.15);
      pairs = push(boxes, gap);
    }
  }
  if (pairs.length > 0) {
    // Spreading cannot part two boxes on the same centre: one steps aside first.
    while (pairs.some(([i, j]) => sameCentre(boxes[i], boxes[j]))) {
      for (const [i, j] of pairs) if (sameCentre(boxes[i], boxes[j])) move(boxes[j], 1, 0);
      pairs = overlappingIndexPairs(boxes, gap);
    }
    spread(boxes, neededSpread(boxes, pairs, gap));
  }
  const out = new Map<string, { dx: number; dy: number }>();
  boxes.forEach((b, i) => {
    const dx = b.x1 - input[i].x1;
    const dy = b.y1 - input[i].y1;
    if (dx !== 0 || dy !== 0) out.set(input[i].id, { dx, dy });
  });
  return out;
}

/** Rounds of pair pushes; returns the pairs still overlapping after the last round (none when it settled). */
function push(boxes: MutableBox[], gap: number): [number, number][] {
  let pairs = overlappingIndexPairs(boxes, gap);
  for (let round = 0; round < ROUNDS && pairs.length > 0; round++) {
    for (const [i, j] of pairs) {
      const a = boxes[i];
      const b = boxes[j];
      // An earlier push of this round may have cleared it.
      if (!overlaps(a, b, gap)) continue;
      const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + gap;
      const oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + gap;
      const [ca, cb] = [(a.x1 + a.x2) / 2 - (b.x1 + b.x2) / 2, (a.y1 + a.y2) / 2 - (b.y1 + b.y2) / 2];
      if (ox <= oy) {
        // Ties (same centre) go by order, so the result does not depend on floating-point noise.
        const s = (ca > 0 || (ca === 0 && i < j) ? 1 : -1) * (ox / 2 + 0.5);
        move(a, s, 0);
        move(b, -s, 0);
      } else {
        const s = (cb > 0 || (cb === 0 && i < j) ? 1 : -1) * (oy / 2 + 0.5);
        move(a, 0, s);
        move(b, 0, -s);
      }
    }
    pairs = overlappingIndexPairs(boxes, gap);
  }
  return pairs;
}

const MAX_CROWDING = 0.5;

/** The boxes' area (with the gap) over the area their centres span, grown by one box: above 1 they cannot all fit. */
function crowding(boxes: readonly MutableBox[], gap: number): number {
  if (boxes.length < 2) return 0;
  let [area, x1, y1, x2, y2, w, h] = [0, Infinity, Infinity, -Infinity, -Infinity, 0, 0];
  for (const b of boxes) {
    const [bw, bh] = [b.x2 - b.x1 + gap, b.y2 - b.y1 + gap];
    area += bw * bh;
    [w, h] = [Math.max(w, bw), Math.max(h, bh)];
    const [cx, cy] = [(b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2];
    [x1, y1, x2, y2] = [Math.min(x1, cx), Math.min(y1, cy), Math.max(x2, cx), Math.max(y2, cy)];
  }
  return area / ((x2 - x1 + w) * (y2 - y1 + h));
}

const sameCentre = (a: MutableBox, b: MutableBox) => a.x1 + a.x2 === b.x1 + b.x2 && a.y1 + a.y2 === b.y1 + b.y2;

/** The factor that spreads every given pair clear along one axis (the nearer to clear). */
function neededSpread(boxes: readonly MutableBox[], pairs: readonly [number, number][], gap: number): number {
  let factor = 1;
  for (const [i, j] of pairs) {
    const [a, b] = [boxes[i], boxes[j]];
    const dx = Math.abs((a.x1 + a.x2) / 2 - (b.x1 + b.x2) / 2);
    const dy = Math.abs((a.y1 + a.y2) / 2 - (b.y1 + b.y2) / 2);
    const wx = (a.x2 - a.x1 + b.x2 - b.x1) / 2 + gap;
    const wy = (a.y2 - a.y1 + b.y2 - b.y1) / 2 + gap;
    // No two centres are the same here (separateBoxes stepped them aside), so one axis has a distance.
    const need = Math.min(dx > 0 ? wx / dx : Infinity, dy > 0 ? wy / dy : Infinity);
    factor = Math.max(factor, need * (1 + 1e-9));
  }
  return factor;
}

/** Scales the distances of the box centres from the drawing's centre by `factor`; the boxes keep their size. */
function spread(boxes: MutableBox[], factor: number): void {
  if (boxes.length === 0) return;
  const cx = boxes.reduce((s, b) => s + (b.x1 + b.x2) / 2, 0) / boxes.length;
  const cy = boxes.reduce((s, b) => s + (b.y1 + b.y2) / 2, 0) / boxes.length;
  for (const b of boxes) {
    const [x, y] = [(b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2];
    move(b, (x - cx) * (factor - 1), (y - cy) * (factor - 1));
  }
}

function move(b: MutableBox, dx: number, dy: number) {
  b.x1 += dx;
  b.x2 += dx;
  b.y1 += dy;
  b.y2 += dy;
}
