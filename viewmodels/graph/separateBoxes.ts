/** An axis-aligned box in the drawing's coordinates (a namespace box with its label, or a top-level node). */
export interface Box {
  readonly id: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

// Boxes that touch at exactly the gap do not overlap, whatever the rounding of the sums that placed them.
const EPS = 1e-6;

/** Whether two boxes overlap when each is grown by `gap / 2` on every side. */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  const g = gap - EPS;
  return a.x1 < b.x2 + g && b.x1 < a.x2 + g && a.y1 < b.y2 + g && b.y1 < a.y2 + g;
}

/** Every overlapping pair, by id (sorted), for checks and tests. */
export function overlappingPairs(boxes: readonly Box[], gap = 0): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i], boxes[j], gap)) out.push([boxes[i].id, boxes[j].id].sort() as [string, string]);
  return out;
}

const ROUNDS = 50;

/**
 * Moves boxes apart until none overlaps (with `gap` between them), each as little as it can: a pair that overlaps is
 * pushed apart along the axis where it overlaps least, half each, and rounds repeat until nothing overlaps. Should
 * that not settle, the boxes are packed in rows in their reading order (top to bottom, left to right), which never
 * overlaps. Deterministic: the same boxes give the same moves. Returns the displacement of each box that moves.
 */
export function separateBoxes(input: readonly Box[], gap = 24): Map<string, { dx: number; dy: number }> {
  const boxes = input.map((b) => ({ ...b }));
  let clear = false;
  for (let round = 0; round < ROUNDS && !clear; round++) {
    clear = true;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (!overlaps(a, b, gap)) continue;
        clear = false;
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
    }
  }
  if (!clear) packInRows(boxes, gap);
  const out = new Map<string, { dx: number; dy: number }>();
  boxes.forEach((b, i) => {
    const dx = b.x1 - input[i].x1;
    const dy = b.y1 - input[i].y1;
    if (dx !== 0 || dy !== 0) out.set(b.id, { dx, dy });
  });
  return out;
}

function move(b: { x1: number; y1: number; x2: number; y2: number }, dx: number, dy: number) {
  b.x1 += dx;
  b.x2 += dx;
  b.y1 += dy;
  b.y2 += dy;
}

/** Rows of boxes, in reading order, about as wide as the current drawing: nothing overlaps. */
function packInRows(boxes: { x1: number; y1: number; x2: number; y2: number }[], gap: number) {
  const width = Math.max(...boxes.map((b) => b.x2)) - Math.min(...boxes.map((b) => b.x1));
  const order = boxes.map((b, i) => i).sort((p, q) => boxes[p].y1 - boxes[q].y1 || boxes[p].x1 - boxes[q].x1);
  const left = Math.min(...boxes.map((b) => b.x1));
  let x = left;
  let y = Math.min(...boxes.map((b) => b.y1));
  let rowHeight = 0;
  for (const i of order) {
    const b = boxes[i];
    const w = b.x2 - b.x1;
    const h = b.y2 - b.y1;
    if (x > left && x + w > left + width) {
      x = left;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    move(b, x - b.x1, y - b.y1);
    x += w + gap;
    rowHeight = Math.max(rowHeight, h);
  }
}
