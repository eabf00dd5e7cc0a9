import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '@/lib/sources';
import { perSnapshot } from './perSnapshot';

describe('perSnapshot', () => {
  it('computes once per snapshot object and again for a new version of it', async () => {
    const demo = await loadDemoSnapshot();
    let runs = 0;
    const count = perSnapshot('test-count', (s) => {
      runs += 1;
      return s.pods.length;
    });
    expect(count(demo)).toBe(demo.pods.length);
    expect(count(demo)).toBe(demo.pods.length);
    expect(runs).toBe(1);
    count({ ...demo, version: 2 });
    expect(runs).toBe(2);
  });

  it('shares one cache between copies of a module (Next bundles each route separately), by name', async () => {
    const demo = await loadDemoSnapshot();
    let runs = 0;
    const a = perSnapshot('test-shared', () => ++runs);
    const b = perSnapshot('test-shared', () => ++runs);
    expect(a(demo)).toBe(1);
    expect(b(demo)).toBe(1);
  });
});
