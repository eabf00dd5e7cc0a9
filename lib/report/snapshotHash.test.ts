import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../sources';
import { canonicalJson, snapshotContentHash } from './snapshotHash';

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
  it('is the SHA-256 of the canonical JSON (pinned: `printf %s \'{"adminNetworkPolicies":[],…}\' | sha256sum`)', async () => {
    const s = await loadDemoSnapshot();
    const empty = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Array.isArray(v) ? [] : v])) as typeof s;
    expect(snapshotContentHash(empty)).toBe('808e8394525e212570bfd1d5d4a7327afb22c4a53ba36e037d6f5d6b7561fb86');
  });
});
