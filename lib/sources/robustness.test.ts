import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleSnapshot } from './assembleSnapshot';
import { convertObjects } from './convertObjects';
import { demoDir } from './loadDemoSnapshot';
import { parseManifestText } from './parseManifestText';
import type { RawMap, RawObject } from './types';

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WRONG: readonly unknown[] = [null, undefined, 0, -1, 70000, 1.5, '', 'x', 'In', true, [], [null], [1, 'a'], {}, { a: 1 }, { matchLabels: 5 }];

/** Replaces one randomly chosen value somewhere in the object with a value of the wrong shape. */
function mutate(value: unknown, random: () => number): unknown {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(value, []);
  const target = paths[1 + Math.floor(random() * (paths.length - 1))] ?? [];
  const copy = structuredClone(value) as RawMap;
  let node: Record<string | number, unknown> = copy as Record<string, unknown>;
  for (const k of target.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[target[target.length - 1]] = WRONG[Math.floor(random() * WRONG.length)];
  return copy;
}

const demoObjects: RawObject[] = readdirSync(demoDir())
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseManifestText(f, readFileSync(path.join(demoDir(), f), 'utf8')).objects);

describe('conversion never throws on malformed objects', () => {
  it('survives 3,000 random single-field corruptions of the demo objects', () => {
    const random = rng(42);
    for (let round = 0; round < 3; round++) {
      const corrupted = demoObjects.map((o) => ({ ...o, object: random() < 0.3 ? (mutate(o.object, random) as RawMap) : o.object }));
      expect(() => assembleSnapshot(convertObjects(corrupted), { kind: 'demo' })).not.toThrow();
    }
    for (let i = 0; i < 3000; i++) {
      const o = demoObjects[Math.floor(random() * demoObjects.length)];
      const one = { ...o, object: mutate(o.object, random) as RawMap };
      expect(() => assembleSnapshot(convertObjects([one]), { kind: 'demo' }), JSON.stringify(one.object).slice(0, 300)).not.toThrow();
    }
  });

  it('parses 2,000 random YAML-ish texts without throwing', () => {
    const random = rng(7);
    const alphabet = '-:[]{}&*!|>\'"#%@`?,.\n\n   \tabckind0129\\';
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 200) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(() => convertObjects(parseManifestText('fuzz.yaml', text).objects), JSON.stringify(text)).not.toThrow();
    }
  });

  it('returns plain JSON data: the snapshot survives a JSON round trip unchanged', () => {
    const s = assembleSnapshot(convertObjects(demoObjects), { kind: 'demo' }, { readAt: '2026-01-01T00:00:00.000Z' });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
