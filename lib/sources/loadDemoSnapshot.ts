import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Snapshot } from '../model';
import { loadPaths } from './loadManifestFiles';

/** Finds `<repo>/demo`: beside this module's repo when the module sits on disk, else under the working directory. */
export function demoDir(): string {
  const candidates = [
    ...(typeof __dirname === 'string' ? [path.resolve(__dirname, '..', '..', 'demo')] : []),
    path.resolve(process.cwd(), 'demo'),
  ];
  return candidates.find((d) => existsSync(path.join(d, 'README.md'))) ?? candidates[candidates.length - 1];
}

/** FS adapter: the built-in demo cluster (`<repo>/demo/*.yaml`) → Snapshot with source `{kind: 'demo'}`. */
export async function loadDemoSnapshot(): Promise<Snapshot> {
  return loadPaths([demoDir()], { kind: 'demo' });
}
