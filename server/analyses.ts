// Server-only: the analyses every page shares, computed once per snapshot and kept for the life of the process.
import 'server-only';
import { compileSnapshot } from '@/lib/netpol/compile';
import { perSnapshotAndHostNetwork } from './perSnapshot';

/**
 * The snapshot compiled for connectivity questions (lib/netpol). hostNetwork pods are analysed like pods unless a
 * view asks for `host` (selected by no policy, as most CNIs do).
 */
export const compiledSnapshot = perSnapshotAndHostNetwork('compiled', (snapshot, hostNetwork) => compileSnapshot(snapshot, { hostNetwork }));
