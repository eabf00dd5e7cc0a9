// Server-only: the analyses every page shares, computed once per snapshot and kept for the life of the process.
import { compileSnapshot } from '@/lib/netpol/compile';
import { perSnapshot } from './perSnapshot';

/** The snapshot compiled for connectivity questions (lib/netpol), with the engine's default options. */
export const compiledSnapshot = perSnapshot('compiled', (snapshot) => compileSnapshot(snapshot));
