import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '@/lib/sources';
import { createUploadStore, isSessionId, newSessionId } from './uploads';

const snapshot = await loadDemoSnapshot();

describe('createUploadStore', () => {
  it('an upload is forgotten once it has been idle longer than the expiry; use keeps it alive', () => {
    let t = 0;
    const store = createUploadStore(() => t, { idleMs: 100, capBytes: 1000, maxSessions: 10 });
    store.put('a', { snapshot, fileNames: ['a.yaml'], bytes: 10 });
    t = 90;
    expect(store.get('a')?.fileNames).toEqual(['a.yaml']);
    t = 180; // 90 ms after the last use
    expect(store.get('a')).toBeDefined();
    t = 281;
    expect(store.get('a')).toBeUndefined();
  });

  it('past the memory cap the least recently used other sessions are dropped, never the new upload', () => {
    let t = 0;
    const store = createUploadStore(() => t++, { idleMs: 1e9, capBytes: 100, maxSessions: 10 });
    store.put('a', { snapshot, fileNames: [], bytes: 40 });
    store.put('b', { snapshot, fileNames: [], bytes: 40 });
    store.get('a'); // a is now more recent than b
    store.put('c', { snapshot, fileNames: [], bytes: 40 });
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBeDefined();
    expect(store.get('c')).toBeDefined();
    store.put('d', { snapshot, fileNames: [], bytes: 500 });
    expect(store.usage()).toEqual({ sessions: 1, bytes: 500 });
  });

  it('the session count is capped too', () => {
    const store = createUploadStore(Date.now, { idleMs: 1e9, capBytes: 1e9, maxSessions: 2 });
    for (const id of ['a', 'b', 'c']) store.put(id, { snapshot, fileNames: [], bytes: 1 });
    expect(store.usage().sessions).toBe(2);
    expect(store.get('a')).toBeUndefined();
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
