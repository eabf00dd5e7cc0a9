// Server-only: the analyses every page shares, computed once per snapshot and kept for the life of the process.
import type { Snapshot } from '@/lib/model';
import { compileSnapshot, type CompiledSnapshot } from '@/lib/netpol/compile';

// Held on globalThis for the same reason as the snapshot store: Next bundles each route with its own module copies.
const KEY = Symbol.for('perimeter.compiledSnapshots');
type GlobalWithCache = typeof globalThis & { [KEY]?: WeakMap<Snapshot, CompiledSnapshot> };

/** The snapshot compiled for connectivity questions (lib/netpol), with the engine's default options. */
export function compiledSnapshot(snapshot: Snapshot): CompiledSnapshot {
  const g = globalThis as GlobalWithCache;
  const cache = (g[KEY] ??= new WeakMap());
  let compiled = cache.get(snapshot);
  if (!compiled) {
    compiled = compileSnapshot(snapshot);
    cache.set(snapshot, compiled);
  }
  return compiled;
}
