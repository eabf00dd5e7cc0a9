import { describe, expect, it } from 'vitest';
import { createSessionStore, sessionLimits } from './sessions';

describe('sign-in sessions', () => {
  const limits = { idleMs: 60_000, maxAgeMs: 10 * 60_000, maxSessions: 3 };

  it('are random ids, each sign-in a new one', () => {
    const store = createSessionStore(limits);
    const a = store.create();
    const b = store.create();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('end after the idle time, and stay while used until their maximum age', () => {
    let t = 0;
    const store = createSessionStore(limits, () => t);
    const idle = store.create();
    const busy = store.create();
    for (t = 30_000; t <= 9 * 60_000; t += 30_000) expect(store.touch(busy)).toBe(true);
    expect(store.touch(idle)).toBe(false); // unused for 9 minutes
    t = 10 * 60_000 + 1;
    expect(store.touch(busy)).toBe(false); // used every 30 s, but 10 minutes old
  });

  it('are revoked by sign-out', () => {
    const store = createSessionStore(limits);
    const id = store.create();
    store.revoke(id);
    expect(store.touch(id)).toBe(false);
  });

  it('are bounded: past the maximum count the oldest sign-in ends', () => {
    const store = createSessionStore(limits);
    const ids = [store.create(), store.create(), store.create(), store.create()];
    expect(store.size()).toBe(3);
    expect(store.touch(ids[0])).toBe(false);
    expect(store.touch(ids[3])).toBe(true);
  });

  it('read their limits from the environment, with defaults for unset or nonsense', () => {
    expect(sessionLimits({})).toMatchObject({ idleMs: 3_600_000, maxAgeMs: 12 * 3_600_000 });
    expect(sessionLimits({ PERIMETER_SESSION_IDLE_MINUTES: '15', PERIMETER_SESSION_MAX_HOURS: '2' })).toMatchObject({ idleMs: 900_000, maxAgeMs: 7_200_000 });
    expect(sessionLimits({ PERIMETER_SESSION_IDLE_MINUTES: '-1', PERIMETER_SESSION_MAX_HOURS: 'x' })).toMatchObject({ idleMs: 3_600_000, maxAgeMs: 12 * 3_600_000 });
  });
});
