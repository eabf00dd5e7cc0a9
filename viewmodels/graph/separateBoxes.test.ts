import { describe, expect, it } from 'vitest';
import { overlappingPairs, separateBoxes, type Box } from './separateBoxes';

const apply = (boxes: readonly Box[], moves: ReturnType<typeof separateBoxes>) =>
  boxes.map((b) => {
    const m = moves.get(b.id) ?? { dx: 0, dy: 0 };
    return { ...b, x1: b.x1 + m.dx, x2: b.x2 + m.dx, y1: b.y1 + m.dy, y2: b.y2 + m.dy };
  });

/** A seeded generator, so the random cases are the same on every run. */
function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('separateBoxes', () => {
  it('leaves boxes that do not overlap where they are', () => {
    expect(separateBoxes([{ id: 'a', x1: 0, y1: 0, x2: 10, y2: 10 }, { id: 'b', x1: 100, y1: 0, x2: 110, y2: 10 }]).size).toBe(0);
  });

  it('pushes two overlapping boxes apart along the axis they overlap least, with the gap between them', () => {
    const boxes = [{ id: 'a', x1: 0, y1: 0, x2: 100, y2: 40 }, { id: 'b', x1: 90, y1: 5, x2: 190, y2: 45 }];
    const after = apply(boxes, separateBoxes(boxes, 20));
    expect(overlappingPairs(after, 20)).toEqual([]);
    // Moved sideways (10 px of overlap across, 35 down), not up or down.
    expect(after.map((b) => b.y1)).toEqual([0, 5]);
  });

  it('separates hundreds of boxes piled on a few spots (the 10k namespace level), deterministically', () => {
    const rnd = lcg(7);
    const boxes: Box[] = Array.from({ length: 203 }, (_, i) => {
      const x = Math.floor(rnd() * 6) * 40;
      const y = Math.floor(rnd() * 3) * 30;
      return { id: `ns:${i}`, x1: x, y1: y, x2: x + 136, y2: y + 52 };
    });
    const moves = separateBoxes(boxes, 24);
    expect(overlappingPairs(apply(boxes, moves), 24)).toEqual([]);
    expect(separateBoxes(boxes, 24)).toEqual(moves);
  });

  it('separates nested sizes: big namespace boxes among small ones', () => {
    const rnd = lcg(42);
    const boxes: Box[] = Array.from({ length: 40 }, (_, i) => {
      const w = 30 + rnd() * 400;
      const h = 30 + rnd() * 300;
      const x = rnd() * 500;
      const y = rnd() * 500;
      return { id: `b${i}`, x1: x, y1: y, x2: x + w, y2: y + h };
    });
    expect(overlappingPairs(apply(boxes, separateBoxes(boxes, 16)), 16)).toEqual([]);
  });
});

describe('separateBoxes at thousands of boxes', () => {
  // 3,003 namespace boxes (the 150,000-pod cluster's namespace level) dropped into a square a quarter of their area:
  // local pushes alone cannot settle that; the drawing is spread from its centre instead of falling back to a grid.
  const rnd = lcg(11);
  const boxes: Box[] = Array.from({ length: 3_003 }, (_, i) => {
    const x = rnd() * 3_000;
    const y = rnd() * 2_000;
    return { id: `ns:${i}`, x1: x, y1: y, x2: x + 136, y2: y + 52 };
  });
  const after = apply(boxes, separateBoxes(boxes, 40));

  it('leaves no two boxes overlapping', () => {
    expect(overlappingPairs(after, 40)).toEqual([]);
  });

  it('keeps the shape: the boxes keep their order left to right and top to bottom, mostly', () => {
    // Rank correlation of the centres before and after, per axis: a grid fallback scrambles it (~0.7), a spread keeps it.
    const centre = (b: Box, axis: 'x' | 'y') => (axis === 'x' ? b.x1 + b.x2 : b.y1 + b.y2) / 2;
    for (const axis of ['x', 'y'] as const) {
      const rank = (bs: Box[]) => {
        const order = bs.map((b, i) => i).sort((p, q) => centre(bs[p], axis) - centre(bs[q], axis));
        const r = new Array<number>(bs.length);
        order.forEach((i, k) => (r[i] = k));
        return r;
      };
      const [r1, r2] = [rank(boxes), rank(after)];
      const n = boxes.length;
      const d2 = r1.reduce((s, r, i) => s + (r - r2[i]) ** 2, 0);
      expect(1 - (6 * d2) / (n * (n * n - 1))).toBeGreaterThan(0.95);
    }
  });

  it('parts boxes piled on one spot', () => {
    const pile: Box[] = Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, x1: 0, y1: 0, x2: 136, y2: 52 }));
    expect(overlappingPairs(apply(pile, separateBoxes(pile, 40)), 40)).toEqual([]);
  });
});
