'use client';

import { useEffect, useState } from 'react';
import { SNAPSHOT_EVENT } from './LiveStatus';

/**
 * A number that grows on each new snapshot version (LiveStatus's event). Client components put it in the
 * dependencies of what they fetch from /api: router.refresh re-renders only the server parts, so an answer fetched
 * earlier would otherwise go on describing the old snapshot.
 */
export function useSnapshotTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const onSnapshot = () => setTick((n) => n + 1);
    window.addEventListener(SNAPSHOT_EVENT, onSnapshot);
    return () => window.removeEventListener(SNAPSHOT_EVENT, onSnapshot);
  }, []);
  return tick;
}
