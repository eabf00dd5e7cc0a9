// Server-only: the analyses every page shares, computed once per snapshot and kept for the life of the process.
import type { Snapshot } from '@/lib/model';
import { compileSnapshot, type CompiledSnapshot, type HostNetworkMode } from '@/lib/netpol/compile';
import { perSnapshot } from './perSnapshot';

const compiledAsPod = perSnapshot('compiled', (snapshot) => compileSnapshot(snapshot));
const compiledHost = perSnapshot('compiled-host', (snapshot) => compileSnapshot(snapshot, { hostNetwork: 'host' }));

/**
 * The snapshot compiled for connectivity questions (lib/netpol). hostNetwork pods are analysed like pods unless a
 * view asks for `host` (selected by no policy, as most CNIs do); both are cached per snapshot.
 */
export function compiledSnapshot(snapshot: Snapshot, hostNetwork: HostNetworkMode = 'as-pod'): CompiledSnapshot {
  return hostNetwork === 'host' ? compiledHost(snapshot) : compiledAsPod(snapshot);
}
