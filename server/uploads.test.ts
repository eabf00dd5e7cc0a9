import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '@/lib/sources';
import { COST_PER_FINDING, createUploadStore, isSessionId, newSessionId, snapshotCost, uploadLimits, type UploadLimits } from './uploads';

const snapshot = await loadDemoSnapshot();
const demoCost = snapshotCost(snapshot);
const limits = (over: Partial<UploadLimits>): UploadLimits => ({ idleMs: 1e9, capBytes: 1e12, clientBytes: 1e12, minuteBytes: 1e12, maxSessions: 100, ...over });
const upload = (client = 'c1', s = snapshot) => ({ snapshot: s, fileNames: ['a.yaml'], bytes: 10, client });

describe('the upload store', () => {
  it('forgets an upload idle longer than the expiry; use keeps it alive', () => {
    let t = 0;
    const store = createUploadStore(() => t, limits({ idleMs: 100 }));
    store.put('a', upload());
    t = 90;
    expect(store.get('a')?.fileNames).toEqual(['a.yaml']);
    t = 180;
    expect(store.get('a')).toBeDefined();
    t = 281;
    expect(store.get('a')).toBeUndefined();
    expect(store.evicted('a')).toBeUndefined(); // expiry is not eviction
  });

  it('counts what an upload holds (snapshot and analyses), not its text, and evicts the least recently used by that', () => {
    let t = 0;
    const store = createUploadStore(() => t++, limits({ capBytes: 2.5 * demoCost }));
    store.put('a', upload('x'));
    store.put('b', upload('y'));
    expect(store.usage()).toMatchObject({ sessions: 2, cost: 2 * demoCost, bytes: 20 });
    store.get('a'); // a is now more recent than b
    const other = { ...snapshot }; // another upload of the same size
    store.put('c', upload('z', other));
    // b went first; then the analyses of c are counted and a goes too.
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBeDefined();
    store.addCost(other, 10_000 * COST_PER_FINDING);
    expect(store.get('a')).toBeUndefined();
    expect(store.get('c')).toBeDefined();
  });

  it('tells the browser whose upload was evicted why, and forgets that when it uploads again', () => {
    const store = createUploadStore(Date.now, limits({ capBytes: 1.5 * demoCost }));
    store.put('a', upload('x'));
    store.put('b', upload('y'));
    expect(store.get('a')).toBeUndefined();
    expect(store.evicted('a')).toMatchObject({ fileNames: ['a.yaml'], reason: expect.stringContaining('least recently used') });
    expect(store.evicted('b')).toBeUndefined();
    store.delete('a');
    expect(store.evicted('a')).toBeUndefined();
  });

  it('one client cannot push out everyone else: past its quota its own older uploads go first', () => {
    const store = createUploadStore(Date.now, limits({ capBytes: 4 * demoCost, clientBytes: 2 * demoCost }));
    store.put('victim-1', upload('victim'));
    store.put('victim-2', upload('other'));
    for (let i = 0; i < 20; i++) store.put(`flood-${i}`, upload('flooder'));
    expect(store.get('victim-1')).toBeDefined();
    expect(store.get('victim-2')).toBeDefined();
    expect(store.usage().sessions).toBe(4);
    expect(store.evicted('flood-0')?.reason).toContain('same client');
  });

  it('refuses an upload bigger than one client’s quota, and more than half the cap of new uploads a minute', () => {
    let t = 0;
    const store = createUploadStore(() => t, limits({ capBytes: 4 * demoCost, clientBytes: 0.5 * demoCost }));
    expect(store.put('a', upload())).toMatchObject({ ok: false, status: 413, reason: expect.stringContaining('one client may hold at most') });
    const minute = createUploadStore(() => t, limits({ capBytes: 4 * demoCost, clientBytes: 4 * demoCost, minuteBytes: 2 * demoCost }));
    expect(minute.put('a', upload('p')).ok).toBe(true);
    expect(minute.put('b', upload('q')).ok).toBe(true);
    t = 30_000;
    expect(minute.put('c', upload('r'))).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 30 });
    t = 60_000;
    expect(minute.put('c', upload('r')).ok).toBe(true);
  });

  it('caps the session count too', () => {
    const store = createUploadStore(Date.now, limits({ maxSessions: 2 }));
    for (const id of ['a', 'b', 'c']) store.put(id, upload(id));
    expect(store.usage().sessions).toBe(2);
    expect(store.get('a')).toBeUndefined();
  });

  it('reads its cap from PERIMETER_UPLOAD_MEMORY_MB (1 GiB by default), a quarter per client', () => {
    expect(uploadLimits({})).toMatchObject({ capBytes: 1024 * 1024 * 1024, clientBytes: 256 * 1024 * 1024, minuteBytes: 512 * 1024 * 1024 });
    expect(uploadLimits({ PERIMETER_UPLOAD_MEMORY_MB: '400' }).capBytes).toBe(400 * 1024 * 1024);
  });
});

describe('session ids', () => {
  it('are random 256-bit base64url strings, and nothing else is accepted as one', () => {
    const a = newSessionId();
    expect(isSessionId(a)).toBe(true);
    expect(a).not.toBe(newSessionId());
    expect(isSessionId(undefined)).toBe(false);
    expect(isSessionId('../../etc')).toBe(false);
    expect(isSessionId(`${a}x`)).toBe(false);
  });
});
