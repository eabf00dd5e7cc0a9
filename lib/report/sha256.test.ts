import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../sources';
import { sha256Hex } from './sha256';
import { canonicalJson, snapshotContentHash } from './snapshotHash';

describe('sha256Hex (FIPS 180-4)', () => {
  it('matches the standard test vectors and node:crypto, across padding boundaries and non-ASCII text', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (const n of [55, 56, 63, 64, 65, 119, 1000]) {
      const s = `${'x'.repeat(n)}é`;
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});

describe('snapshotContentHash', () => {
  it('ignores key order, object order and origins; changes when an object changes', async () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null }, origin: { file: 'x' } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    const s = await loadDemoSnapshot();
    const h = snapshotContentHash(s);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const shuffled = { ...s, readAt: '2000-01-01T00:00:00Z', networkPolicies: [...s.networkPolicies].reverse().map((p) => ({ ...p, origin: undefined })) };
    expect(snapshotContentHash(shuffled)).toBe(h);
    const changed = { ...s, networkPolicies: s.networkPolicies.slice(1) };
    expect(snapshotContentHash(changed)).not.toBe(h);
  });
});
