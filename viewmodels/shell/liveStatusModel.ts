/** What the banner shows for a live cluster source. */
export type LiveIndicator = 'connecting' | 'live' | 'reconnecting' | 'stale';

/** What the browser knows: the server's source status (from /api/events) and its own event stream. */
export interface LiveInputs {
  /** The server's cluster source state, as last received. */
  readonly server: 'connecting' | 'live' | 'reconnecting' | 'failed' | undefined;
  /** Since when the server has been reconnecting (ISO), if it is. */
  readonly serverSince?: string;
  /** Whether this browser's event stream is open; when it is not, since when (ms epoch). */
  readonly streamOpen: boolean;
  readonly streamDownSince?: number;
  readonly now: number;
}

/** A dropped watch or event stream is "reconnecting" for this long; after it the page says its data is stale. */
export const STALE_AFTER_MS = 30_000;

/**
 * Live when the stream is open and the server's watches are up; reconnecting while either is being re-established;
 * stale once that has lasted STALE_AFTER_MS, or when the server's source failed (the page shows its last version).
 */
export function liveIndicator(i: LiveInputs): LiveIndicator {
  if (!i.streamOpen) {
    if (i.streamDownSince === undefined) return 'connecting';
    return i.now - i.streamDownSince > STALE_AFTER_MS ? 'stale' : 'reconnecting';
  }
  switch (i.server) {
    case undefined:
    case 'connecting':
      return 'connecting';
    case 'live':
      return 'live';
    case 'failed':
      return 'stale';
    case 'reconnecting': {
      const since = i.serverSince ? Date.parse(i.serverSince) : i.now;
      return i.now - since > STALE_AFTER_MS ? 'stale' : 'reconnecting';
    }
  }
}
