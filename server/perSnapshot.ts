// Server-only: one analysis per snapshot, computed on first use and shared by every request and route.
import 'server-only';
import type { Snapshot } from '@/lib/model';

/**
 * Memoises `compute` per snapshot object. The cache sits on globalThis because Next bundles each route with its own
 * module copies (a module-level map would be one cache per route); a WeakMap frees a snapshot a live source replaced.
 */
export function perSnapshot<T>(name: string, compute: (snapshot: Snapshot) => T): (snapshot: Snapshot) => T {
  const key = Symbol.for(`perimeter.perSnapshot.${name}`);
  const g = globalThis as typeof globalThis & { [key: symbol]: WeakMap<Snapshot, T> | undefined };
  return (snapshot) => {
    const cache = (g[key] ??= new WeakMap());
    if (cache.has(snapshot)) return cache.get(snapshot) as T;
    const value = compute(snapshot);
    cache.set(snapshot, value);
    return value;
  };
}
