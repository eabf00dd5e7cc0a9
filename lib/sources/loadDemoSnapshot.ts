import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
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
  const dir = demoDir();
  // The manifests only: README.md sits beside them and is not input.
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
  // Origins read `demo/<file>.yaml`, whatever the install path.
  return loadPaths(files, { kind: 'demo' }, undefined, (f) => path.join('demo', path.relative(dir, f)));
}
