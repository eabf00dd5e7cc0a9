#!/usr/bin/env node
// Bundles the analysis worker (server/worker/analysisWorker.ts and the lib/ it uses) into one file beside the Next
// build, `<distDir>/perimeter/analysis-worker.mjs`, which server/analysisPool.ts starts as a worker thread. Next does
// not bundle worker entries reliably across versions; this one file runs the same in `next start` and standalone.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the worker bundle to `outfile` (tests build their own copy). */
export async function buildWorker(outfile, root = ROOT) {
  await build({
    entryPoints: [path.join(root, 'server/worker/analysisWorker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: path.join(root, 'tsconfig.json'),
    // 'server-only' guards the module graph of the Next server; in the worker it has nothing to guard.
    alias: { 'server-only': path.join(root, 'node_modules/server-only/empty.js') },
    logLevel: 'warning',
    legalComments: 'none',
  });
  return outfile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = path.join(ROOT, process.env.NEXT_DIST_DIR || '.next', 'perimeter', 'analysis-worker.mjs');
  await buildWorker(out);
  console.log(`perimeter: analysis worker built: ${path.relative(ROOT, out)}`);
}
