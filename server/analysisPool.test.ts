import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analyses';
import { EMPTY_CONFIG } from '@/lib/config/config';
import { loadDemoSnapshot } from '@/lib/sources';
import { generateCluster } from '@/lib/synthetic/generateCluster';
import type { Snapshot } from '@/lib/model';
// @ts-expect-error: a plain .mjs build script without types
import { buildWorker } from '../scripts/build-worker.mjs';
import { AnalysisAborted, createAnalysisPool, type AnalysisPool } from './analysisPool';

// The real worker bundle, built as `npm run build` builds it, run in real worker threads.
let file: string;
beforeAll(async () => {
  file = await buildWorker(path.join(mkdtempSync(path.join(tmpdir(), 'perimeter-worker-')), 'analysis-worker.mjs'));
}, 60_000);

const pools: AnalysisPool[] = [];
const pool = () => {
  const p = createAnalysisPool(file);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('the analysis worker pool', () => {
  it('computes exactly the findings the event loop would', async () => {
    const demo = await loadDemoSnapshot();
    const expected = analyze(demo).findings;
    const got = await pool().findings(demo, EMPTY_CONFIG);
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(10);
  }, 60_000);

  it('runs one computation per snapshot and config, shared by every waiter', async () => {
    const p = pool();
    const demo = await loadDemoSnapshot();
    const [a, b, c] = await Promise.all([p.findings(demo, EMPTY_CONFIG), p.findings(demo, EMPTY_CONFIG, new AbortController().signal), p.findings(demo, EMPTY_CONFIG)]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(p.stats()).toMatchObject({ started: 1, completed: 1 });
  }, 60_000);

  it('keeps the event loop free while it computes: timers fire on time during a 2,000-pod analysis', async () => {
    const big: Snapshot = generateCluster({ pods: 2_000, seed: 7 });
    const p = pool();
    const lags: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      lags.push(now - last - 10);
      last = now;
    }, 10);
    const findings = await p.findings(big, EMPTY_CONFIG);
    clearInterval(timer);
    expect(findings.length).toBeGreaterThan(0);
    // The computation takes seconds; the loop never stalls for long (pieces are sent one per turn).
    expect(lags.length).toBeGreaterThan(20);
    expect(Math.max(...lags)).toBeLessThan(400);
  }, 120_000);

  it('stops a computation when every waiter has gone, and the next job still runs', async () => {
    const p = pool();
    const big: Snapshot = generateCluster({ pods: 3_000, seed: 11 });
    const one = new AbortController();
    const two = new AbortController();
    const first = p.findings(big, EMPTY_CONFIG, one.signal);
    const second = p.findings(big, EMPTY_CONFIG, two.signal);
    await new Promise((r) => setTimeout(r, 200));
    one.abort();
    expect(p.stats().cancelled).toBe(0); // one waiter is still there
    two.abort();
    await expect(first).rejects.toBeInstanceOf(AnalysisAborted);
    await expect(second).rejects.toBeInstanceOf(AnalysisAborted);
    expect(p.stats()).toMatchObject({ cancelled: 1, completed: 0 });
    const demo = await loadDemoSnapshot();
    expect((await p.findings(demo, EMPTY_CONFIG)).length).toBeGreaterThan(0);
    expect(p.stats()).toMatchObject({ completed: 1, cancelled: 1 });
  }, 120_000);

  it('a waiter without a signal keeps the job alive when the others leave', async () => {
    const p = pool();
    const demo = await loadDemoSnapshot();
    const gone = new AbortController();
    const leaving = p.findings(demo, EMPTY_CONFIG, gone.signal);
    const staying = p.findings(demo, EMPTY_CONFIG);
    gone.abort();
    await expect(leaving).rejects.toBeInstanceOf(AnalysisAborted);
    expect((await staying).length).toBeGreaterThan(0);
    expect(p.stats().cancelled).toBe(0);
  }, 60_000);
});
