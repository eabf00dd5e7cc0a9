import { describe, expect, it } from 'vitest';
import { liveIndicator, STALE_AFTER_MS } from './liveStatusModel';

const now = Date.parse('2026-11-22T17:00:00Z');

describe('liveIndicator', () => {
  it('is live when the stream is open and the server watches are up', () => {
    expect(liveIndicator({ server: 'live', streamOpen: true, now })).toBe('live');
  });
  it('is connecting before the stream ever opened or the server finished its first list', () => {
    expect(liveIndicator({ server: undefined, streamOpen: false, now })).toBe('connecting');
    expect(liveIndicator({ server: 'connecting', streamOpen: true, now })).toBe('connecting');
  });
  it('a dropped event stream is reconnecting, then stale after STALE_AFTER_MS', () => {
    expect(liveIndicator({ server: 'live', streamOpen: false, streamDownSince: now - 1000, now })).toBe('reconnecting');
    expect(liveIndicator({ server: 'live', streamOpen: false, streamDownSince: now - STALE_AFTER_MS - 1, now })).toBe('stale');
  });
  it('a server whose watches dropped is reconnecting, then stale; a failed source is stale', () => {
    const recent = new Date(now - 5000).toISOString();
    const old = new Date(now - STALE_AFTER_MS - 1000).toISOString();
    expect(liveIndicator({ server: 'reconnecting', serverSince: recent, streamOpen: true, now })).toBe('reconnecting');
    expect(liveIndicator({ server: 'reconnecting', serverSince: old, streamOpen: true, now })).toBe('stale');
    expect(liveIndicator({ server: 'failed', streamOpen: true, now })).toBe('stale');
  });
});
